package com.propcloud.pms.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The few rules that keep the gateway a small, non-blocking edge. */
@AnalyzeClasses(packages = "com.propcloud.pms.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayArchitectureTests {

    /** One blocking call on an event loop stalls every request sharing it. */
    @ArchTest
    static final ArchRule staysOnTheReactiveStack = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "jakarta.servlet..",
                    "org.springframework.web.servlet..",
                    "org.springframework.web.client..",
                    "org.springframework.cloud.gateway.server.mvc..",
                    "java.net.http..")
            .because("the gateway runs on WebFlux event loops: no servlet API, no blocking HTTP clients");

    @ArchTest
    static final ArchRule configurationPropertiesAreRecords = classes()
            .that()
            .areAnnotatedWith(ConfigurationProperties.class)
            .should()
            .beRecords()
            .andShould()
            .notBePublic()
            .because("house style: validated, immutable properties records owned by their feature package");

    @ArchTest
    static final ArchRule noValueInjection = noClasses()
            .should()
            .dependOnClassesThat()
            .areAssignableTo(Value.class)
            .because("configuration arrives through validated properties records, not @Value");

    /** The problem package is the base every feature writes errors with; it knows none of them. */
    @ArchTest
    static final ArchRule problemsKnowNoFeature = noClasses()
            .that()
            .resideInAPackage("..gateway.problem..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..gateway.security..", "..gateway.limits..", "..gateway.routing..", "..gateway.redis..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles =
            slices().matching("com.propcloud.pms.gateway.(*)..").should().beFreeOfCycles();
}
