package com.propcloud.pms.user.seed;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Demo data for local runs and tests.
 *
 * @param demo whether to seed at all; off unless a local run or a test turns it on
 * @param demoPassword the password of every seeded account
 */
@Validated
@ConfigurationProperties("pms.seed")
record DemoSeedProperties(
        @DefaultValue("false") boolean demo, @NotBlank String demoPassword) {

    @Override
    public String toString() {
        return "DemoSeedProperties[demo=" + demo + "]";
    }
}
