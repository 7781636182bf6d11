package io.clearname.e2e;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Values that must not appear somewhere (legal names, ID numbers), looked for in every form a careless writer could
 * have stored them in: as text, with JSON's {@code \\uXXXX} escapes, hex and Base64 of their UTF-8 bytes; and in bytes,
 * as UTF-8, UTF-16 (either byte order, as Java and Windows write it) and GB18030 (the Chinese national encoding, a
 * superset of GBK and GB2312, which a Chinese name may well be written in).
 */
final class Secrets {

    private static final List<Charset> BYTE_ENCODINGS = List.of(
            StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE, Charset.forName("GB18030"));

    private final Set<String> values = new LinkedHashSet<>();

    Secrets add(String... more) {
        values.addAll(List.of(more));
        return this;
    }

    Set<String> values() {
        return Set.copyOf(values);
    }

    /** The values found in {@code text}, in any of the textual forms; empty when none. */
    List<String> in(String text) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        for (String value : values) {
            for (String form : textForms(value)) {
                if (text.contains(form)) {
                    found.add(value + (form.equals(value) ? "" : " as " + form));
                    break;
                }
            }
        }
        return found;
    }

    /** The values found in {@code bytes}, in any byte encoding or as any textual form in ASCII; empty when none. */
    List<String> in(byte[] bytes) {
        List<String> found = new ArrayList<>();
        if (bytes == null) {
            return found;
        }
        for (String value : values) {
            String hit = null;
            for (Charset charset : BYTE_ENCODINGS) {
                if (indexOf(bytes, value.getBytes(charset)) >= 0) {
                    hit = value + " in " + charset.name();
                    break;
                }
            }
            for (String form : textForms(value)) {
                if (hit == null && indexOf(bytes, form.getBytes(StandardCharsets.UTF_8)) >= 0) {
                    hit = value + " as " + form;
                }
            }
            if (hit != null) {
                found.add(hit);
            }
        }
        return found;
    }

    private static List<String> textForms(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        var forms = new LinkedHashSet<String>();
        forms.add(value);
        forms.add(jsonEscaped(value, false));
        forms.add(jsonEscaped(value, true));
        forms.add(HexFormat.of().formatHex(utf8));
        forms.add(HexFormat.of().withUpperCase().formatHex(utf8));
        forms.add(Base64.getEncoder().withoutPadding().encodeToString(utf8));
        return List.copyOf(forms);
    }

    /** Non-ASCII characters as {@code \\uXXXX}, as a JSON writer with ASCII output writes them. */
    private static String jsonEscaped(String value, boolean upperCase) {
        var escaped = new StringBuilder();
        value.chars().forEach(c -> {
            if (c < 0x80) {
                escaped.append((char) c);
            } else {
                String hex = String.format("%04x", c);
                escaped.append("\\u").append(upperCase ? hex.toUpperCase() : hex);
            }
        });
        return escaped.toString();
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
