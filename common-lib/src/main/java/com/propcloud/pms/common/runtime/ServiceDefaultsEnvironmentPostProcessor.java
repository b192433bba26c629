package com.propcloud.pms.common.runtime;

import java.io.IOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code pms-service-defaults.yml} beneath every other property source, so that each service
 * shares one set of defaults (connections by environment variable, actuator exposure, JPA and upload
 * settings) and its own {@code application.yml} says only what is particular to it.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String DEFAULTS = "pms-service-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var resource = new ClassPathResource(DEFAULTS, ServiceDefaultsEnvironmentPostProcessor.class.getClassLoader());
        try {
            for (var source : new YamlPropertySourceLoader().load("pmsServiceDefaults", resource)) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + DEFAULTS, e);
        }
    }
}
