package io.clearname.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.clearname.events.ClearRequested;
import io.clearname.local.testing.EventRecords;
import io.clearname.local.testing.SmsOutbox;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MetricsTest {

    @Test
    void sentFailedAndRetriedNoticesAreCountedPerChannel() {
        double smsSent = counter("sent", "SMS");
        double smsRetried = counter("retried", "SMS");
        double emailFailed = counter("failed", "EMAIL");
        ClearRequested requested = Events.clearRequested(UUID.randomUUID(), Events.uniqueEmail(), "en");
        SmsOutbox.failNextTo(Outboxes.sms(), requested.contact().phone(), 503, 1);
        SmtpRelay.refuseNext(requested.contact().email(), 550, 1);

        String requestedId = EventRecords.publish(requested);
        Events.awaitBothChannels(requested.requestId(), requestedId);

        assertThat(counter("sent", "SMS")).isGreaterThanOrEqualTo(smsSent + 1);
        assertThat(counter("retried", "SMS")).isGreaterThanOrEqualTo(smsRetried + 1);
        assertThat(counter("failed", "EMAIL")).isGreaterThanOrEqualTo(emailFailed + 1);
        String metrics = metrics();
        for (String name : new String[] {"sent", "failed", "retried", "unknown"}) {
            for (String channel : new String[] {"SMS", "EMAIL"}) {
                assertThat(metrics).contains("clearname_notifications_" + name + "_total{channel=\"" + channel + "\"");
            }
        }
    }

    private static double counter(String name, String channel) {
        Matcher m = Pattern.compile("(?m)^clearname_notifications_" + name + "_total\\{channel=\"" + channel
                        + "\"[^}]*} ([0-9.E+-]+)$")
                .matcher(metrics());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
