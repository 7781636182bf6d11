package io.clearname.verification.config;

import io.smallrye.config.ConfigMapping;

/**
 * How complaint texts are sealed ({@code complaint.*} in application.properties; env {@code TEXT_KEYS},
 * {@code ACTIVE_TEXT_KEY}). Both are required: without them the service does not start.
 */
@ConfigMapping(prefix = "complaint")
public interface ComplaintConfig {

    /**
     * The keys texts are sealed and opened with, {@code id=base64,...} (32 bytes each). Keep an old key listed while
     * texts sealed under it exist.
     */
    String textKeys();

    /** The id of the key new texts are sealed with. */
    String activeTextKey();
}
