package io.clearname.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code STATE/stack.env}: how to reach the running stack ({@code KEY=VALUE} lines that {@link LocalStack} writes once
 * everything is up and removes when it stops), read by the launcher's other commands.
 */
public final class StackEnv {

    private StackEnv() {}

    /** Whether a stack runs for {@code state} (its {@code stack.env} exists). */
    public static boolean exists(Path state) {
        return Files.exists(state.resolve("stack.env"));
    }

    /** The values of {@code STATE/stack.env}; empty when no stack runs. */
    public static Map<String, String> read(Path state) {
        Path env = state.resolve("stack.env");
        if (!Files.exists(env)) {
            return Map.of();
        }
        try {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : Files.readAllLines(env)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    values.put(
                            line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + env, e);
        }
    }
}
