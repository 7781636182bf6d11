package io.clearname.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The probes name what they watch, so an answer that is DOWN says which worker or dependency failed. */
@QuarkusTest
class HealthTest {

    private static final String WORKERS = "checks.find { it.name == 'clearname workers' }.data";

    @Test
    void livenessNamesTheRelayEachDispatchLaneAndEveryScheduledJob() {
        given().get("/q/health/live")
                .then()
                .statusCode(200)
                .body(WORKERS + ".outbox-relay", startsWith("UP"))
                .body(WORKERS + ".notification-sms-dispatch", startsWith("UP"))
                .body(WORKERS + ".notification-email-dispatch", startsWith("UP"))
                .body(WORKERS + ".notification-sweep", startsWith("UP"))
                .body(WORKERS + ".notification-contact-purge", startsWith("UP"))
                .body(WORKERS + ".rate-limit-purge", startsWith("UP"));
    }

    @Test
    void readinessNamesTheDatabaseTheBrokerAndEachChannel() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'Database connections health check' }.data", hasKey("<default>"))
                .body("checks.name", hasItem("Kafka broker"))
                .body(
                        "checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data",
                        hasKey("clear-requested"));
    }
}
