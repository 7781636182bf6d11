package io.clearname.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearname.events.ClearingConcluded;
import io.clearname.events.Reason;
import io.clearname.events.ReasonCode;
import io.clearname.notification.entity.NoticeKind;
import io.clearname.notification.service.NoticeData;
import io.clearname.notification.service.NoticeModel;
import io.clearname.notification.service.NoticeRenderer;
import io.clearname.notification.service.SmsSegments;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every template (kind × language × part) rendered with fixed sample data, against the golden files in
 * {@code src/test/resources/snapshots/}. SMS snapshots carry their encoding and segment count. After a deliberate
 * change of a template, regenerate them with
 * {@code ./mvnw -pl notification-service verify -Dtest=TemplateSnapshotTest -Dsnapshots.update=true} and review the
 * diff.
 */
@QuarkusTest
class TemplateSnapshotTest {

    private static final Path SNAPSHOTS = Path.of("src/test/resources/snapshots");
    private static final boolean UPDATE = Boolean.getBoolean("snapshots.update");

    private static final UUID REQUEST = UUID.fromString("4e2fb4de-b2cd-49c8-88d2-e043cc448118");
    private static final UUID NOTICE = UUID.fromString("9b1d6c2e-0f3a-4d5b-8e7c-1a2b3c4d5e6f");
    private static final Instant REQUESTED = Instant.parse("2026-03-02T09:15:30Z");
    private static final Instant DUE = Instant.parse("2026-03-17T09:15:30Z");
    private static final Instant CONCLUDED = Instant.parse("2026-03-09T09:16:05Z");
    private static final Instant COMPLAINED = Instant.parse("2026-03-05T08:30:00Z");
    private static final Instant ERASURE = Instant.parse("2026-03-10T09:16:05Z");
    private static final Instant WINDOW = Instant.parse("2026-04-07T15:20:00Z");

    @Inject
    NoticeRenderer renderer;

    /** The sample data of each snapshot, by its name: the kind's template name, or a variant of it. */
    private static Map<String, Sample> samples() {
        Map<String, Sample> samples = new LinkedHashMap<>();
        samples.put("receipt", new Sample(NoticeKind.RECEIPT, data(REQUESTED, DUE, null, List.of(), List.of(), null)));
        samples.put(
                "cleared",
                new Sample(
                        NoticeKind.CLEARED,
                        data(null, null, CONCLUDED, List.of(), List.of("VIP_MEMBERSHIP", "CLOUD_STORAGE"), null)));
        samples.put(
                "cleared-nothing-revoked",
                new Sample(NoticeKind.CLEARED, data(null, null, CONCLUDED, List.of(), List.of(), null)));
        samples.put(
                "rejected",
                new Sample(
                        NoticeKind.REJECTED,
                        data(
                                null,
                                null,
                                CONCLUDED,
                                List.of(
                                        ReasonCode.REPEATED_CLEARING.reason(),
                                        ReasonCode.RECENT_SECURITY_CHANGE.reason()),
                                List.of(),
                                null)));
        samples.put(
                "rejected-retry",
                new Sample(
                        NoticeKind.REJECTED,
                        data(
                                null,
                                null,
                                CONCLUDED,
                                List.of(
                                        ReasonCode.VELOCITY.reason(),
                                        new Reason("A_CODE_FROM_A_NEWER_CATALOGUE", Reason.Finality.RETRY)),
                                List.of(),
                                null)));
        samples.put(
                "withdrawn", new Sample(NoticeKind.WITHDRAWN, data(null, null, CONCLUDED, List.of(), List.of(), null)));
        samples.put(
                "complaint-received",
                new Sample(NoticeKind.COMPLAINT_RECEIVED, data(null, DUE, null, List.of(), List.of(), COMPLAINED)));
        samples.put(
                "audit-delayed",
                new Sample(NoticeKind.AUDIT_DELAYED, data(null, DUE, null, List.of(), List.of(), null)));
        samples.put(
                "cleared-receipt",
                new Sample(
                        NoticeKind.CLEARED,
                        NoticeData.concluded(
                                CONCLUDED,
                                List.of(),
                                List.of("VIP", "CLOUD_STORAGE", "GAME_COINS_FROM_A_NEWER_SERVICE"),
                                List.of(
                                        line("LEGAL_NAME", "REMOVED"),
                                        line("ID_NUMBER", "REMOVED"),
                                        line("ID_DOCUMENT_REFERENCES", "REMOVED"),
                                        line("DATA_KEY", "SCHEDULED"),
                                        line("ID_DOCUMENT_IMAGES", "SCHEDULED"),
                                        line("VIP", "REVOKED"),
                                        line("CLOUD_STORAGE", "REVOKED"),
                                        line("ID_FINGERPRINT", "RETAINED"),
                                        line("CONTACT_SNAPSHOT", "RETAINED"),
                                        line("A_CATEGORY_FROM_A_NEWER_CATALOGUE", "REMOVED")))));
        samples.put(
                "complaint-received-escalation",
                new Sample(NoticeKind.COMPLAINT_RECEIVED, NoticeData.complaintReceived(COMPLAINED, DUE, "ESCALATION")));
        samples.put(
                "complaint-received-appeal",
                new Sample(NoticeKind.COMPLAINT_RECEIVED, NoticeData.complaintReceived(COMPLAINED, DUE, "APPEAL")));
        samples.put(
                "complaint-received-complaint",
                new Sample(NoticeKind.COMPLAINT_RECEIVED, NoticeData.complaintReceived(COMPLAINED, DUE, "COMPLAINT")));
        samples.put("approved", new Sample(NoticeKind.APPROVED, NoticeData.approved(CONCLUDED, ERASURE)));
        samples.put("in-review", new Sample(NoticeKind.IN_REVIEW, NoticeData.inReview(REQUESTED, DUE)));
        samples.put(
                "complaint-answered",
                new Sample(
                        NoticeKind.COMPLAINT_ANSWERED,
                        NoticeData.complaintAnswered(
                                COMPLAINED,
                                "We checked your request again: the audit was delayed by a backlog, and a reviewer"
                                        + " decides it today. Your phone number [masked] is not needed for this.")));
        samples.put(
                "appeal-decided-upheld",
                new Sample(
                        NoticeKind.APPEAL_DECIDED,
                        NoticeData.appealDecided(
                                CONCLUDED, "UPHELD", List.of(ReasonCode.ACCOUNT_RESTRICTED.reason()), null, null)));
        samples.put(
                "appeal-decided-overturned",
                new Sample(
                        NoticeKind.APPEAL_DECIDED,
                        NoticeData.appealDecided(
                                CONCLUDED,
                                "OVERTURNED",
                                List.of(ReasonCode.RECENT_SECURITY_CHANGE.reason()),
                                "The security change was your own phone number update; you can request the clearing"
                                        + " again.",
                                WINDOW)));
        return samples;
    }

