package io.clearname.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The AsyncAPI document agrees with {@link Topics}, {@link EventType}, the schema files and the design. */
class AsyncApiDocumentTest {

    private static JsonNode document;

    @BeforeAll
    static void parseDocument() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
            assertThat(in).as("/asyncapi.yaml on the classpath").isNotNull();
            document = new YAMLMapper().readTree(in);
        }
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(document.path("info").path("title").asText()).isNotBlank();
        assertThat(document.path("defaultContentType").asText()).isEqualTo("application/json");
    }

    @Test
    void channelsAreExactlyTheEventTopicsAndTheirDeadLetterTopics() {
        var addresses = new ArrayList<String>();
        document.path("channels")
                .forEach(channel -> addresses.add(channel.path("address").asText()));

        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.all());
    }

    @Test
    void everyPayloadRefPointsAtASchemaResource() {
        var refs = new TreeSet<String>();
        document.path("components").path("messages").forEach(message -> {
            var ref = message.path("payload").path("$ref");
            if (!ref.isMissingNode()) {
                refs.add(ref.asText());
            }
        });

        assertThat(refs).hasSize(EventType.values().length);
        for (var ref : refs) {
            assertThat(ref).startsWith("./schemas/");
            assertThat(AsyncApiDocumentTest.class.getResource(ref.substring(1)))
                    .as("schema resource of %s", ref)
                    .isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eventChannelCarriesItsSchemaCeTypeAndAccountKey(EventType type) {
        var channel = channelAt(type.topic());
        var messages = new ArrayList<JsonNode>();
        channel.path("messages").forEach(m -> messages.add(resolve(m)));

        assertThat(messages).hasSize(1);
        var message = messages.get(0);
        assertThat(message.path("payload").path("$ref").asText()).isEqualTo("." + type.schemaResource());
        assertThat(message.path("contentType").asText()).isEqualTo("application/json");

        var headers = message.path("headers").path("allOf");
        var cloudEvents = resolve(headers.get(0));
        assertThat(texts(cloudEvents.path("required")))
                .containsExactlyInAnyOrder(
                        "ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time", "ce_subject", "content-type");
        assertThat(cloudEvents.at("/properties/ce_specversion/const").asText()).isEqualTo("1.0");
        assertThat(headers.get(1).at("/properties/ce_type/const").asText()).isEqualTo(type.ceType());

        var key = resolve(message.path("bindings")).path("kafka").path("key");
        assertThat(key.path("type").asText()).isEqualTo("string");
        assertThat(key.path("description").asText()).contains("accountId");
    }

    @Test
    void operationsFollowTheEventTableOfTheDesign() {
        assertThat(services("send", Topics.EVENT_TOPICS))
                .isEqualTo(Map.ofEntries(
                        Map.entry(Topics.CLEAR_REQUESTED, Set.of("account-service")),
                        Map.entry(Topics.AUDIT_COMPLETED, Set.of("verification-service")),
                        Map.entry(Topics.CLEARING_CONCLUDED, Set.of("account-service")),
                        Map.entry(Topics.USER_NOTIFIED, Set.of("notification-service")),
                        Map.entry(Topics.COMPLAINT_RECEIVED, Set.of("verification-service")),
                        Map.entry(Topics.AUDIT_DELAYED, Set.of("verification-service")),
                        Map.entry(Topics.CLEARING_APPROVED, Set.of("account-service")),
                        Map.entry(Topics.REVIEW_STARTED, Set.of("verification-service")),
                        Map.entry(Topics.COMPLAINT_ANSWERED, Set.of("verification-service")),
                        Map.entry(Topics.APPEAL_DECIDED, Set.of("verification-service")),
                        Map.entry(Topics.ENTITLEMENTS_REVOKED, Set.of("account-service")),
                        Map.entry(Topics.ID_DOCUMENTS_RELEASED, Set.of("account-service"))));
        assertThat(services("receive", Topics.EVENT_TOPICS))
                .isEqualTo(Map.of(
                        Topics.CLEAR_REQUESTED, Set.of("verification-service", "notification-service"),
                        Topics.AUDIT_COMPLETED, Set.of("account-service"),
                        Topics.CLEARING_CONCLUDED, Set.of("notification-service", "verification-service"),
                        Topics.USER_NOTIFIED, Set.of("account-service"),
                        Topics.COMPLAINT_RECEIVED, Set.of("notification-service"),
                        Topics.AUDIT_DELAYED, Set.of("notification-service"),
                        // EntitlementsRevoked and IdDocumentsReleased are for systems outside the suite.
                        Topics.CLEARING_APPROVED, Set.of("notification-service"),
                        Topics.REVIEW_STARTED, Set.of("notification-service"),
                        Topics.COMPLAINT_ANSWERED, Set.of("notification-service"),
                        Topics.APPEAL_DECIDED, Set.of("notification-service")));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void ceSourceOfAMessageIsTheServiceThatSendsIt(EventType type) {
        var message =
                resolve(channelAt(type.topic()).path("messages").elements().next());
        var ceSource = message.path("headers")
                .at("/allOf/1/properties/ce_source/const")
                .asText();

        assertThat(services("send", List.of(type.topic())).get(type.topic())).containsExactly(ceSource);
    }

    /** Every consumer of a topic has its own dead-letter topic and writes to it; no other dead-letter topic exists. */
    @Test
    void deadLetterTopicsAreThoseOfTheReceivers() {
        var expected = new TreeSet<String>();
        services("receive", Topics.EVENT_TOPICS)
                .forEach((topic, receivers) -> receivers.forEach(s -> expected.add(Topics.deadLetter(topic, s))));

        assertThat(Topics.DEAD_LETTER_TOPICS).containsExactlyInAnyOrderElementsOf(expected);
        var writers = services("send", Topics.DEAD_LETTER_TOPICS);
        for (var dlq : Topics.DEAD_LETTER_TOPICS) {
            var service = dlq.substring(dlq.indexOf('.') + 1, dlq.lastIndexOf(".dlq"));
            assertThat(writers.get(dlq)).as(dlq).containsExactly(service);
            assertThat(channelAt(dlq).path("description").asText()).as(dlq).isNotBlank();
        }
    }

    /** Topic -> the services (operation tags) that perform {@code action} on it. */
    private static Map<String, Set<String>> services(String action, List<String> topics) {
        var services = new TreeMap<String, Set<String>>();
        document.path("operations").forEach(operation -> {
            var topic = resolve(operation.path("channel")).path("address").asText();
            if (operation.path("action").asText().equals(action) && topics.contains(topic)) {
                var tags = operation.path("tags");
                assertThat(tags.size())
                        .as("service tag of an operation on %s", topic)
                        .isEqualTo(1);
                services.computeIfAbsent(topic, t -> new HashSet<>())
                        .add(tags.get(0).path("name").asText());
            }
        });
        return services;
    }

    private static JsonNode channelAt(String address) {
        for (var channel : document.path("channels")) {
            if (channel.path("address").asText().equals(address)) {
                return channel;
            }
        }
        throw new AssertionError("No channel with address " + address);
    }

    /** Follows local {@code $ref}s such as {@code #/components/messages/ClearRequested}. */
    private static JsonNode resolve(JsonNode node) {
        var resolved = node;
        while (resolved.path("$ref").asText("").startsWith("#")) {
            resolved = document.at(resolved.path("$ref").asText().substring(1));
            assertThat(resolved.isMissingNode()).as("%s resolves", node).isFalse();
        }
        return resolved;
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
