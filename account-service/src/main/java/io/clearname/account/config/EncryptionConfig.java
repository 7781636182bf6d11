package io.clearname.account.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Encryption of real names at rest ({@code encryption.*} in application.properties). Each real name is encrypted with
 * a data key of its own; data keys live in the key store database, wrapped by a key-encryption key (KEK) from here.
 */
@ConfigMapping(prefix = "encryption")
public interface EncryptionConfig {

    /**
     * The KEKs, {@code id=base64,id=base64}: each 32 random bytes (AES-256). Keep the previous KEK listed while data
     * keys are rewrapped after a rotation; a KEK may leave the list once no data key uses it (metric
     * {@code clearname_data_keys{kek}}).
     */
    String keks();

    /** The id of the KEK new data keys are wrapped with, and that older data keys are rewrapped to. */
    String activeKek();

    /** How many data keys one rewrap round moves to the active KEK. */
    @WithDefault("100")
    int rewrapBatch();
}
