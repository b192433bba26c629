package com.propcloud.pms.e2e;

import com.propcloud.pms.test.TcpProxy;
import com.propcloud.pms.test.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform for the end-to-end suite: the gateway and every service as separate JVMs on free
 * ports, pointed at this test run's isolated databases, virtual host, key prefix, topic root and
 * Mongo database. Started once per test JVM and stopped when it exits.
 */
final class Platform {

    static final String DEMO_PASSWORD = "Demo#2026";
    private static final List<String> BACKENDS = List.of(
            "user-service",
            "asset-service",
            "workorder-service",
            "billing-service",
            "iot-service",
            "reporting-service");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    private static volatile Platform instance;
    /** A failed start is not retried by the next test class: that would run a second platform. */
    private static volatile RuntimeException startFailure;

    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** Every service reaches RabbitMQ through this, so a test can cut the broker off and bring it back. */
    private final TcpProxy brokerLink = TcpProxy.start(
            TestInfrastructure.get().rabbit().host(),
            TestInfrastructure.get().rabbit().port());

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static Platform get() {
        if (instance == null) {
            synchronized (Platform.class) {
                if (startFailure != null) {
                    throw startFailure;
                }
                if (instance == null) {
                    Platform platform = new Platform();
                    Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "pms-e2e-platform-stop"));
                    try {
                        platform.start();
                    } catch (RuntimeException e) {
                        platform.stop();
                        startFailure = e;
                        throw e;
                    }
                    instance = platform;
                }
            }
        }
        return instance;
    }

    /** Stops every process this JVM started; safe to call more than once. */
    static void stopIfStarted() {
        Platform platform = instance;
        if (platform != null) {
            platform.stop();
        }
    }

    /**
     * user-service's encryption key for this run (personal numbers, signing keys at rest): the tests
     * read the signing key from the database to mint tokens, so they must be able to decrypt it.
     */
    static final String CRYPTO_KEY_ID = "e2e";

    static final String CRYPTO_KEY = Base64.getEncoder().encodeToString(randomBytes(32));

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** Where user-service's sandbox SMS provider writes the messages it "sends" (one JSON line each). */
    static Path smsSandboxFile() {
        return Path.of(System.getProperty("pms.e2e.root", ".."))
                .toAbsolutePath()
                .resolve("e2e-tests/target/e2e-sms-sandbox.jsonl");
    }

    String gatewayUrl() {
        return services.get("gateway-service").baseUrl();
    }

    String serviceUrl(String service) {
        return services.get(service).baseUrl();
    }

    List<String> backendServices() {
        return BACKENDS;
    }

    TcpProxy brokerLink() {
        return brokerLink;
    }

    private void start() {
        try {
            Path root = Path.of(System.getProperty("pms.e2e.root", ".."));
            String version = System.getProperty("pms.e2e.version", "0.1.0-SNAPSHOT");
            Path logs = root.resolve("e2e-tests/target/e2e-logs");
            Map<String, Integer> ports = new HashMap<>();
            for (String service : BACKENDS) {
                ports.put(service, ServiceProcess.freePort());
            }
            ports.put("gateway-service", ServiceProcess.freePort());
            Map<String, String> env = environment(ports, brokerLink);
            for (String service : ports.keySet().stream().sorted().toList()) {
                Path jar = root.resolve(service).resolve("target").resolve(service + "-" + version + ".jar");
                services.put(service, ServiceProcess.start(service, jar, ports.get(service), env, logs));
            }
            awaitReady();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the platform", e);
        }
    }

    /** The same variables `./pms up` sets, with this run's isolation instead of the platform's names. */
    private static Map<String, String> environment(Map<String, Integer> ports, TcpProxy brokerLink) {
        TestInfrastructure infra = TestInfrastructure.get();
        Map<String, String> env = new HashMap<>();
        env.put("PMS_DB_HOST", infra.postgres().host());
        env.put("PMS_DB_PORT", Integer.toString(infra.postgres().port()));
        env.put("PMS_DB_PREFIX", infra.runId() + "_");
        env.put("PMS_DB_ADMIN_USER", infra.postgres().username());
        env.put("PMS_DB_ADMIN_PASSWORD", infra.postgres().password());
        env.put("RABBITMQ_HOST", brokerLink.host());
        env.put("RABBITMQ_PORT", Integer.toString(brokerLink.port()));
        env.put("RABBITMQ_USERNAME", infra.rabbit().username());
        env.put("RABBITMQ_PASSWORD", infra.rabbit().password());
        env.put("RABBITMQ_VHOST", infra.rabbitVirtualHost());
        env.put("PMS_EVENTS_EXCHANGE", infra.eventsExchange());
        env.put("PMS_SMS_SANDBOX_FILE", smsSandboxFile().toString());
        // every test signs in from this one address: the per-address limit on sign-ins (10 a minute) is
        // the gateway's own tests' business, not a brake on this suite
        env.put("PMS_RATE_LIMIT_AUTH_RATE", "600");
        env.put("PMS_RATE_LIMIT_AUTH_BURST", "600");
        // likewise the per-address limit on anonymous and all traffic (50/s): the authorization matrix
        // sends every route as every role from here in bursts; the limits' behaviour is tested in the gateway
        env.put("PMS_RATE_LIMIT_IP_RATE", "1000");
        env.put("PMS_RATE_LIMIT_IP_BURST", "2000");
        env.put("PMS_RATE_LIMIT_USER_RATE", "1000");
        env.put("PMS_RATE_LIMIT_USER_BURST", "2000");
        env.put("PMS_CRYPTO_CURRENT_KEY", CRYPTO_KEY_ID);
        env.put("PMS_CRYPTO_KEYS_" + CRYPTO_KEY_ID.toUpperCase(java.util.Locale.ROOT), CRYPTO_KEY);
        env.put("PMS_QUEUE_PREFIX", infra.queuePrefix());
        env.put("REDIS_HOST", infra.redis().host());
        env.put("REDIS_PORT", Integer.toString(infra.redis().port()));
        env.put("PMS_REDIS_KEY_PREFIX", infra.redisKeyPrefix());
        env.put("MQTT_HOST", infra.mqtt().host());
        env.put("MQTT_PORT", Integer.toString(infra.mqtt().port()));
        env.put("PMS_MQTT_TOPIC_ROOT", infra.mqttTopicRoot());
        env.put("PMS_MQTT_SHARED_GROUP", infra.runId());
        env.put("MONGODB_URI", infra.mongoUri());
        env.put("PMS_SEED_DEMO", "true");
        env.put("PMS_DEMO_PASSWORD", DEMO_PASSWORD);
        String user = "http://localhost:" + ports.get("user-service");
        env.put("PMS_JWKS_URI", user + "/api/v1/auth/jwks");
        env.put("PMS_USER_URI", user);
        env.put("PMS_USER_INTERNAL_URI", user);
        env.put("PMS_DB_POOL_SIZE", "4");
        env.put("PMS_ASSET_URI", "http://localhost:" + ports.get("asset-service"));
        env.put("PMS_WORKORDER_URI", "http://localhost:" + ports.get("workorder-service"));
        env.put("PMS_BILLING_URI", "http://localhost:" + ports.get("billing-service"));
        env.put("PMS_IOT_URI", "http://localhost:" + ports.get("iot-service"));
        env.put("PMS_REPORTING_URI", "http://localhost:" + ports.get("reporting-service"));
        return env;
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        for (ServiceProcess service : services.values()) {
            while (!isReady(service)) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(
                            service.name() + " exited during start; log: " + tail(service.log()));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                            service.name() + " not ready within " + START_TIMEOUT + "; log: " + tail(service.log()));
                }
                sleep(500);
            }
        }
    }

    private boolean isReady(ServiceProcess service) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized void stop() {
        ServiceProcess.stopAll(services.values());
        services.clear();
        brokerLink.close();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return log.toString();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
