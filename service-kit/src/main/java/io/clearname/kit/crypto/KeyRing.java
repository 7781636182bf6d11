package io.clearname.kit.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256 keys by id, from configuration written {@code id=base64,id=base64} (32 bytes each), one of them active. What
 * {@link #seal} encrypts names its key id, so values sealed under an older key stay readable while that key is listed,
 * and a key can be rotated by adding a new active one.
 */
public final class KeyRing {

    private final Map<String, SecretKey> keys;
    private final String active;

    private KeyRing(Map<String, SecretKey> keys, String active) {
        this.keys = keys;
        this.active = active;
    }

    /**
     * @param keys {@code id=base64[,id=base64...]}
     * @param active the id new values are sealed with
     * @param setting the configuration key, for error messages
     */
    public static KeyRing parse(String keys, String active, String setting) {
        var parsed = new LinkedHashMap<String, SecretKey>();
        for (String entry : keys.split(",")) {
            String[] idAndKey = entry.strip().split("=", 2);
            if (idAndKey.length != 2 || idAndKey[0].isBlank()) {
                throw new IllegalStateException(setting + " must be id=base64[,id=base64...]");
            }
            String id = idAndKey[0].strip();
            byte[] key;
            try {
                key = Base64.getDecoder().decode(idAndKey[1].strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(setting + ": key '" + id + "' is not base64");
            }
            if (key.length != 32) {
                throw new IllegalStateException(setting + ": key '" + id + "' must be 32 bytes (AES-256)");
            }
            if (id.length() > 64) {
                throw new IllegalStateException(setting + ": key id '" + id + "' is longer than 64 characters");
            }
            parsed.put(id, new SecretKeySpec(key, "AES"));
        }
        if (!parsed.containsKey(active)) {
            throw new IllegalStateException("the active key '" + active + "' is not among " + setting);
        }
        return new KeyRing(Map.copyOf(parsed), active);
    }

    public String activeId() {
        return active;
    }

    public SecretKey active() {
        return keys.get(active);
    }

    public Optional<SecretKey> key(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    public java.util.Set<String> ids() {
        return keys.keySet();
    }

    /** {@code text} encrypted under the active key: {@code id length (1) | id | AesGcm value}. */
    public byte[] seal(String text, String associatedData) {
        byte[] id = active.getBytes(StandardCharsets.UTF_8);
        byte[] value = AesGcm.encryptText(active(), text, associatedData);
        return ByteBuffer.allocate(1 + id.length + value.length)
                .put((byte) id.length)
                .put(id)
                .put(value)
                .array();
    }

    /** Reverses {@link #seal}; throws when the key is not listed or the value was tampered with. */
    public String open(byte[] sealed, String associatedData) throws GeneralSecurityException {
        if (sealed.length < 2) {
            throw new GeneralSecurityException("not a sealed value");
        }
        int idLength = sealed[0];
        if (idLength <= 0 || sealed.length < 1 + idLength) {
            throw new GeneralSecurityException("not a sealed value");
        }
        String id = new String(sealed, 1, idLength, StandardCharsets.UTF_8);
        SecretKey key = key(id).orElseThrow(() -> new GeneralSecurityException("key '" + id + "' is not listed"));
        byte[] value = java.util.Arrays.copyOfRange(sealed, 1 + idLength, sealed.length);
        return AesGcm.decryptText(key, value, associatedData);
    }
}
