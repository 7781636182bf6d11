package io.clearname.kit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.clearname.events.ClearRequested;
import io.clearname.events.EventJson;
import io.clearname.events.Topics;
import io.clearname.kit.deadletter.DeadLetterActions;
import io.clearname.local.testing.ClearRequestedBuilder;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.JwtTestResource;
import io.clearname.local.testing.RecordSender;
import io.clearname.local.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Support lists the records a consumer gave up on, inspects one without seeing payload values, re-drives it to its
 * source topic once the cause is fixed (it is then applied once), or discards it with a reason; a resolved dead letter
 * cannot be resolved again, and only support reaches any of it.
 */
@QuarkusTest
class DeadLetterOperationsTest {

    private static final String PATH = "/api/v1/admin/dead-letters";

    @Inject
    TestEffects effects;

    @Inject
    EffectFaults faults;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aDeadLetterIsListedWithoutPayloadValuesAndAppliedOnceWhenRedrivenAfterTheFix() {
        ClearRequested event = poison();
        JsonPath letter = awaitOpenDeadLetterAbout(event);

        assertThat(letter.getString("consumer")).isEqualTo(TestEffects.CHANNEL);
        assertThat(letter.getString("sourceTopic")).isEqualTo(Topics.CLEAR_REQUESTED);
        assertThat(letter.getString("accountId")).isEqualTo(event.accountId().toString());
        assertThat(letter.getString("ceType")).isEqualTo("clearname.ClearRequested.v1");
        assertThat(letter.getString("exceptionClass")).isNotBlank();
        assertThat(letter.getList("payloadFields", String.class)).contains("requestId", "contact");
        String shown = letter.prettify();
        assertThat(shown)
                .as("no payload value: the contact points stay out")
                .doesNotContain(event.contact().phone())
                .doesNotContain(event.contact().email());
        assertThat(effects.effectsFor(event.requestId())).isZero();

        faults.fix(event.requestId());
        String id = letter.getString("id");
        given().auth()
                .oauth2(support())
                .post(PATH + "/" + id + "/redrive")
                .then()
                .statusCode(200)
                .body("state", equalTo("REDRIVEN"))
                .body("resolvedBy", equalTo("support-agent"));

        await().atMost(Duration.ofSeconds(20)).until(() -> effects.effectsFor(event.requestId()) == 1);
        var redriven = TopicReader.readAll(bootstrapServers, Topics.CLEAR_REQUESTED).stream()
                .filter(r -> EventRecords.header(r, DeadLetterActions.REDRIVEN_FROM_HEADER)
                        .isPresent())
                .filter(r -> event.accountId().toString().equals(r.key()))
                .toList();
        assertThat(redriven).hasSize(1);
        assertThat(EventRecords.header(redriven.get(0), "dead-letter-reason")).isEmpty();

        given().auth()
                .oauth2(support())
                .post(PATH + "/" + id + "/redrive")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://clearname.io/problems/dead-letter-resolved"));
        given().auth()
                .oauth2(support())
                .get(PATH + "?state=REDRIVEN")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void aDiscardedDeadLetterKeepsItsMaskedReasonAndLeavesTheOpenList() {
        ClearRequested event = poison();
        String id = awaitOpenDeadLetterAbout(event).getString("id");

        given().auth()
                .oauth2(support())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", " "))
                .post(PATH + "/" + id + "/discard")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://clearname.io/problems/validation-failed"));
        given().auth()
                .oauth2(support())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "test data; the person (13800138000) asked again"))
                .post(PATH + "/" + id + "/discard")
                .then()
                .statusCode(200)
                .body("state", equalTo("DISCARDED"))
                .body("note", equalTo("test data; the person ([phone]) asked again"));

        List<String> open = given().auth()
                .oauth2(support())
                .get(PATH + "?consumer=" + TestEffects.CHANNEL)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class);
        assertThat(open).doesNotContain(id);
        given().auth()
                .oauth2(support())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "again"))
                .post(PATH + "/" + id + "/discard")
                .then()
                .statusCode(409);
    }

    @Test
    void onlySupportReachesDeadLetters() {
        given().get(PATH).then().statusCode(401);
        given().auth()
                .oauth2(JwtTestResource.token(UUID.randomUUID().toString(), "user"))
                .get(PATH)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(JwtTestResource.token("reviewer-1", "reviewer"))
                .post(PATH + "/" + UUID.randomUUID() + "/redrive")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(support())
                .get(PATH + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void openDeadLettersAreGaugedPerConsumer() {
        poison();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/q/metrics")
                        .asString()
                        .lines()
                        .filter(l -> l.startsWith("clearname_dead_letters_open{")
                                && l.contains("consumer=\"" + TestEffects.CHANNEL + "\""))
                        .anyMatch(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= 1));
    }

    /** Sends a valid event whose effect fails for a reason of its own (a check violation) until fixed. */
    private ClearRequested poison() {
        ClearRequested event =
                ClearRequestedBuilder.forAccount(UUID.randomUUID()).build();
        faults.failAlways(event.requestId(), "23514");
        try (var producer = new RecordSender(bootstrapServers)) {
            producer.sendCloudEvent(
                    Topics.CLEAR_REQUESTED,
                    event.accountId().toString(),
                    EventJson.write(event),
                    UUID.randomUUID().toString(),
                    "clearname.ClearRequested.v1");
        }
        return event;
    }

    /** The dead letter about {@code event} as {@code GET /{id}} shows it, once it is listed as open. */
    private JsonPath awaitOpenDeadLetterAbout(ClearRequested event) {
        String id = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> given().auth()
                                .oauth2(support())
                                .get(PATH + "?consumer=" + TestEffects.CHANNEL + "&limit=500")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getString("items.find { it.accountId == '" + event.accountId() + "' }.id"),
                        java.util.Objects::nonNull);
        return given().auth()
                .oauth2(support())
                .get(PATH + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String support() {
        return JwtTestResource.token("support-agent", "support");
    }
}