    @Test
    void everyTemplateInBothLanguagesRendersAsItsSnapshot() throws IOException {
        assertThat(samples().values().stream().map(Sample::kind).distinct())
                .as("a sample of every kind")
                .containsExactlyInAnyOrder(NoticeKind.values());
        List<String> differences = new ArrayList<>();
        for (var sample : samples().entrySet()) {
            for (String language : NoticeRenderer.LANGUAGES) {
                NoticeKind kind = sample.getValue().kind();
                NoticeModel model =
                        renderer.model(REQUEST, NOTICE, sample.getValue().data(), language);
                NoticeRenderer.Email email = renderer.email(kind, language, model);
                NoticeRenderer.Sms sms = renderer.sms(kind, language, model);
                String name = sample.getKey() + "." + language;
                compare(name + ".subject.txt", email.subject() + "\n", differences);
                compare(name + ".email.txt", email.body() + "\n", differences);
                compare(
                        name + ".sms.txt",
                        "encoding: " + sms.count().encoding() + "\nsegments: "
                                + sms.count().segments() + "\nlength: "
                                + sms.count().units() + "\n---\n" + sms.text() + "\n",
                        differences);
            }
        }
        assertThat(differences)
                .as(
                        "templates differing from their snapshots in %s; if the change is intended, regenerate them with"
                                + " ./mvnw -pl notification-service verify -Dtest=TemplateSnapshotTest"
                                + " -Dsnapshots.update=true and review the diff",
                        SNAPSHOTS.toAbsolutePath())
                .isEmpty();
    }

    @Test
    void everySmsFitsInTwoSegmentsAndEnglishOnesInGsm7() {
        for (var sample : samples().entrySet()) {
            for (String language : NoticeRenderer.LANGUAGES) {
                NoticeModel model =
                        renderer.model(REQUEST, NOTICE, sample.getValue().data(), language);
                NoticeRenderer.Sms sms = renderer.sms(sample.getValue().kind(), language, model);
                assertThat(sms.count().segments())
                        .as("segments of %s in %s: %s", sample.getKey(), language, sms.text())
                        .isBetween(1, 2);
                assertThat(sms.count().encoding())
                        .as("encoding of %s in %s", sample.getKey(), language)
                        .isEqualTo(language.equals("en") ? SmsSegments.Encoding.GSM_7 : SmsSegments.Encoding.UCS_2);
            }
        }
    }

    @Test
    void noTemplateQuotesPersonalDataOrLeavesAPlaceholderEmpty() {
        for (var sample : samples().entrySet()) {
            for (String language : NoticeRenderer.LANGUAGES) {
                NoticeModel model =
                        renderer.model(REQUEST, NOTICE, sample.getValue().data(), language);
                NoticeRenderer.Email email = renderer.email(sample.getValue().kind(), language, model);
                String text = email.subject()
                        + email.body()
                        + renderer.sms(sample.getValue().kind(), language, model)
                                .text();
                assertThat(text).doesNotContain("{", "}", "NOT_FOUND", "null", "@example.com", "+86");
            }
        }
    }

    private static void compare(String file, String rendered, List<String> differences) throws IOException {
        Path golden = SNAPSHOTS.resolve(file);
        if (UPDATE) {
            Files.createDirectories(SNAPSHOTS);
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) {
            differences.add(file + ": no snapshot");
            return;
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(rendered)) {
            differences.add(file + ":\n--- expected\n" + expected + "--- rendered\n" + rendered);
        }
    }

    private static NoticeData data(
            Instant requestedAt,
            Instant due,
            Instant concludedAt,
            List<Reason> reasons,
            List<String> entitlements,
            Instant receivedAt) {
        return new NoticeData(requestedAt, due, concludedAt, reasons, entitlements, receivedAt);
    }

    private static ClearingConcluded.ReceiptLine line(String category, String outcome) {
        return new ClearingConcluded.ReceiptLine(category, outcome);
    }

    private record Sample(NoticeKind kind, NoticeData data) {}
}
