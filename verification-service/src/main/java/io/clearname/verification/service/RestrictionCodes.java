package io.clearname.verification.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Account restriction codes as this service keeps them. The codes come from another service (the snapshot of {@code
 * ClearRequested}), so what is stored on the case and shown in rule results is kept short and printable.
 */
final class RestrictionCodes {

    /** What fits the case's {@code restrictions} column. */
    private static final int MAX_JOINED_LENGTH = 255;

    private RestrictionCodes() {}

    /** The code with anything but letters, digits and {@code _} replaced by {@code ?}, at most 40 characters. */
    static String code(String restriction) {
        if (restriction == null) {
            return "?";
        }
        String printable = restriction.replaceAll("[^A-Za-z0-9_]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) : printable;
    }

    /** The restrictions as stored on the case: codes joined by commas, as many as fit; null for none. */
    static String joined(List<String> restrictions) {
        if (restrictions == null || restrictions.isEmpty()) {
            return null;
        }
        var codes = new ArrayList<String>();
        int length = 0;
        for (String r : restrictions) {
            String c = code(r);
            if (length + c.length() + 1 > MAX_JOINED_LENGTH) {
                break;
            }
            codes.add(c);
            length += c.length() + 1;
        }
        return String.join(",", codes);
    }
}
