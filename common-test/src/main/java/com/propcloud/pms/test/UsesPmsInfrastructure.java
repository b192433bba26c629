package com.propcloud.pms.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring test whose context talks to the real PostgreSQL, RabbitMQ, Redis, MQTT broker and
 * MongoDB resolved by {@link TestInfrastructure}. The test run gets its own databases, virtual host,
 * key prefix, topic root and Mongo database, so it never touches a running platform's data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface UsesPmsInfrastructure {}
