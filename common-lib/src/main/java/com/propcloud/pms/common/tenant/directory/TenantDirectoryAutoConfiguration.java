package com.propcloud.pms.common.tenant.directory;

import com.propcloud.pms.common.messaging.envelope.EventEnvelope;
import com.propcloud.pms.common.messaging.inbox.EventConsumer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The tenant directory read model for a service that needs user-service's tenants ({@code
 * pms.tenant-directory.enabled=true}): the {@link TenantDirectory} bean, the consumer {@code
 * <spring.application.name>.tenant-directory} of {@code user.tenant.*}, and the bootstrap from
 * user-service's internal API. Backs off where the application defines its own {@link TenantDirectory}
 * (a test stand-in).
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
            "com.propcloud.pms.common.db.DatabaseAutoConfiguration",
            "com.propcloud.pms.common.tenant.TenantAutoConfiguration",
            "com.propcloud.pms.common.messaging.MessagingAutoConfiguration"
        })
@ConditionalOnBooleanProperty("pms.tenant-directory.enabled")
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnBean({DataSource.class, PlatformTransactionManager.class})
@ConditionalOnMissingBean(TenantDirectory.class)
@EnableConfigurationProperties(TenantDirectoryProperties.class)
public class TenantDirectoryAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TenantDirectoryAutoConfiguration.class);
    static final String CONSUMER_SUFFIX = ".tenant-directory";

    @Bean
    JdbcTenantDirectory pmsTenantDirectory(
            DataSource dataSource, PlatformTransactionManager transactions, TenantDirectoryProperties properties) {
        return new JdbcTenantDirectory(
                new TenantDirectoryStore(dataSource), transactions, properties.cacheTtl(), System::nanoTime);
    }

    @Bean
    TenantRefresher pmsTenantDirectoryRefresher(
            JdbcTenantDirectory directory, TenantDirectoryProperties properties, Environment environment) {
        String clientId = properties.clientId() != null
                ? properties.clientId()
                : environment.getRequiredProperty("spring.application.name");
        URI uri = properties.userServiceUri() != null
                ? properties.userServiceUri()
                : URI.create(environment.getProperty(
                        TenantDirectoryProperties.URI_VARIABLE, TenantDirectoryProperties.DEFAULT_URI));
        String secret = properties.clientSecret() != null
                ? properties.clientSecret()
                : environment.getProperty(
                        TenantDirectoryProperties.SECRET_VARIABLE, TenantDirectoryProperties.DEFAULT_SECRET);
        UserServiceTenantSource source = new UserServiceTenantSource(
                uri, clientId, secret, properties.connectTimeout(), properties.requestTimeout(), Clock.systemUTC());
        // a waiter gives up a little after the fetch itself would have: connect, token, list
        Duration waitLimit = properties
                .connectTimeout()
                .multipliedBy(2)
                .plus(properties.requestTimeout().multipliedBy(3))
                .plusSeconds(1);
        TenantRefresher refresher = new TenantRefresher(
                source, directory::applyAll, properties.refetchInterval(), waitLimit, System::nanoTime);
        directory.refetchWith(refresher);
        log.info("Tenant directory on, as client {} of {}", clientId, source.describe());
        return refresher;
    }

    @Bean
    TenantDirectoryBootstrap pmsTenantDirectoryBootstrap(
            TenantRefresher refresher, TenantDirectoryProperties properties) {
        return new TenantDirectoryBootstrap(refresher, properties.bootstrapRetryMin(), properties.bootstrapRetryMax());
    }

    @Bean
    EventConsumer pmsTenantDirectoryConsumer(JdbcTenantDirectory directory, Environment environment) {
        String name = environment.getRequiredProperty("spring.application.name") + CONSUMER_SUFFIX;
        return EventConsumer.named(name).bindings("user.tenant.*").handler(event -> apply(directory, event));
    }

    static void apply(JdbcTenantDirectory directory, EventEnvelope event) {
        if (!TenantChangedV1.CREATED.equals(event.type()) && !TenantChangedV1.UPDATED.equals(event.type())) {
            log.debug("Tenant directory ignores {}", event.type());
            return;
        }
        TenantRecord tenant = event.payloadAs(TenantChangedV1.class).toRecord(event.occurredAt());
        if (!directory.apply(tenant)) {
            log.debug("Tenant directory ignores {} {}: it holds a newer copy", event.type(), event.eventId());
        }
    }
}
