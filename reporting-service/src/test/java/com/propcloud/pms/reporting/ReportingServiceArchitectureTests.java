package com.propcloud.pms.reporting;

import com.propcloud.pms.test.ServiceArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

@AnalyzeClasses(packages = "com.propcloud.pms.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ReportingServiceArchitectureTests {

    @ArchTest
    static final ArchTests houseStyle = ArchTests.in(ServiceArchitectureRules.class);
}
