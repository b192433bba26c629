package com.propcloud.pms.user.sms;

import com.propcloud.pms.common.audit.Masking;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider for local runs and tests: behaves like a real one from the caller's side (accepts the
 * message and delivers it later, on its own thread) but delivers to places a person or a test can
 * read: a bounded list of recent messages in memory ({@link #latestTo}, {@link #messagesTo}), one JSON
 * line per message in {@code pms.sms.sandbox-file} (the sandbox's handset, so it holds the full
 * number; the end-to-end tests read it), and the log, which shows the code itself on purpose: the only
 * place a code may appear in a log line.
 */
@Component
@ConditionalOnProperty(name = "pms.sms.provider", havingValue = "sandbox", matchIfMissing = true)
public class SandboxSmsSender implements SmsSender, DisposableBean {

    static final String PROVIDER = "sandbox";
    static final int KEPT_MESSAGES = 500;
    private static final int QUEUE_CAPACITY = 1_000;
    private static final Logger log = LoggerFactory.getLogger(SandboxSmsSender.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final Clock clock;
    private final Counter delivered;
    private final Counter failed;
    private final ThreadPoolExecutor deliveries;
    private final Deque<SmsMessage> recent = new ArrayDeque<>();

    SandboxSmsSender(SmsProperties properties, Clock clock, MeterRegistry meters) {
        this.file = properties.sandboxFile().toAbsolutePath();
        this.clock = clock;
        this.delivered = meters.counter("pms.sms.sent", "provider", PROVIDER, "outcome", "delivered");
        this.failed = meters.counter("pms.sms.sent", "provider", PROVIDER, "outcome", "failed");
        // one thread keeps the file's lines whole and in order; a full queue refuses, as a provider would
        this.deliveries = new ThreadPoolExecutor(
                1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY), runnable -> {
                    Thread thread = new Thread(runnable, "sms-sandbox");
                    thread.setDaemon(true);
                    return thread;
                });
        log.info("SMS sandbox delivers to {}", file);
    }

    /** Accepts the message and returns at once; delivery follows on the sandbox's own thread. */
    @Override
    public void send(SmsMessage message) {
        deliveries.execute(() -> deliver(message));
    }

    /** The latest message delivered to {@code phone}, among the recent ones kept in memory. */
    public Optional<SmsMessage> latestTo(String phone) {
        List<SmsMessage> messages = messagesTo(phone);
        return messages.isEmpty() ? Optional.empty() : Optional.of(messages.get(messages.size() - 1));
    }

    /** The recent messages delivered to {@code phone}, oldest first. */
    public List<SmsMessage> messagesTo(String phone) {
        synchronized (recent) {
            return recent.stream().filter(m -> m.phone().equals(phone)).toList();
        }
    }

    /** The file the sandbox appends its messages to. */
    public Path file() {
        return file;
    }

    private void deliver(SmsMessage message) {
        synchronized (recent) {
            if (recent.size() == KEPT_MESSAGES) {
                recent.removeFirst();
            }
            recent.addLast(message);
        }
        String code = message.parameters().get("code");
        if (code != null) {
            log.info("SMS sandbox → {}: code {} ({})", Masking.phone(message.phone()), code, message.template());
        } else {
            log.info("SMS sandbox → {}: {}", Masking.phone(message.phone()), message.template());
        }
        try {
            append(message);
            delivered.increment();
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "SMS sandbox could not write the message to {} to {}: {}",
                    Masking.phone(message.phone()),
                    file,
                    e.getClass().getName());
            failed.increment();
        }
    }

    private void append(SmsMessage message) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sentAt", clock.instant().toString());
        line.put("phone", message.phone());
        line.put("template", message.template());
        line.put("parameters", new TreeMap<>(message.parameters()));
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(
                file,
                JSON.writeValueAsString(line) + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Delivers what was accepted before the context closes, within a few seconds. */
    @Override
    public void destroy() throws InterruptedException {
        deliveries.shutdown();
        if (!deliveries.awaitTermination(5, TimeUnit.SECONDS)) {
            deliveries.shutdownNow();
        }
    }
}
