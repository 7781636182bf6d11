package io.clearname.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.Reason;
import io.clearname.events.ReasonCode;
import io.clearname.events.UserNotified;
import io.clearname.local.ReceivedMail;
import io.clearname.local.SmsMessage;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.SmtpTestResource;
import io.clearname.notification.entity.Channel;
import io.clearname.notification.service.NoticeKeys;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every kind of notice, end to end: events in through Kafka, mail out through SMTP, texts out through the gateway. */
@QuarkusTest
class NoticeFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final DateTimeFormatter ENGLISH_DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneId.of("Asia/Shanghai"));
    private static final DateTimeFormatter CHINESE_DATE =
            DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZoneId.of("Asia/Shanghai"));

    @Test
    void requestGetsAReceiptByEmailAndSmsWithTheExpectedDecisionDateAndHowToWithdraw() {
        ClearRequested requested = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "en");

        String requestedId = EventRecords.publish(requested);

        List<UserNotified> notices = Events.awaitBothChannels(requested.requestId(), requestedId);
        assertThat(notices).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo(UserNotified.Status.DELIVERED);
            assertThat(n.attempts()).isEqualTo(1);
            assertThat(n.accountId()).isEqualTo(requested.accountId());
        });
        assertThat(notices).extracting(UserNotified::channel).containsExactlyInAnyOrder(UserNotified.Channel.values());
        assertThat(notices).extracting(UserNotified::notificationId).doesNotHaveDuplicates();

        String due = ENGLISH_DATE.format(requested.requestedAt().plus(Duration.ofDays(15)));
        ReceivedMail mail = singleMail(requested.contact().email());
        assertThat(mail.from()).isEqualTo(SmtpTestResource.FROM);
        assertThat(mail.subject()).isEqualTo("We received your request to clear your real-name information");
        assertThat(mail.body())
                .contains(requested.requestId().toString())
                .contains("by " + due + " at the latest")
                .contains("choose Withdraw")
                .contains(Events.on(notices, UserNotified.Channel.EMAIL)
                        .notificationId()
                        .toString());

        SmsMessage text = singleText(requested.contact().phone());
        assertThat(text.sender()).isEqualTo("clearname");
        assertThat(text.text())
                .startsWith("clearname: we got your request")
                .contains(requested.requestId().toString().substring(0, 8).toUpperCase(Locale.ROOT))
                .contains("Decision by " + due)
                .contains("Withdraw it under Real-name authentication");
        assertThat(text.idempotencyKey()).isEqualTo(NoticeKeys.idempotencyKey(requestedId, Channel.SMS));
    }

    @Test
    void clearedNoticeWithoutAReceiptClaimsOnlyWhatEveryClearingDoesAndNamesTheRightsRevoked() {
        ClearRequested requested = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "en");
        EventRecords.publish(requested);
        String clearedId = EventRecords.publish(Events.cleared(requested, List.of("VIP", "CLOUD_STORAGE")));

        assertThat(Events.awaitBothChannels(requested.requestId(), clearedId))
                .extracting(UserNotified::status)
                .containsOnly(UserNotified.Status.DELIVERED);
        ReceivedMail mail = mailWithSubject(requested, "Your real-name information has been cleared");
        assertThat(mail.body())
                .contains("Your legal name and ID number were removed from your account.")
                .contains("- VIP membership (auto-renewal is off)", "- cloud storage space of your plan")
                .contains("The full receipt")
                .doesNotContain("beyond recovery", "images of your ID document", "CLOUD_STORAGE");
        assertThat(textContaining(requested, "ID number were removed").text())
                .contains("and 2 right(s) tied to them revoked");
    }

    @Test
    void clearedNoticeTellsTheReceiptByWhatWasRemovedScheduledRevokedAndKept() {
        ClearRequested requested = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "en");
        EventRecords.publish(requested);
        var receipt = List.of(
                new ClearingConcluded.ReceiptLine("LEGAL_NAME", "REMOVED"),
                new ClearingConcluded.ReceiptLine("ID_NUMBER", "REMOVED"),
                new ClearingConcluded.ReceiptLine("ID_DOCUMENT_REFERENCES", "REMOVED"),
                new ClearingConcluded.ReceiptLine("DATA_KEY", "SCHEDULED"),
                new ClearingConcluded.ReceiptLine("ID_DOCUMENT_IMAGES", "SCHEDULED"),
                new ClearingConcluded.ReceiptLine("VIP", "REVOKED"),
                new ClearingConcluded.ReceiptLine("ID_FINGERPRINT", "RETAINED"),
                new ClearingConcluded.ReceiptLine("CONTACT_SNAPSHOT", "RETAINED"));
        String clearedId = EventRecords.publish(new ClearingConcluded(
                requested.requestId(),
                requested.accountId(),
                ClearingConcluded.Outcome.CLEARED,
                List.of(),
                List.of("VIP", "SOMETHING_NEW"),
                Instant.now(),
                receipt));

        Events.awaitBothChannels(requested.requestId(), clearedId);
        String body = mailWithSubject(requested, "Your real-name information has been cleared")
                .body();
        assertThat(body)
                .contains("Removed from your account:", "- your legal name", "- your ID number")
                .contains("- the references to the images of your ID document")
                .contains("Being deleted:", "- the key that encrypted your real-name information is being destroyed")
                .contains("- the images of your ID document: we asked the image store to delete them")
                .contains("- VIP membership (auto-renewal is off)")
                .contains("- other rights or services that depended on your real name")
                .contains("Kept, and why:", "- a keyed fingerprint of your ID number")
                .contains("- the phone number and email address these notices go to, for 30 days, then deleted")
                .doesNotContain("SOMETHING_NEW", "something new", "beyond recovery");
    }

    @Test
    void rejectedNoticeGivesTheReasonsInChineseAndSaysANewRequestWillNotSucceedWhenAReasonIsFinal() {
        ClearRequested requested = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "zh-CN");
        EventRecords.publish(requested);
        String rejectedId = EventRecords.publish(Events.rejected(
                requested, List.of(ReasonCode.ACCOUNT_RESTRICTED.reason(), ReasonCode.RECENT_VERIFICATION.reason())));

        Events.awaitBothChannels(requested.requestId(), rejectedId);
        ReceivedMail mail = mailWithSubject(requested, "您的实名信息清除申请未通过");
        assertThat(mail.body())
                .contains("- " + ReasonCode.ACCOUNT_RESTRICTED.text("zh-CN"))
                .contains("- " + ReasonCode.RECENT_VERIFICATION.text("zh-CN"))
                .contains("再次提交申请也不会通过")
                .contains("选择“投诉”")
                .contains("400-100-5678")
                .doesNotContain("有望通过");
        assertThat(textContaining(requested, "未通过").text()).contains("再次申请也不会通过");
    }

    @Test
    void rejectedNoticeSaysANewRequestMaySucceedLaterWhenEveryReasonIsTemporary() {
        ClearRequested requested = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "en");
        EventRecords.publish(requested);
        String rejectedId = EventRecords.publish(Events.rejected(
                requested,
                List.of(
                        new Reason("RECENT_SECURITY_CHANGE", Reason.Finality.RETRY),
                        new Reason("A_CODE_FROM_A_NEWER_CATALOGUE", Reason.Finality.RETRY))));

        Events.awaitBothChannels(requested.requestId(), rejectedId);
        ReceivedMail mail = mailWithSubject(requested, "Your request to clear real-name information was not approved");
        assertThat(mail.body())
                .contains("- " + ReasonCode.RECENT_SECURITY_CHANGE.text("en"))
                .contains("- " + ReasonCode.textOf("A_CODE_FROM_A_NEWER_CATALOGUE", "en"))
                .contains("a new request may succeed later")
                .contains("choose Complain")
                .doesNotContain("will not succeed");
        assertThat(textContaining(requested, "was not approved").text())
                .contains("You may try again later, once the reasons are fixed.");
    }

    @Test
    void withdrawnNoticeConfirmsThatNothingWasErased() {
        ClearRequested requested = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "en");
        EventRecords.publish(requested);
        String withdrawnId = EventRecords.publish(Events.concluded(requested, ClearingConcluded.Outcome.WITHDRAWN));

        Events.awaitBothChannels(requested.requestId(), withdrawnId);
        assertThat(mailWithSubject(requested, "Your request to clear real-name information was withdrawn")
                        .body())
                .contains("Nothing was erased");
        assertThat(textContaining(requested, "was withdrawn").text()).contains("Nothing was erased");
    }

    @Test
    void complaintNoticeOfNoKindSaysCustomerServiceAnswersAndWhen() {
        ClearRequested requested = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "zh-CN");
        Instant due = Instant.parse("2030-03-17T09:15:30Z");
        EventRecords.publish(requested);
        String complaintId = EventRecords.publish(Events.complaintReceived(requested, due));

        Events.awaitBothChannels(requested.requestId(), complaintId);
        assertThat(mailWithSubject(requested, "我们已收到您对清除申请的投诉").body())
                .contains("客服将进行核实")
                .doesNotContain("撤回")
                .contains(CHINESE_DATE.format(due));
        assertThat(textContaining(requested, "投诉").text()).contains(CHINESE_DATE.format(due));
    }

    @Test
    void delayNoticeApologisesForTheMissedDueDateAndSaysTheCaseWasEscalated() {
        ClearRequested requested = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "en");
        Instant due = Instant.parse("2030-03-17T09:15:30Z");
        EventRecords.publish(requested);
        String delayedId = EventRecords.publish(Events.auditDelayed(requested, due));

        Events.awaitBothChannels(requested.requestId(), delayedId);
        assertThat(mailWithSubject(requested, "Your clearing request is taking longer than expected")
                        .body())
                .contains("by 17 March 2030, as we said we would")
                .contains("The case has been escalated");
        assertThat(textContaining(requested, "was not decided").text()).contains("It has been escalated");
    }

    @Test
    void aLocaleWithoutTemplatesGetsTheNoticesInEnglish() {
        ClearRequested requested = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "fr-FR");

        String requestedId = EventRecords.publish(requested);

        Events.awaitBothChannels(requested.requestId(), requestedId);
        assertThat(singleMail(requested.contact().email()).subject())
                .isEqualTo("We received your request to clear your real-name information");
        assertThat(Outboxes.deliveryLog(requested.requestId()).getList("locale", String.class))
                .containsOnly("en");
    }

    private static ReceivedMail singleMail(String email) {
        return await().atMost(WAIT)
                .until(() -> Outboxes.mailsTo(email), m -> m.size() == 1)
                .get(0);
    }

    private static SmsMessage singleText(String phone) {
        return await().atMost(WAIT)
                .until(() -> Outboxes.textsTo(phone), m -> m.size() == 1)
                .get(0);
    }

    private static ReceivedMail mailWithSubject(ClearRequested requested, String subject) {
        List<ReceivedMail> mails = await().atMost(WAIT)
                .until(
                        () -> Outboxes.mailsTo(requested.contact().email()),
                        m -> m.stream().anyMatch(mail -> subject.equals(mail.subject())));
        assertThat(mails).as("receipt and this notice").hasSize(2);
        return mails.stream()
                .filter(mail -> subject.equals(mail.subject()))
                .findFirst()
                .orElseThrow();
    }

    private static SmsMessage textContaining(ClearRequested requested, String words) {
        List<SmsMessage> texts = await().atMost(WAIT)
                .until(
                        () -> Outboxes.textsTo(requested.contact().phone()),
                        m -> m.stream().anyMatch(sms -> sms.text().contains(words)));
        assertThat(texts).as("receipt and this notice").hasSize(2);
        return texts.stream()
                .filter(sms -> sms.text().contains(words))
                .findFirst()
                .orElseThrow();
    }
}
