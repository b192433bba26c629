package com.propcloud.pms.billing;

import com.propcloud.pms.test.ServiceArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

@AnalyzeClasses(packages = "com.propcloud.pms.billing", importOptions = ImportOption.DoNotIncludeTests.class)
class BillingServiceArchitectureTests {

    @ArchTest
    static final ArchTests houseStyle = ArchTests.in(ServiceArchitectureRules.class);
}
