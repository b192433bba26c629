package com.propcloud.pms.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The house style's boundaries, shared by every service: include with {@code @ArchTest static final
 * ArchTests style = ArchTests.in(ServiceArchitectureRules.class);} in a class annotated {@code
 * @AnalyzeClasses(packages = "com.propcloud.pms.<service>")}.
 */
public final class ServiceArchitectureRules {

    private static final String ROOT = "com.propcloud.pms";
    private static final String ENTITY = "jakarta.persistence.Entity";

    private ServiceArchitectureRules() {}

    /** Services share technical machinery only; another service's code is reached by event or API. */
    @ArchTest
    static final ArchRule servicesUseNoOtherServicesCode = classes()
            .that()
            .resideInAPackage(ROOT + "..")
            .should(onlyDependOnOwnServiceOrCommon())
            .allowEmptyShould(true);

    /** Feature packages may use each other's public services, but never in a cycle. */
    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles =
            slices().matching(ROOT + ".*.(*)..").should().beFreeOfCycles().allowEmptyShould(true);

    @ArchTest
    static final ArchRule constructorInjectionOnly = noFields()
            .should()
            .beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noLombok = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("lombok..")
            .allowEmptyShould(true);

    /** Entities never leave their service as JSON: controllers take and return records. */
    @ArchTest
    static final ArchRule controllersExposeNoEntities = methods()
            .that()
            .areDeclaredInClassesThat()
            .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
            .should(notExposeEntities())
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule configurationPropertiesAreRecords = classes()
            .that()
            .areAnnotatedWith("org.springframework.boot.context.properties.ConfigurationProperties")
            .should()
            .beRecords()
            .allowEmptyShould(true);

    private static ArchCondition<JavaClass> onlyDependOnOwnServiceOrCommon() {
        return new ArchCondition<>("only depend on their own service's and common packages") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = serviceOf(item.getPackageName());
                item.getDirectDependenciesFromSelf().forEach(dependency -> {
                    String target = serviceOf(dependency.getTargetClass().getPackageName());
                    boolean allowed =
                            target == null || target.equals(own) || target.equals("common") || target.equals("test");
                    if (!allowed) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        };
    }

    private static String serviceOf(String packageName) {
        if (!packageName.startsWith(ROOT + ".")) {
            return null;
        }
        String rest = packageName.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static ArchCondition<JavaMethod> notExposeEntities() {
        DescribedPredicate<JavaClass> entity =
                DescribedPredicate.describe("an @Entity", type -> type.isAnnotatedWith(ENTITY));
        return new ArchCondition<>("neither take nor return an @Entity") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean returnsEntity =
                        method.getReturnType().getAllInvolvedRawTypes().stream().anyMatch(entity);
                boolean takesEntity = method.getParameterTypes().stream()
                        .flatMap(type -> type.getAllInvolvedRawTypes().stream())
                        .anyMatch(entity);
                if (returnsEntity || takesEntity) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " exposes an entity"));
                }
            }
        };
    }
}
