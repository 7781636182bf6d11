package io.clearname.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

class LocalStackCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void parsesOptions() {
        LocalStack.Options defaults = LocalStackCli.parse();
        assertEquals(new LocalStack.Options(Path.of(".clearname"), 9092, 15432, 2525, 8025, 8089), defaults);
        LocalStack.Options given = LocalStackCli.parse(
                "--state",
                "/tmp/x",
                "--kafka-port",
                "19092",
                "--db-port=25432",
                "--smtp-port",
                "0",
                "--mail-port",
                "18025",
                "--sms-port",
                "18089");
        assertEquals(new LocalStack.Options(Path.of("/tmp/x"), 19092, 25432, 0, 18025, 18089), given);
        assertThrows(ParameterException.class, () -> LocalStackCli.parse("--db-port", "x"));
        assertThrows(ParameterException.class, () -> LocalStackCli.parse("--db-port", "65536"));
        assertThrows(ParameterException.class, () -> LocalStackCli.parse("--kafka-port"));
        assertThrows(ParameterException.class, () -> LocalStackCli.parse("--nope", "1"));
    }

    @Test
    void rejectsBadArgumentsWithExitCode2AndUsageWithoutStartingAnything() {
        assertEquals(2, run("--db-port", "-1"));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("needs a port number (0-65535), not -1"), printed);
        assertTrue(printed.contains(usage()), printed);
    }

    @Test
    void printsTheUsageOnStdoutForHelp() {
        assertEquals(0, run("--help"));
        assertEquals(usage(), out.toString(StandardCharsets.UTF_8));
        assertTrue(usage().startsWith("Usage: java -jar local-stack-runner.jar [-h] [--state=DIR]"), usage());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        return Cli.run(
                new LocalStackCli(),
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String usage() {
        return Cli.commandLine(new LocalStackCli(), System.out, System.err).getUsageMessage();
    }
}
