package io.clearname.local;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The SMTP replies a test asked {@link SmtpServer} to fail with: the next {@code times} recipients (of any mail, or of
 * mails to one address, which takes precedence) are refused with a 4xx or 5xx code. They are counted per recipient
 * ({@code RCPT TO}), not per connection, because mail clients keep connections open and send many mails over one.
 */
final class SmtpFailures {

    /** What the next recipients are refused with. Guarded by the rules' monitor. */
    private static final class Rule {
        int code;
        int left;
    }

    private final Rule everyone = new Rule();
    private final Map<String, Rule> byRecipient = new HashMap<>();

    /**
     * The next {@code times} recipients ({@code to}'s only, or any when null) are refused with {@code code}.
     *
     * @param code 400-599; 421 also closes the connection, as a server going away does
     */
    synchronized void fail(String to, int code, int times) {
        if (code < 400 || code > 599) {
            throw new IllegalArgumentException("not an SMTP failure code (4xx or 5xx): " + code);
        }
        Rule rule = to == null ? everyone : byRecipient.computeIfAbsent(address(to), k -> new Rule());
        rule.code = code;
        rule.left = Math.max(0, times);
    }

    /** Clears every rule. */
    synchronized void reset() {
        everyone.left = 0;
        byRecipient.clear();
    }

    /** Takes the failure for a recipient: the address's own rule first, else the rule for everyone; 0 for none. */
    synchronized int next(String to) {
        Rule own = to == null ? null : byRecipient.get(address(to));
        Rule rule = own != null && own.left > 0 ? own : everyone;
        if (rule.left == 0) {
            return 0;
        }
        rule.left--;
        return rule.code;
    }

    /** The reply line of a failure: {@code 451 4.3.0 ...}, with the enhanced status code of its class. */
    static String reply(int code) {
        String text = code == 421
                ? "Service not available, closing transmission channel"
                : "Requested action aborted: failure asked for by a test";
        return code + " " + code / 100 + ".3.0 " + text;
    }

    private static String address(String to) {
        if (to.isBlank()) {
            throw new IllegalArgumentException("\"to\" must be an email address");
        }
        return to.strip().toLowerCase(Locale.ROOT);
    }
}
