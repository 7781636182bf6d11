package io.clearname.kit.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class RequiredSecretsTest {

    private static final String PUBLISHED_KEK = "local-dev=bG9jYWwtZGV2ZWxvcG1lbnQta2V5LW5vdC1zZWNyZXQ=";
    private static final String OWN_KEK = "prod-1=3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhs=";

    private static Map<String, String> serviceProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("clearname.secrets.required.\"encryption.keks\"", "ENCRYPTION_KEKS");
        properties.put("encryption.keks", "${ENCRYPTION_KEKS}");
        properties.put("%test.encryption.keks", PUBLISHED_KEK);
        properties.put("%test.clearname.secrets.development", "true");
        properties.put("encryption.rewrap-batch", "100");
        return properties;
    }

    @Test
    void aMissingSecretStopsTheServiceNamingThePropertyAndTheVariable() {
        SmallRyeConfig config = config("prod", serviceProperties());

        assertThatThrownBy(() -> config.getValue("encryption.keks", String.class))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("encryption.keks is not set: set the environment variable ENCRYPTION_KEKS (no default"
                        + " outside the test profile and the local launcher)");
    }

    @Test
    void aBlankSecretIsMissing() {
        Map<String, String> properties = serviceProperties();
        properties.put("ENCRYPTION_KEKS", " ");

        assertThatThrownBy(() -> config("prod", properties).getValue("encryption.keks", String.class))
                .hasMessageStartingWith("encryption.keks is not set");
    }

    @Test
    void aPublishedDevelopmentValueIsRefusedOutsideDevelopment() {
        Map<String, String> properties = serviceProperties();
        properties.put("ENCRYPTION_KEKS", OWN_KEK + "," + PUBLISHED_KEK);

        assertThatThrownBy(() -> config("prod", properties).getValue("encryption.keks", String.class))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("encryption.keks is a development value published with clearname, which protects nothing:"
                        + " set the environment variable ENCRYPTION_KEKS to a secret of your own");
    }

    @Test
    void aSecretOfTheOperatorsOwnIsRead() {
        Map<String, String> properties = serviceProperties();
        properties.put("ENCRYPTION_KEKS", OWN_KEK);

        assertThat(config("prod", properties).getValue("encryption.keks", String.class))
                .isEqualTo(OWN_KEK);
    }

    @Test
    void theTestProfileRunsOnThePublishedValues() {
        assertThat(config("test", serviceProperties()).getValue("encryption.keks", String.class))
                .isEqualTo(PUBLISHED_KEK);
    }

    @Test
    void theLauncherMayAllowPublishedValuesForAnOldStateDirectory() {
        Map<String, String> properties = serviceProperties();
        properties.put("ENCRYPTION_KEKS", OWN_KEK + "," + PUBLISHED_KEK);
        properties.put("clearname.secrets.development", "true");

        assertThat(config("prod", properties).getValue("encryption.keks", String.class))
                .endsWith(PUBLISHED_KEK);
    }

    @Test
    void propertiesThatAreNotDeclaredSecretsAreLeftAlone() {
        Map<String, String> properties = serviceProperties();
        properties.put("notification.sms.sender", "local-development-token");

        SmallRyeConfig config = config("prod", properties);

        assertThat(config.getValue("notification.sms.sender", String.class)).isEqualTo("local-development-token");
        assertThat(config.getValue("encryption.rewrap-batch", Integer.class)).isEqualTo(100);
    }

    /**
     * A configuration as Quarkus builds it, with {@code properties} as the application's file; upper-case keys stand
     * for environment variables, which expressions read.
     */
    private static SmallRyeConfig config(String profile, Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withInterceptors(new RequiredSecrets())
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .build();
    }
}
