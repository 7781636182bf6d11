package io.clearname.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The probes name what they watch: liveness each background worker (the relay, each scheduled job), readiness each
 * dependency (both databases, the broker, each consumer channel), so an answer that is DOWN says which one failed.
 */
@QuarkusTest
class HealthTest {

    private static final String WORKERS = "checks.find { it.name == 'clearname workers' }.data";
    private static final String DATABASES = "checks.find { it.name == 'Database connections health check' }.data";
    private static final String CHANNELS =
            "checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data";

    @Test
    void livenessNamesTheRelayAndEveryScheduledJob() {
        given().get("/q/health/live")
                .then()
                .statusCode(200)
                .body(WORKERS + ".outbox-relay", startsWith("UP"))
                .body(WORKERS + ".clearing-erasure", startsWith("UP"))
                .body(WORKERS + ".data-key-shredding", startsWith("UP"))
                .body(WORKERS + ".data-key-rewrap", startsWith("UP"))
                .body(WORKERS + ".rate-limit-purge", startsWith("UP"));
    }

    @Test
    void readinessNamesBothDatabasesTheBrokerAndEachChannel() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body(DATABASES, allOf(hasKey("<default>"), hasKey("keys")))
                .body("checks.name", hasItem("Kafka broker"))
                .body(CHANNELS, allOf(hasKey("audit-completed"), hasKey("user-notified")));
    }
}
