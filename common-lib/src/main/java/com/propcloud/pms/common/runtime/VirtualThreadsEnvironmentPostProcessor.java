package com.propcloud.pms.common.runtime;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns on virtual threads where the runtime has them (21 and newer). The jars target Java 17 so they
 * run on every machine's default JDK; on a newer one, request handling and listeners should not be
 * bound by a platform-thread pool. An explicit {@code spring.threads.virtual.enabled} still wins.
 */
public class VirtualThreadsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PROPERTY = "spring.threads.virtual.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (Runtime.version().feature() >= 21) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("pmsVirtualThreads", Map.of(PROPERTY, "true")));
        }
    }
}
