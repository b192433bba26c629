package com.propcloud.pms.user;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Tenants, staff accounts, login and tokens. The platform's identity provider: it issues the RS256
 * access tokens every other service validates and publishes their keys as a JWKS. The {@code Clock}
 * that token lifetimes and expiries read comes from common-lib.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class UserServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(UserServiceApplication.class, args);
    }
}
