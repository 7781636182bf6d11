package io.clearname.account.service;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The 18-character resident identity number (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence and
 * an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
public final class IdNumbers {

    private static final Pattern FORMAT = Pattern.compile("\\d{17}[\\dX]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {}

    public static String normalize(String idNumber) {
        return idNumber == null ? null : idNumber.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** Whether the number has the right format, a real birth date not in the future, and a correct check digit. */
    public static boolean isValid(String idNumber, LocalDate today) {
        String id = normalize(idNumber);
        if (id == null || !FORMAT.matcher(id).matches()) {
            return false;
        }
        try {
            LocalDate born = LocalDate.of(
                    Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            if (born.isAfter(today) || born.getYear() < 1900) {
                return false;
            }
        } catch (DateTimeException e) {
            return false;
        }
        return checkCharacter(id) == id.charAt(17);
    }

    static char checkCharacter(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }
}
