package com.propcloud.pms.user;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import jakarta.persistence.Entity;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keeps the package-by-feature layout honest: each feature ({@code tenant}, {@code staff}, {@code
 * auth}, {@code key}, {@code me}, {@code seed}) keeps its entities, repositories and controllers to
 * itself and offers the others only its public service types.
 */
class UserArchitectureTests {

    private static final String BASE = "com.propcloud.pms.user";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    @Test
    void controllersLiveInTheirFeaturePackageAndArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .resideInAPackage(BASE + ".*")
                .andShould()
                .notBePublic()
                .andShould()
                .haveSimpleNameEndingWith("Controller")
                .check(classes);
    }

    @Test
    void controllersNeitherTakeNorReturnEntities() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(RestController.class)
                .should(notInvolveEntities())
                .check(classes);
    }

    @Test
    void entitiesAndRepositoriesAreInternalToTheirFeature() {
        classes()
                .that()
                .areAnnotatedWith(Entity.class)
                .or()
                .areAssignableTo(Repository.class)
                .should()
                .notBePublic()
                .check(classes);
    }

    @Test
    void featuresUseEachOtherOnlyThroughPublicTypesOfTheFeatureRoot() {
        classes()
                .that()
                .resideInAPackage(BASE + ".*..")
                .should(reachOtherFeaturesOnlyThroughPublicApi())
                .check(classes);
    }

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void nothingUsesFieldInjection() {
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(classes);
    }

    private static ArchCondition<JavaMethod> notInvolveEntities() {
        return new ArchCondition<>("neither take nor return an @Entity type") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                Stream<JavaClass> involved = Stream.concat(
                        method.getReturnType().getAllInvolvedRawTypes().stream(),
                        method.getParameters().stream()
                                .map(JavaParameter::getType)
                                .flatMap(type -> type.getAllInvolvedRawTypes().stream()));
                involved.filter(type -> type.isAnnotatedWith(Entity.class))
                        .forEach(entity -> events.add(SimpleConditionEvent.violated(
                                method, method.getFullName() + " exposes entity " + entity.getName())));
            }
        };
    }

    private static ArchCondition<JavaClass> reachOtherFeaturesOnlyThroughPublicApi() {
        return new ArchCondition<>("reach other features only through public, non-entity types of their root package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> home = feature(origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    Optional<String> targetFeature = feature(target);
                    if (targetFeature.isEmpty() || targetFeature.equals(home)) {
                        continue;
                    }
                    boolean api = target.getModifiers().contains(JavaModifier.PUBLIC)
                            && target.getPackageName().equals(BASE + "." + targetFeature.get())
                            && !target.isAnnotatedWith(Entity.class)
                            && !target.isAssignableTo(Repository.class)
                            && !target.isAnnotatedWith(RestController.class);
                    if (!api) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The feature a class belongs to: the first package below the base, if any. */
    private static Optional<String> feature(JavaClass type) {
        String pkg = type.getPackageName();
        if (!pkg.startsWith(BASE + ".")) {
            return Optional.empty();
        }
        String rest = pkg.substring(BASE.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
