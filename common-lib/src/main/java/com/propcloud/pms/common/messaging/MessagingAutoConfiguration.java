package com.propcloud.pms.common.messaging;

import com.propcloud.pms.common.messaging.broker.BrokerConfiguration;
import com.propcloud.pms.common.messaging.inbox.InboxConfiguration;
import com.propcloud.pms.common.messaging.outbox.OutboxConfiguration;
import com.propcloud.pms.common.messaging.topology.TopologyConfiguration;
import javax.sql.DataSource;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Events for a service with a database and RabbitMQ: the events exchange and every {@code
 * EventConsumer}'s queues declared at start, the transactional {@code Outbox} and its relay, idempotent
 * consumers and their DLQ tools. Off with {@code pms.messaging.enabled=false}.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "com.propcloud.pms.common.db.DatabaseAutoConfiguration",
            "com.propcloud.pms.common.tenant.TenantAutoConfiguration"
        })
@ConditionalOnClass({RabbitTemplate.class, JdbcTemplate.class})
@ConditionalOnBean({ConnectionFactory.class, DataSource.class, PlatformTransactionManager.class})
@ConditionalOnBooleanProperty(name = "pms.messaging.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MessagingProperties.class)
@Import({BrokerConfiguration.class, TopologyConfiguration.class, OutboxConfiguration.class, InboxConfiguration.class})
public class MessagingAutoConfiguration {}
