package io.clearname.verification;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: system time plus an offset a test moves forward, so the SLA's 15 days pass in a
 * moment. Being a bean of type {@link Clock}, it replaces the kit's default clock. Tests that move it reset it after
 * each test.
 */
@Singleton
public class ControlledClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Moves the clock so that it reads {@code at} plus however long the test takes from here. */
    public void jumpTo(Instant at) {
        offset = Duration.between(Instant.now(), at);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
