package com.propcloud.pms.common.messaging.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;

/**
 * The queues of one consumer. Retries wait in a classic queue per backoff step whose message TTL
 * dead-letters back to the work queue (RabbitMQ 3.10 has no delayed-message plugin); each such queue is
 * named after its delay, so changing the backoff adds queues instead of clashing with existing ones.
 */
record ConsumerQueues(String consumer, String work, Map<Duration, String> retries, String deadLetter) {

    static ConsumerQueues of(String prefix, String consumer, List<Duration> backoff) {
        String work = prefix + consumer;
        Map<Duration, String> retries = new LinkedHashMap<>();
        for (Duration delay : backoff) {
            retries.putIfAbsent(delay, work + ".retry." + delay.toMillis() + "ms");
        }
        return new ConsumerQueues(consumer, work, Map.copyOf(retries), work + ".dlq");
    }

    String retryQueue(Duration delay) {
        return retries.get(delay);
    }

    List<Declarable> declarables(TopicExchange exchange, List<String> bindings) {
        List<Declarable> declarables = new ArrayList<>();
        Queue workQueue = QueueBuilder.durable(work).quorum().build();
        declarables.add(workQueue);
        for (String pattern : bindings) {
            Binding binding = BindingBuilder.bind(workQueue).to(exchange).with(pattern);
            declarables.add(binding);
        }
        retries.forEach((delay, name) -> declarables.add(QueueBuilder.durable(name)
                .ttl(Math.toIntExact(delay.toMillis()))
                .deadLetterExchange("")
                .deadLetterRoutingKey(work)
                .build()));
        declarables.add(QueueBuilder.durable(deadLetter).quorum().build());
        return declarables;
    }
}
