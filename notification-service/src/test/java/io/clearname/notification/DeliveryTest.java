package io.clearname.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.UserNotified;
import io.clearname.local.ReceivedMail;
import io.clearname.local.testing.JwtTestResource;
import io.clearname.local.testing.Mailbox;
import io.clearname.local.testing.SmtpTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void clearedRequestSendsOneEmailAndPublishesOneDeliveredNotice() {
        UUID account = UUID.randomUUID();
        String email = Events.uniqueEmail();
        ClearRequested requested = Events.clearRequested(account, email, "en");

        Events.publish(requested);
        String concludedId = Events.publish(Events.concluded(requested, ClearingConcluded.Outcome.CLEARED));

        UserNotified notice = awaitNotices(requested.requestId(), 1).get(0);
        assertThat(notice.status()).isEqualTo(UserNotified.Status.DELIVERED);
        assertThat(notice.channel()).isEqualTo(UserNotified.Channel.EMAIL);
        assertThat(notice.attempts()).isEqualTo(1);
        assertThat(notice.accountId()).isEqualTo(account);
        assertThat(notice.triggerEventId()).isEqualTo(concludedId);
        assertThat(notice.notificationId()).isNotNull();
        assertThat(notice.notifiedAt()).isNotNull();

        List<ReceivedMail> mails = mailsTo(email);
        assertThat(mails).hasSize(1);
        ReceivedMail mail = mails.get(0);
        assertThat(mail.from()).isEqualTo(SmtpTestResource.FROM);
        assertThat(mail.subject()).isEqualTo("Your real-name information has been cleared");
        assertThat(mail.body()).contains(requested.requestId().toString());
    }

    @Test
    void conclusionArrivingBeforeTheRequestIsDeliveredOnceTheContactArrives() {
        UUID account = UUID.randomUUID();
        String email = Events.uniqueEmail();
        ClearRequested requested = Events.clearRequested(account, email, "en");

        Events.publish(Events.concluded(requested, ClearingConcluded.Outcome.WITHDRAWN));
        await().atMost(WAIT).until(() -> jobStatuses(requested.requestId()), s -> s.equals(List.of("PENDING")));
        // The job waits for its contact snapshot over several dispatcher rounds: nothing is sent or published.
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> mailsTo(email).isEmpty()
                        && jobStatuses(requested.requestId()).equals(List.of("PENDING")));

        Events.publish(requested);

        UserNotified notice = awaitNotices(requested.requestId(), 1).get(0);
        assertThat(notice.status()).isEqualTo(UserNotified.Status.DELIVERED);
        assertThat(mailsTo(email))
                .singleElement()
                .extracting(ReceivedMail::subject)
                .isEqualTo("Your request to clear real-name information was withdrawn");
    }

    @Test
    void conclusionDeliveredTwiceSendsOneEmail() {
        UUID account = UUID.randomUUID();
        String email = Events.uniqueEmail();
        ClearRequested requested = Events.clearRequested(account, email, "en");
        ClearingConcluded concluded = Events.concluded(requested, ClearingConcluded.Outcome.REJECTED);
        String concludedId = UUID.randomUUID().toString();
        // A later request of the same account: same key, same partition, so it is consumed after both copies.
        String markerEmail = Events.uniqueEmail();
        ClearRequested marker = Events.clearRequested(account, markerEmail, "en");

        Events.publish(requested);
        Events.publish(concludedId, concluded);
        Events.publish(concludedId, concluded);
        Events.publish(marker);
        Events.publish(Events.concluded(marker, ClearingConcluded.Outcome.CLEARED));

        await().atMost(WAIT).until(() -> mailsTo(markerEmail).size() == 1);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> mailsTo(email).size() == 1);
        assertThat(mailsTo(email).get(0).subject())
                .isEqualTo("Your request to clear real-name information was not approved");
        assertThat(Events.userNotified(requested.requestId()))
                .singleElement()
                .extracting(UserNotified::triggerEventId)
                .isEqualTo(concludedId);
    }

    @Test
    void chineseLocaleGetsTheNoticeInSimplifiedChinese() {
        UUID account = UUID.randomUUID();
        String email = Events.uniqueEmail();
        ClearRequested requested = Events.clearRequested(account, email, "zh-CN");

        Events.publish(requested);
        Events.publish(Events.concluded(requested, ClearingConcluded.Outcome.REJECTED));

        awaitNotices(requested.requestId(), 1);
        ReceivedMail mail = mailsTo(email).get(0);
        assertThat(mail.subject()).isEqualTo("您的实名信息清除申请未通过");
        assertThat(mail.body()).contains("申请编号：" + requested.requestId());
    }

    private static List<UserNotified> awaitNotices(UUID requestId, int count) {
        return await().atMost(WAIT).until(() -> Events.userNotified(requestId), n -> n.size() >= count);
    }

    /** The statuses of a request's jobs, from support's delivery log. */
    static List<String> jobStatuses(UUID requestId) {
        return given().auth()
                .oauth2(JwtTestResource.token(UUID.randomUUID().toString(), "support"))
                .queryParam("requestId", requestId.toString())
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("status", String.class);
    }

    private static List<ReceivedMail> mailsTo(String email) {
        return Mailbox.messagesTo(SmtpTestResource.mailboxUrl(), email);
    }
}
