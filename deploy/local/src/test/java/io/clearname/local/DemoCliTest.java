package io.clearname.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line only: seeding and the demo need a running suite, which {@code ./clearname up} provides. */
class DemoCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void needsSeedOrDemoAndKnownOptions() {
        assertEquals(2, run());
        assertEquals(2, run("show"));
        assertEquals(2, run("seed", "--colour", "red"));
        assertEquals(2, run("demo", "--state"));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage: DemoCli"), err.toString());
    }

    @Test
    void printsTheUsageOfEachCommandForHelp() {
        assertEquals(0, run("--help"));
        assertTrue(
                out.toString(StandardCharsets.UTF_8).startsWith("Usage: DemoCli [-h] [--state=DIR]"), out.toString());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("seed|demo"), out.toString());
        out.reset();
        assertEquals(0, run("demo", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: DemoCli demo"), out.toString());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        return Cli.run(
                new DemoCli(),
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
