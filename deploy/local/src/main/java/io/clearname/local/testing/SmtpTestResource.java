package io.clearname.local.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real SMTP server for {@code @QuarkusTest}s (one per test JVM, no authentication, plain SMTP), with the Quarkus
 * mailer pointed at it ({@code quarkus.mailer.*}, {@code mock=false}) and {@code clearname.test.mailbox-url} set to
 * its inspection endpoint. Read what arrived with {@link Mailbox#messagesTo(String, String)} and {@link
 * #mailboxUrl()}.
 */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {
    /** The from address the mailer is configured with. */
    public static final String FROM = "no-reply@clearname.local";

    @Override
    public Map<String, String> start() {
        Map<String, String> smtp = SharedInfra.startShared("smtp", Map.of());
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", smtp.get(SharedInfra.SMTP_PORT),
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.from", FROM,
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.tls", "false",
                "clearname.test.mailbox-url", smtp.get(SharedInfra.MAILBOX_URL));
    }

    /** Nothing: the server serves every test of the JVM and stops when it exits. */
    @Override
    public void stop() {}

    /** The base URL of the mailbox's {@code GET /messages}, once the resource has started. */
    public static String mailboxUrl() {
        return SharedInfra.required(SharedInfra.MAILBOX_URL, "SmtpTestResource");
    }
}
