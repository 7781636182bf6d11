package io.clearname.verification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The probes name what they watch, so an answer that is DOWN says which worker or dependency failed. */
@QuarkusTest
class HealthTest {

    private static final String WORKERS = "checks.find { it.name == 'clearname workers' }.data";
    private static final String CHANNELS =
            "checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data";

    @Test
    void livenessNamesTheRelayAndEveryScheduledJob() {
        given().get("/q/health/live")
                .then()
                .statusCode(200)
                .body(WORKERS + ".outbox-relay", startsWith("UP"))
                .body(WORKERS + ".audit-sla", startsWith("UP"))
                .body(WORKERS + ".cleared-identity-retention", startsWith("UP"))
                .body(WORKERS + ".complaint-retention", startsWith("UP"))
                .body(WORKERS + ".rate-limit-purge", startsWith("UP"));
    }

    @Test
    void readinessNamesTheDatabaseTheBrokerAndEachChannel() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'Database connections health check' }.data", hasKey("<default>"))
                .body("checks.name", hasItem("Kafka broker"))
                .body(CHANNELS, allOf(hasKey("clear-requested"), hasKey("clearing-concluded")));
    }
}
