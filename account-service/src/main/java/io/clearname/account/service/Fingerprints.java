package io.clearname.account.service;

import io.clearname.account.config.ClearingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 of the ID number with a secret pepper: recognisable across requests, useless without the pepper. */
@ApplicationScoped
public class Fingerprints {

    private final SecretKeySpec key;

    public Fingerprints(ClearingConfig config) {
        this.key = new SecretKeySpec(config.idFingerprintPepper().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String idNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of()
                    .formatHex(mac.doFinal(IdNumbers.normalize(idNumber).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
