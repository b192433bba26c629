package com.propcloud.pms.common.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;

class EventConsumerTests {

    private static final EventHandler IGNORE = event -> {};

    @Nested
    class Declaring {

        @Test
        void readsAsASentence() {
            EventConsumer consumer = EventConsumer.named("reporting.work-order-projection")
                    .bindings("workorder.ticket.*", "workorder.dispatch.#")
                    .handler(IGNORE);

            assertThat(consumer.bindings()).containsExactly("workorder.ticket.*", "workorder.dispatch.#");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Reporting.projection", "reporting projection", "", ".reporting", "reporting."})
        void rejectsANameThatCannotNameAQueue(String name) {
            assertThatIllegalArgumentException()
                    .isThrownBy(
                            () -> EventConsumer.named(name).bindings("a.b.c").handler(IGNORE));
        }

        @Test
        void rejectsAConsumerWithoutBindings() {
            assertThatIllegalArgumentException().isThrownBy(() -> EventConsumer.named("reporting.projection")
                    .handler(IGNORE));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Workorder.ticket.*", "workorder..created", "workorder.ticket.*x"})
        void rejectsABindingThatIsNotALowerCasePattern(String binding) {
            assertThatIllegalArgumentException().isThrownBy(() -> EventConsumer.named("reporting.projection")
                    .bindings(binding)
                    .handler(IGNORE));
        }
    }

    @Nested
    class Queues {

        private final ConsumerQueues queues = ConsumerQueues.of(
                "run1.",
                "reporting.projection",
                List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(5)));

        @Test
        void namesTheQueuesAfterTheConsumer() {
            assertThat(queues.work()).isEqualTo("run1.reporting.projection");
            assertThat(queues.deadLetter()).isEqualTo("run1.reporting.projection.dlq");
        }

        @Test
        void hasOneRetryQueuePerDistinctDelay() {
            assertThat(queues.retries())
                    .containsOnly(
                            Map.entry(Duration.ofSeconds(1), "run1.reporting.projection.retry.1000ms"),
                            Map.entry(Duration.ofSeconds(5), "run1.reporting.projection.retry.5000ms"));
        }

        @Test
        void retryQueuesExpireBackIntoTheWorkQueue() {
            Queue retry = queue(queues.retryQueue(Duration.ofSeconds(5)));

            assertThat(retry.getArguments())
                    .containsEntry("x-message-ttl", 5000)
                    .containsEntry("x-dead-letter-exchange", "")
                    .containsEntry("x-dead-letter-routing-key", "run1.reporting.projection");
        }

        @Test
        void workAndDeadLetterQueuesAreDurableQuorumQueues() {
            assertThat(List.of(queue(queues.work()), queue(queues.deadLetter())))
                    .allSatisfy(queue -> {
                        assertThat(queue.isDurable()).isTrue();
                        assertThat(queue.getArguments()).containsEntry("x-queue-type", "quorum");
                    });
        }

        @Test
        void bindsTheWorkQueueWithEveryPattern() {
            List<Declarable> declarables = queues.declarables(new TopicExchange("pms.events"), List.of("a.b.*", "c.#"));

            assertThat(declarables)
                    .filteredOn(Binding.class::isInstance)
                    .map(Binding.class::cast)
                    .extracting(Binding::getRoutingKey)
                    .containsExactly("a.b.*", "c.#");
        }

        private Queue queue(String name) {
            return queues.declarables(new TopicExchange("pms.events"), List.of("a.b.c")).stream()
                    .filter(Queue.class::isInstance)
                    .map(Queue.class::cast)
                    .filter(queue -> queue.getName().equals(name))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
