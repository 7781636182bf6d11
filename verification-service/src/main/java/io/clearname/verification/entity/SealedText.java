package io.clearname.verification.entity;

import io.clearname.kit.crypto.KeyRing;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.security.GeneralSecurityException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Stores free text people type (complaints) encrypted: AES-256-GCM under a key of {@code complaint.text-keys}, the active
 * one {@code complaint.active-text-key} (env {@code TEXT_KEYS}, {@code ACTIVE_TEXT_KEY}). Masking removes what has a
 * shape (ID numbers, phones, emails); a name someone writes has none, so the text is never stored readable.
 */
@Converter
public class SealedText implements AttributeConverter<String, byte[]> {

    private static final String PLACE = "verification:free-text";

    private static volatile KeyRing keys;

    @Override
    public byte[] convertToDatabaseColumn(String text) {
        return text == null ? null : keys().seal(text, PLACE);
    }

    @Override
    public String convertToEntityAttribute(byte[] sealed) {
        if (sealed == null) {
            return null;
        }
        try {
            return keys().open(sealed, PLACE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored text does not decrypt with complaint.text-keys", e);
        }
    }

    private static KeyRing keys() {
        KeyRing ring = keys;
        if (ring == null) {
            var config = ConfigProvider.getConfig();
            ring = KeyRing.parse(
                    config.getValue("complaint.text-keys", String.class),
                    config.getValue("complaint.active-text-key", String.class),
                    "complaint.text-keys");
            keys = ring;
        }
        return ring;
    }
}
