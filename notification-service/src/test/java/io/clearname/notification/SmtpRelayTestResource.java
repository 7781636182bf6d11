package io.clearname.notification;

import io.clearname.local.testing.SmtpTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The real SMTP server of {@link SmtpTestResource}, reached through {@link SmtpRelay}, so that a test can have a
 * recipient refused with a transient (4xx) or permanent (5xx) reply. The mailer's mock mode stays off.
 */
public class SmtpRelayTestResource implements QuarkusTestResourceLifecycleManager {

    private final SmtpTestResource smtp = new SmtpTestResource();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(smtp.start());
        int relayPort = SmtpRelay.startOnce(Integer.parseInt(config.get("quarkus.mailer.port")));
        config.put("quarkus.mailer.port", Integer.toString(relayPort));
        return config;
    }

    /** Nothing: the server and the relay serve every test of the JVM. */
    @Override
    public void stop() {}
}
