package com.propcloud.pms.user;

import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a random port against the real servers, with the demo tenants seeded. One
 * annotation, so every integration test shares one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pms.seed.demo=true", "pms.crypto.keys.retired-test=" + UserServiceTest.RETIRED_KEY})
@AutoConfigureRestTestClient
@UsesPmsInfrastructure
public @interface UserServiceTest {

    /** An older encryption key the context still knows, as after a rotation (PersonalDataRotationIT). */
    String RETIRED_KEY = "cmV0aXJlZC10ZXN0LWtleS0zMi1ieXRlcy1sb25nISE=";
}
