package io.clearname.kit.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for one value, the suite's one way to encrypt at rest: {@code version (1 byte) | nonce (12) | ciphertext and tag}. The additional data binds a
 * ciphertext to its place (account and field), so a value copied into another row or column does not decrypt.
 */
public final class AesGcm {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {}

    public static byte[] encrypt(SecretKey key, byte[] plaintext, String associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(VERSION)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Throws {@link GeneralSecurityException} for a wrong key, a wrong place or a tampered value. */
    public static byte[] decrypt(SecretKey key, byte[] value, String associatedData) throws GeneralSecurityException {
        if (value.length < 1 + NONCE_BYTES || value[0] != VERSION) {
            throw new GeneralSecurityException("not a version 1 value");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, value, 1, NONCE_BYTES));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(value, 1 + NONCE_BYTES, value.length - 1 - NONCE_BYTES);
    }

    public static byte[] encryptText(SecretKey key, String text, String associatedData) {
        return encrypt(key, text.getBytes(StandardCharsets.UTF_8), associatedData);
    }

    public static String decryptText(SecretKey key, byte[] value, String associatedData)
            throws GeneralSecurityException {
        return new String(decrypt(key, value, associatedData), StandardCharsets.UTF_8);
    }
}
