package com.propcloud.pms.test;

import java.util.List;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points every test context marked {@link UsesPmsInfrastructure} at this run's servers, ahead of the
 * application's own configuration. Registered in {@code META-INF/spring.factories}.
 */
public class PmsInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        if (!TestContextAnnotationUtils.hasAnnotation(testClass, UsesPmsInfrastructure.class)) {
            return null;
        }
        return new InfrastructureCustomizer();
    }

    /** Equal to every other instance, so contexts differing only by test class still share the cache. */
    private static final class InfrastructureCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(
                org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            var source = new MapPropertySource(
                    "pmsTestInfrastructure", TestInfrastructure.get().springProperties());
            context.getEnvironment().getPropertySources().addFirst(source);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof InfrastructureCustomizer;
        }

        @Override
        public int hashCode() {
            return InfrastructureCustomizer.class.hashCode();
        }
    }
}
