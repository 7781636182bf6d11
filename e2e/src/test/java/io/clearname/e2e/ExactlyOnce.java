package io.clearname.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clearname.events.Topics;
import io.clearname.local.ReceivedMail;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;

/**
 * What "nothing lost, nothing applied twice" means for one cleared request, checked from outside: the topics, the
 * request's timeline, the SMTP server and the SMS stand-in. Events may travel twice (same {@code ce_id}); effects may
 * not happen twice.
 */
final class ExactlyOnce {

    static final String RECEIPT_SUBJECT = "We received your request to clear your real-name information";
    static final String CLEARED_SUBJECT = "Your real-name information has been cleared";
    static final String APPROVED_SUBJECT = "Your request to clear your real-name information was approved";

    private static final Pattern NOTICE_REFERENCE = Pattern.compile("(?m)^Notice: ([0-9a-f-]{36})\\s*$");

    private ExactlyOnce() {}

    /** One conclusion (CLEARED), one APPROVED and one CLEARED entry, one notice per kind and channel. */
    static void assertClearedOnce(SoftAssertions softly, EventLog events, UUID requestId, JsonNode request) {
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
        Map<String, Set<String>> notifications = notifications(events, requestId);
        Map<String, Long> entries = Timeline.notifiedChannels(request).stream()
                .collect(Collectors.groupingBy(channel -> channel, Collectors.counting()));
        for (String channel : List.of("SMS", "EMAIL")) {
            // The approval's notice is moot once the request is CLEARED: sent when a dispatcher took it first, else
            // superseded, so there are two or three.
            softly.assertThat(notifications.getOrDefault(channel, Set.of()))
                    .as(
                            "%s notifications of request %s: its receipt, its CLEARED notice, its APPROVED one unless"
                                    + " superseded",
                            channel, requestId)
                    .hasSizeBetween(2, 3);
        }
        softly.assertThat(entries)
                .as("USER_NOTIFIED entries per channel on the timeline of %s", requestId)
                .isEqualTo(notifications.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e ->
                        (long) e.getValue().size())));
    }

    /**
     * One mail per notice (receipt, CLEARED and the approval's unless its outcome superseded it), each carrying its
     * EMAIL notificationId as notice reference, and one text per notice.
     *
     * @param mails every mail the SMTP server accepted for the person's address
     * @param postedKeys the Idempotency-Key of every text POSTed to the person's phone, repeats included
     * @param handOversAllowed how many hand-overs beyond one per notice are tolerated on each channel: a notice handed
     *     over again after a crash between the server's acceptance and its record carries the same Message-ID (or
     *     Idempotency-Key), which mail systems and SMS gateways collapse. Timeouts and stalls must never cause one.
     */
    static void assertToldOnce(
            SoftAssertions softly,
            EventLog events,
            Person person,
            UUID requestId,
            List<ReceivedMail> mails,
            List<String> postedKeys,
            int handOversAllowed) {
        Map<String, Set<String>> noticesBySubject = mails.stream()
                .collect(Collectors.groupingBy(
                        ReceivedMail::subject, Collectors.mapping(ExactlyOnce::noticeReference, Collectors.toSet())));
        softly.assertThat(noticesBySubject)
                .as("notices mailed to %s (request %s), by subject", person.email(), requestId)
                .containsKeys(RECEIPT_SUBJECT, CLEARED_SUBJECT)
                .allSatisfy((subject, notices) -> assertThat(notices).hasSize(1));
        softly.assertThat(noticesBySubject.keySet())
                .as("subjects mailed to %s (request %s)", person.email(), requestId)
                .isSubsetOf(RECEIPT_SUBJECT, CLEARED_SUBJECT, APPROVED_SUBJECT);
        int mailed = noticesBySubject.size();
        softly.assertThat(mails.stream().map(ExactlyOnce::noticeReference).collect(Collectors.toSet()))
                .as("notice references in the mails to %s: the EMAIL notificationIds", person.email())
                .isEqualTo(notifications(events, requestId).getOrDefault("EMAIL", Set.of()));
        softly.assertThat(mails.size())
                .as("mails handed over for %s (request %s)", person.email(), requestId)
                .isBetween(mailed, mailed + handOversAllowed);
        long texted = postedKeys.stream().distinct().count();
        softly.assertThat(texted)
                .as("texts to %s (request %s), one per notice", person.phone(), requestId)
                .isEqualTo((long) notifications(events, requestId)
                        .getOrDefault("SMS", Set.of())
                        .size());
        softly.assertThat(postedKeys.size())
                .as("texts POSTed for %s (request %s)", person.phone(), requestId)
                .isBetween((int) texted, (int) texted + handOversAllowed);
    }

    /** Mails beyond one per notice reference: notices handed over again. */
    static long mailsSentAgain(Map<String, List<ReceivedMail>> mailsByAddress, List<Person> people) {
        long again = 0;
        for (Person person : people) {
            List<ReceivedMail> mails = mailsOf(mailsByAddress, person);
            again += mails.size()
                    - mails.stream()
                            .map(ExactlyOnce::noticeReference)
                            .distinct()
                            .count();
        }
        return again;
    }

    /** The person's mails in {@link Suite#mailsByAddress()}. */
    static List<ReceivedMail> mailsOf(Map<String, List<ReceivedMail>> mailsByAddress, Person person) {
        return mailsByAddress.getOrDefault(person.email().toLowerCase(java.util.Locale.ROOT), List.of());
    }

    /** The notificationIds of the request's UserNotified events, by channel. */
    static Map<String, Set<String>> notifications(EventLog events, UUID requestId) {
        return events.about(Topics.USER_NOTIFIED, requestId).stream()
                .map(EventLog::payload)
                .collect(Collectors.groupingBy(
                        n -> n.path("channel").asText(),
                        Collectors.mapping(n -> n.path("notificationId").asText(), Collectors.toSet())));
    }

    /** The notice reference ("Notice: <notificationId>") a notice mail carries, or its whole body if it has none. */
    static String noticeReference(ReceivedMail mail) {
        Matcher notice = NOTICE_REFERENCE.matcher(mail.body() == null ? "" : mail.body());
        return notice.find() ? notice.group(1) : mail.body();
    }
}
