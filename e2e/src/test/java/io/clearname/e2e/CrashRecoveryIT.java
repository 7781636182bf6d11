package io.clearname.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.clearname.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each service in turn is killed (SIGKILL) while clearing requests pass through it, and restarted. Every request must
 * still end CLEARED and notified, and every effect must have happened exactly once: the outbox may publish an event
 * twice (killed between the broker's acknowledgement and the row's deletion) and a consumer may see an event again
 * (killed before committing its offset), but both duplicates carry the same {@code ce_id} and must be absorbed.
 */
@WithSuite
class CrashRecoveryIT {
    private static final Logger LOG = Logger.getLogger(CrashRecoveryIT.class.getName());
    private static final int REQUESTS = 10;
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(120);

    /** What each service logs when it has done its part for a request, to tell how far it got before the kill. */
    private static final Map<Service, String> PROGRESS_MARKERS = Map.of(
            Service.ACCOUNT, "concluded: CLEARED",
            Service.VERIFICATION, "approved automatically",
            Service.NOTIFICATION, "CLEARED notice of request");

    @ParameterizedTest(name = "{0} killed while requests are in flight")
    @EnumSource(Service.class)
    void everyRequestIsClearedExactlyOnceDespiteAKill(Service victim, Suite suite) {
        Api api = suite.api();
        List<Person> people = IntStream.range(0, REQUESTS)
                .mapToObj(i -> Person.verified(api, "crash-" + victim.database()))
                .toList();

        Map<Person, UUID> requests = submitAllAtOnce(api, people);
        suite.kill(victim);
        Path killedLog = suite.log(victim);
        suite.start(victim);
        LOG.info(() -> victim + " was killed after finishing " + progress(killedLog, victim, requests.values()) + " of "
                + REQUESTS + " requests");

        Map<Person, JsonNode> concluded = awaitAllClearedAndNotified(suite, requests);

        EventLog events = EventLog.read(suite.bootstrapServers(), Topics.all());
        SoftAssertions.assertSoftly(softly -> {
            for (Person person : people) {
                assertExactlyOnce(suite, softly, events, person, requests.get(person), concluded.get(person));
            }
        });
        LOG.info(() -> victim + ": duplicate records absorbed: " + duplicates(events, requests.values())
                + "; mails sent again with the same notice reference: "
                + ExactlyOnce.mailsSentAgain(suite.mailsByAddress(), people));
    }

    /** Submits every clearing concurrently, so that they are in flight together; returns each one's request id. */
    private static Map<Person, UUID> submitAllAtOnce(Api api, List<Person> people) {
        ExecutorService pool = Executors.newFixedThreadPool(people.size());
        try {
            Map<Person, CompletableFuture<Api.Response>> answers = new LinkedHashMap<>();
            for (Person person : people) {
                answers.put(
                        person,
                        CompletableFuture.supplyAsync(
                                () -> api.submitClearing(
                                        person.account(), UUID.randomUUID().toString()),
                                pool));
            }
            Map<Person, UUID> requests = new LinkedHashMap<>();
            answers.forEach((person, answer) -> {
                Api.Response response = answer.join();
                assertThat(response.status()).as("submission: %s", response).isEqualTo(202);
                requests.put(
                        person,
                        UUID.fromString(response.body().path("requestId").asText()));
            });
            return requests;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<Person, JsonNode> awaitAllClearedAndNotified(Suite suite, Map<Person, UUID> requests) {
        Api api = suite.api();
        Set<UUID> settled = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Map<Person, JsonNode> latest = new LinkedHashMap<>();
        await("all " + requests.size() + " requests CLEARED with USER_NOTIFIED on their timelines")
                .atMost(RECOVERY_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    List<String> pending = new ArrayList<>();
                    requests.forEach((person, requestId) -> {
                        if (settled.contains(requestId)) {
                            return;
                        }
                        JsonNode request = api.clearingRequest(person.account(), requestId);
                        latest.put(person, request);
                        if (Clearings.settled(suite, requestId, request)) {
                            settled.add(requestId);
                        } else {
                            pending.add(requestId + " " + Timeline.status(request) + " "
                                    + Timeline.entries(request).stream()
                                            .map(e -> e.path("type").asText())
                                            .toList());
                        }
                    });
                    assertThat(pending)
                            .as("requests not yet CLEARED and notified")
                            .isEmpty();
                });
        return latest;
    }

    private static void assertExactlyOnce(
            Suite suite, SoftAssertions softly, EventLog events, Person person, UUID requestId, JsonNode request) {
        ExactlyOnce.assertClearedOnce(softly, events, requestId, request);
        // A kill between the server's acceptance and its record hands a notice over again, with the same Message-ID
        // and Idempotency-Key: at most once per notice here, since each service is killed once.
        ExactlyOnce.assertToldOnce(
                softly,
                events,
                person,
                requestId,
                suite.mailsTo(person.email()),
                suite.smsPostKeysTo(person.phone()),
                2);

        for (String topic : Topics.DEAD_LETTER_TOPICS) {
            softly.assertThat(events.records(topic))
                    .as("dead letters on %s about request %s", topic, requestId)
                    .noneMatch(r -> person.account().toString().equals(r.key())
                            || EventLog.text(r).contains(requestId.toString()));
        }
    }

    /** How many records beyond one per event (same ce_id) the topics hold for these requests, per topic. */
    private static Map<String, Long> duplicates(EventLog events, Iterable<UUID> requestIds) {
        Map<String, Long> extra = new LinkedHashMap<>();
        for (String topic : Topics.EVENT_TOPICS) {
            long count = 0;
            for (UUID requestId : requestIds) {
                List<ConsumerRecord<String, String>> records = events.about(topic, requestId);
                count += records.size() - events.eventIds(topic, requestId).size();
            }
            extra.put(topic, count);
        }
        return extra;
    }

    /** How many of the requests the killed process had finished its part of, by its own log. */
    private static long progress(Path log, Service service, Iterable<UUID> requestIds) {
        String marker = PROGRESS_MARKERS.get(service);
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains(marker))
                    .toList();
        } catch (IOException e) {
            return -1;
        }
        long done = 0;
        for (UUID requestId : requestIds) {
            if (lines.stream().anyMatch(line -> line.contains(requestId.toString()))) {
                done++;
            }
        }
        return done;
    }
}
