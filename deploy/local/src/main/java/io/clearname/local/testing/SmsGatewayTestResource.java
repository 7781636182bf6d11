package io.clearname.local.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The SMS gateway stub for {@code @QuarkusTest}s, one per test JVM. Sets {@code clearname.sms.gateway-url} and
 * {@code quarkus.rest-client.sms-gateway.url} to its base URL (without {@code /v1}). Read what was sent and ask for
 * failures with {@link SmsOutbox} and {@link #baseUrl()}.
 */
public class SmsGatewayTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        String url = SharedInfra.startShared("sms", Map.of()).get(SharedInfra.SMS_GATEWAY_URL);
        return Map.of("clearname.sms.gateway-url", url, "quarkus.rest-client.sms-gateway.url", url);
    }

    /** Nothing: the stub serves every test of the JVM and stops when it exits. */
    @Override
    public void stop() {}

    /** The stub's base URL, once the resource has started. */
    public static String baseUrl() {
        return SharedInfra.required(SharedInfra.SMS_GATEWAY_URL, "SmsGatewayTestResource");
    }
}
