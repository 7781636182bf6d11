package io.clearname.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearname.local.bench.Bench;
import io.clearname.local.bench.Report;
import io.clearname.local.bench.TokenSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The benchmark behind {@code ./clearname bench}, run small against the packaged suite: it must create its accounts,
 * drive its clearings both ways and find each one CLEARED with two mails and two texts. Only its correctness is
 * asserted; its times depend on the machine and are never a test's business. Like {@code ./clearname bench}, it runs
 * without a cooling-off, which would add the approval's notice to the receipt and outcome the bench counts.
 */
@WithSuite(coolingOff = "PT0S")
class BenchSmokeIT {

    @Test
    void saturationRunConcludesEveryClearingOnceWithTwoMailsAndTwoTextsAndReadsThem(Suite suite)
            throws InterruptedException {
        Report report = run(suite, null, 40, 10, Duration.ofSeconds(2));

        assertThat(report.ok()).as("%s", report.json()).isTrue();
        assertThat(report.json().path("reads").path("answers").path("200").asLong())
                .as("reads answered 200")
                .isPositive();
        assertThat(report.json().path("correctness").path("completeWithNotices").asInt())
                .isEqualTo(50);
        assertThat(report.json()
                        .path("latencyMs")
                        .path("submitToLastNotice")
                        .path("count")
                        .asInt())
                .isEqualTo(40);
    }

    @Test
    void fixedRateRunConcludesEveryClearingOnceWithTwoMailsAndTwoTexts(Suite suite) throws InterruptedException {
        Report report = run(suite, 10.0, 30, 0, Duration.ZERO);

        assertThat(report.ok()).as("%s", report.json()).isTrue();
        assertThat(report.json()
                        .path("correctness")
                        .path("mailsPerAddress")
                        .path("exact")
                        .asInt())
                .isEqualTo(30);
        assertThat(report.json()
                        .path("correctness")
                        .path("textsPerPhone")
                        .path("exact")
                        .asInt())
                .isEqualTo(30);
    }

    private static Report run(Suite suite, Double rate, int clearings, int warmup, Duration reads)
            throws InterruptedException {
        var plan = new Bench.Plan(
                rate,
                clearings,
                warmup,
                Duration.ZERO,
                false,
                8,
                64,
                Duration.ofSeconds(120),
                4,
                Duration.ofSeconds(300),
                reads,
                4);
        var target = new Bench.Target(
                suite.url(Service.ACCOUNT),
                suite.bootstrapServers(),
                suite.mailboxUrl(),
                suite.smsUrl(),
                TokenSource.signedWith(suite.signingKey()),
                null);
        Report report = new Bench(plan, target, System.err).run();
        report.print(System.out);
        return report;
    }
}
