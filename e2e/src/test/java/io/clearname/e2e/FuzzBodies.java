package io.clearname.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Request bodies and header values no endpoint accepts, fixed and seeded-random. */
final class FuzzBodies {

    private FuzzBodies() {}

    /** Broken syntax, wrong shapes, hostile sizes and nesting. */
    static List<String> fixed() {
        return List.of(
                "",
                "{",
                "}",
                "null",
                "[]",
                "\"just a string\"",
                "12345678901234567890123456789",
                "{\"a\":}",
                "{\"legalName\": {\"$gt\": \"\"}}",
                "{\"acknowledgements\": \"BACKUP_DONE\"}",
                "{\"acknowledgements\": [null, null]}",
                "{\"phone\": [\"+8613800000000\"], \"email\": 12}",
                "{\"decision\": \"MAYBE\", \"reasonCodes\": \"x\"}",
                "{\"message\": {\"nested\": true}}",
                "{\"reason\": [\"x\"]}",
                "{\"walletBalanceCents\": 1e400}",
                "{\"lastSecurityChangeAt\": \"yesterday\"}",
                "{\"message\": \"a\", \"message\": \"b\"}",
                "{\"message\": \"a\"} trailing",
                "[".repeat(2000) + "]".repeat(2000),
                "{\"x\": \"" + "\\u0000".repeat(50) + "\"}",
                "{\"x\": \"\\uD800\"}",
                "\uFEFF{\"phone\": }",
                "{\"" + "k".repeat(10_000) + "\": 1}");
    }

    /** Unclosed objects of random JSON-ish characters: never a valid document by accident. */
    static List<String> random(Random random, int count) {
        String alphabet = "{}[]\":,0123456789-+.eEtruefalsnl\\ abcxyz\u00e9\u4e2d";
        List<String> bodies = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int length = 1 + random.nextInt(200);
            var text = new StringBuilder("{");
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            bodies.add(text.toString());
        }
        return bodies;
    }

    /** {@code Accept-Language} values a client may send by mistake (header values must be visible ASCII). */
    static List<String> languages() {
        return List.of(
                "",
                "*",
                "zh-CN;q=2",
                "zh-CN,,,;q=",
                ";;;",
                "x-" + "a".repeat(2000),
                "en;q=abc, zh;q=-1",
                "%00%0d%0a",
                "'; DROP TABLE audit_case; --");
    }
}
