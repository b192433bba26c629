package com.propcloud.pms.asset;

import com.propcloud.pms.test.ServiceArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

@AnalyzeClasses(packages = "com.propcloud.pms.asset", importOptions = ImportOption.DoNotIncludeTests.class)
class AssetServiceArchitectureTests {

    @ArchTest
    static final ArchTests houseStyle = ArchTests.in(ServiceArchitectureRules.class);
}
