package io.clearname.verification.entity;

import io.clearname.kit.crypto.KeyRing;
import io.clearname.verification.config.ComplaintConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.security.GeneralSecurityException;

/**
 * Stores free text people type (complaints) encrypted: AES-256-GCM under a key of {@link ComplaintConfig#textKeys()},
 * new texts under the active one. Masking removes what has a shape (ID numbers, phones, emails); a name someone writes
 * has none, so the text is never stored readable.
 *
 * <p>A CDI bean: Hibernate ORM in Quarkus takes converters that are beans from the container, so the key ring is
 * injected configuration, parsed once; created at start-up, so a malformed key fails the start rather than the first
 * complaint.
 */
@Startup
@ApplicationScoped
@Converter
public class SealedText implements AttributeConverter<String, byte[]> {

    /** Binds each ciphertext to this column: a sealed text moved elsewhere does not open. */
    private static final String PLACE = "verification:free-text";

    private final KeyRing keys;

    public SealedText(ComplaintConfig config) {
        this.keys = KeyRing.parse(config.textKeys(), config.activeTextKey(), "complaint.text-keys");
    }

    @Override
    public byte[] convertToDatabaseColumn(String text) {
        return text == null ? null : keys.seal(text, PLACE);
    }

    @Override
    public String convertToEntityAttribute(byte[] sealed) {
        if (sealed == null) {
            return null;
        }
        try {
            return keys.open(sealed, PLACE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored text does not decrypt with complaint.text-keys", e);
        }
    }
}
