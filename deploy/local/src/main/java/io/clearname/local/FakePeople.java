package io.clearname.local;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Made-up identities and contact points, unique per call: for tests (which must not see each other's data) and the
 * demo. Never real people: the ID numbers are random, only their check digit is right.
 */
public final class FakePeople {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final String GIVEN = "明华强伟芳娜敏静丽军洋勇艳杰涛超";

    private FakePeople() {}

    /** A valid 18-character ID number (ISO 7064 MOD 11-2): Beijing region, born 1950-1999, a random sequence. */
    public static String idNumber() {
        var random = ThreadLocalRandom.current();
        String body = String.format(
                "110105%04d%02d%02d%03d",
                random.nextInt(1950, 2000), random.nextInt(1, 13), random.nextInt(1, 29), random.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK.charAt(sum % 11);
    }

    /** A six-character name, unlikely to occur anywhere by chance. */
    public static String legalName() {
        var random = ThreadLocalRandom.current();
        StringBuilder name = new StringBuilder("欧阳");
        for (int i = 0; i < 4; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    /** {@code <tag>-<random>@example.com}, lower case (the mailbox matches case-insensitively anyway). */
    public static String email(String tag) {
        return tag + "-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    /** A mainland mobile number in E.164. */
    public static String phone() {
        return "+86139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
