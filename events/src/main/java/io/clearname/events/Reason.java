package io.clearname.events;

/**
 * A reason code of an audit decision. {@code FINAL} means a new request will fail the same way; {@code RETRY} means a
 * later request may succeed.
 */
public record Reason(String code, Finality finality) {

    public enum Finality {
        FINAL,
        RETRY
    }
}
