package io.clearname.account;

import java.util.concurrent.ThreadLocalRandom;

/** Made-up identities, unique per call, so tests never see each other's data. */
final class People {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final String GIVEN = "明华强伟芳娜敏静丽军洋勇艳杰涛超";

    private People() {}

    /** A valid 18-character ID number: Beijing region, a birth date in 1950-1999, a random sequence. */
    static String idNumber() {
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

    static String legalName() {
        var random = ThreadLocalRandom.current();
        StringBuilder name = new StringBuilder("欧阳");
        for (int i = 0; i < 4; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }
}
