package io.clearname.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.clearname.events.Topics;
import io.clearname.local.ReceivedMail;
import io.clearname.local.SmsMessage;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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

    private static final Pattern NOTICE_REFERENCE = Pattern.compile("(?m)^Notice: ([0-9a-f-]{36})\\s*$");

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

        Map<Person, JsonNode> concluded = awaitAllClearedAndNotified(api, requests);

        EventLog events = EventLog.read(suite.bootstrapServers(), Topics.all());
        SoftAssertions.assertSoftly(softly -> {
            for (Person person : people) {
                assertExactlyOnce(suite, softly, events, person, requests.get(person), concluded.get(person));
            }
        });
        LOG.info(() -> victim + ": duplicate records absorbed: " + duplicates(events, requests.values())
                + "; mails sent again with the same notice reference: " + mailsSentAgain(suite, people));
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

    private static Map<Person, JsonNode> awaitAllClearedAndNotified(Api api, Map<Person, UUID> requests) {
        Map<Person, JsonNode> latest = new LinkedHashMap<>();
        await("all " + requests.size() + " requests CLEARED with USER_NOTIFIED on their timelines")
                .atMost(RECOVERY_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    List<String> pending = new ArrayList<>();
                    requests.forEach((person, requestId) -> {
                        JsonNode done = latest.get(person);
                        if (done != null && Timeline.clearedAndNotified(done)) {
                            return;
                        }
                        JsonNode request = api.clearingRequest(person.account(), requestId);
                        latest.put(person, request);
                        if (!Timeline.clearedAndNotified(request)) {
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
        for (String topic : List.of(Topics.CLEAR_REQUESTED, Topics.AUDIT_COMPLETED, Topics.CLEARING_CONCLUDED)) {
            softly.assertThat(events.eventIds(topic, requestId))
                    .as("distinct ce_ids on %s for request %s", topic, requestId)
                    .hasSize(1);
        }
        softly.assertThat(events.about(Topics.CLEARING_CONCLUDED, requestId).stream()
                        .map(r -> EventLog.header(r, EventLog.CE_ID).orElse("") + " "
                                + EventLog.payload(r).path("outcome").asText())
                        .collect(Collectors.toSet()))
                .as("ClearingConcluded outcomes of request %s", requestId)
                .hasSize(1)
                .allMatch(outcome -> outcome.endsWith(" CLEARED"));

        softly.assertThat(Timeline.count(request, Timeline.APPROVED))
                .as("APPROVED entries on the timeline of %s", requestId)
                .isEqualTo(1);
        softly.assertThat(Timeline.count(request, Timeline.CLEARED))
                .as("CLEARED entries on the timeline of %s", requestId)
                .isEqualTo(1);

        // One USER_NOTIFIED entry per distinct notification (notificationId) and channel, no more.
        Map<String, Set<String>> notifications = events.about(Topics.USER_NOTIFIED, requestId).stream()
                .map(EventLog::payload)
                .collect(Collectors.groupingBy(
                        n -> n.path("channel").asText(),
                        Collectors.mapping(n -> n.path("notificationId").asText(), Collectors.toSet())));
        Map<String, Long> entries = Timeline.notifiedChannels(request).stream()
                .collect(Collectors.groupingBy(channel -> channel, Collectors.counting()));
        for (String channel : List.of("SMS", "EMAIL")) {
            softly.assertThat(notifications.getOrDefault(channel, Set.of()))
                    .as("%s notifications of request %s: its receipt and its CLEARED notice", channel, requestId)
                    .hasSize(2);
        }
        softly.assertThat(entries)
                .as("USER_NOTIFIED entries per channel on the timeline of %s", requestId)
                .isEqualTo(notifications.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e ->
                        (long) e.getValue().size())));

        // One mail per notice (trigger and kind). A mail sent again with the same notice reference and Message-ID is
        // the at-least-once edge of SMTP (killed between the server's acceptance and recording it): transport, like a
        // record published twice with one ce_id, not a second notice.
        List<ReceivedMail> mails = suite.mailsTo(person.email());
        Map<String, Set<String>> noticesBySubject = mails.stream()
                .collect(Collectors.groupingBy(
                        ReceivedMail::subject,
                        Collectors.mapping(CrashRecoveryIT::noticeReference, Collectors.toSet())));
        softly.assertThat(noticesBySubject)
                .as("notices mailed to %s (request %s), by subject", person.email(), requestId)
                .containsOnlyKeys(
                        "We received your request to clear your real-name information",
                        "Your real-name information has been cleared")
                .allSatisfy((subject, notices) -> assertThat(notices).hasSize(1));
        softly.assertThat(mails.stream().map(CrashRecoveryIT::noticeReference).collect(Collectors.toSet()))
                .as("notice references in the mails to %s: the EMAIL notificationIds", person.email())
                .isEqualTo(notifications.getOrDefault("EMAIL", Set.of()));
        // The stand-in keeps one text per Idempotency-Key: a text sent again after a kill does not add one.
        softly.assertThat(suite.textsTo(person.phone()))
                .as("texts to %s (request %s), one per notice", person.phone(), requestId)
                .hasSize(2)
                .extracting(SmsMessage::idempotencyKey)
                .doesNotHaveDuplicates();

        for (String topic : Topics.DEAD_LETTER_TOPICS) {
            softly.assertThat(events.records(topic))
                    .as("dead letters on %s about request %s", topic, requestId)
                    .noneMatch(r -> person.account().toString().equals(r.key())
                            || EventLog.text(r).contains(requestId.toString()));
        }
    }

    /** Mails beyond one per notice: the at-least-once edge of SMTP after a kill. */
    private static long mailsSentAgain(Suite suite, List<Person> people) {
        long again = 0;
        for (Person person : people) {
            List<ReceivedMail> mails = suite.mailsTo(person.email());
            again += mails.size()
                    - mails.stream()
                            .map(CrashRecoveryIT::noticeReference)
                            .distinct()
                            .count();
        }
        return again;
    }

    /** The notice reference ("Notice: <notificationId>") a notice mail carries, or its whole body if it has none. */
    private static String noticeReference(ReceivedMail mail) {
        Matcher notice = NOTICE_REFERENCE.matcher(mail.body() == null ? "" : mail.body());
        return notice.find() ? notice.group(1) : mail.body();
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
