package io.clearname.kit.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What the probes of a service built on the kit see while everything runs. */
@QuarkusTest
class HealthEndpointsTest {

    @Test
    void livenessListsTheRelayAmongTheWatchedWorkers() {
        given().get("/q/health/live")
                .then()
                .statusCode(200)
                .body("checks.name", hasItem(WorkersLiveness.NAME))
                .body(
                        "checks.find { it.name == '" + WorkersLiveness.NAME + "' }.data.outbox-relay",
                        startsWith("UP: last round ended"));
    }

    /** Each dependency has an entry of its own, so a readiness answer that is DOWN says which one is missing. */
    @Test
    void readinessNamesTheDatabaseTheBrokerAndEachConsumerChannel() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.find { it.name == 'Database connections health check' }.data.'<default>'", notNullValue())
                .body("checks.name", hasItem(KafkaReadiness.NAME))
                .body(
                        "checks.find { it.name == '" + KafkaReadiness.NAME + "' }.data.'bootstrap.servers'",
                        notNullValue())
                .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"))
                .body(
                        "checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data.kit-test-in",
                        notNullValue());
    }
}
