package io.clearname.notification;

import static io.restassured.RestAssured.given;

import io.clearname.local.ReceivedMail;
import io.clearname.local.SmsMessage;
import io.clearname.local.SmsPost;
import io.clearname.local.testing.JwtTestResource;
import io.clearname.local.testing.Mailbox;
import io.clearname.local.testing.SmsGatewayTestResource;
import io.clearname.local.testing.SmsOutbox;
import io.clearname.local.testing.SmtpTestResource;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;

/** What reached the person: the SMTP server's mailbox, the SMS stand-in's messages, and support's delivery log. */
final class Outboxes {
    private Outboxes() {}

    static List<ReceivedMail> mailsTo(String email) {
        return Mailbox.messagesTo(SmtpTestResource.mailboxUrl(), email);
    }

    static List<SmsMessage> textsTo(String phone) {
        return SmsOutbox.messagesTo(SmsGatewayTestResource.baseUrl(), phone);
    }

    /** Every POST the SMS stand-in accepted for {@code phone}, repeated Idempotency-Keys included, oldest first. */
    static List<SmsPost> postsTo(String phone) {
        return SmsOutbox.postsTo(SmsGatewayTestResource.baseUrl(), phone);
    }

    static String sms() {
        return SmsGatewayTestResource.baseUrl();
    }

    /** Support's delivery log of a request, oldest first. */
    static JsonPath deliveryLog(UUID requestId) {
        return given().auth()
                .oauth2(JwtTestResource.token(UUID.randomUUID().toString(), "support"))
                .queryParam("requestId", requestId.toString())
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The statuses in support's delivery log of a request, oldest first. */
    static List<String> jobStatuses(UUID requestId) {
        return deliveryLog(requestId).getList("status", String.class);
    }
}
