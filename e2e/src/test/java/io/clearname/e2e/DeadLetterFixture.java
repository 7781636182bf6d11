package io.clearname.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Real dead letters in every service: {@link Poison}'s records, once every consumer of each has given up on it. */
final class DeadLetterFixture {

    private DeadLetterFixture() {}

    /** Sends the poison records and returns, per service, the ids of its OPEN dead letters of them, oldest first. */
    static Map<Service, List<String>> open(Suite suite) {
        Map<String, List<String>> keysByTopic = Poison.send(suite.bootstrapServers());
        Map<Service, Set<String>> expected = new EnumMap<>(Service.class);
        keysByTopic.forEach((topic, keys) -> Poison.CONSUMERS
                .get(topic)
                .forEach(service ->
                        expected.computeIfAbsent(service, s -> new HashSet<>()).addAll(keys)));
        Map<Service, List<String>> ids = new EnumMap<>(Service.class);
        expected.forEach((service, keys) -> {
            DeadLetterDesk desk = new DeadLetterDesk(suite, service);
            await(service + " dead-letters every poison record it consumes")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> poisonIn(desk.list("OPEN"), keys).size() == keys.size());
            ids.put(
                    service,
                    desk.list("OPEN").stream()
                            .filter(letter ->
                                    keys.contains(letter.path("accountId").asText()))
                            .map(letter -> letter.path("id").asText())
                            .toList());
        });
        return ids;
    }

    private static Set<String> poisonIn(List<JsonNode> letters, Set<String> keys) {
        var found = new HashSet<String>();
        for (JsonNode letter : letters) {
            String key = letter.path("accountId").asText();
            if (keys.contains(key)) {
                found.add(key);
            }
        }
        return found;
    }

    /** Every dead letter of the service in any state, as support lists them. */
    static List<JsonNode> all(Suite suite, Service service) {
        DeadLetterDesk desk = new DeadLetterDesk(suite, service);
        List<JsonNode> all = new ArrayList<>();
        for (String state : List.of("OPEN", "REDRIVEN", "DISCARDED")) {
            all.addAll(desk.list(state));
        }
        return all;
    }
}
