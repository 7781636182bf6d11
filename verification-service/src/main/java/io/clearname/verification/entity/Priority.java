package io.clearname.verification.entity;

import java.util.Arrays;
import java.util.Optional;

/** How urgently a reviewer should take a case; raised by the SLA marks and by complaints, never lowered. */
public enum Priority {
    NORMAL(0),
    HIGH(1),
    URGENT(2);

    private final int level;

    Priority(int level) {
        this.level = level;
    }

    /** The stored value; the queue sorts on it. */
    public int level() {
        return level;
    }

    /** One level up, at most {@link #URGENT}. */
    public Priority raised() {
        return this == URGENT ? URGENT : values()[ordinal() + 1];
    }

    public static Priority ofLevel(int level) {
        return Arrays.stream(values())
                .filter(p -> p.level == level)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no priority of level " + level));
    }

    public static Optional<Priority> of(String name) {
        return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
    }
}
