package io.clearname.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The files by which a running {@link LocalStack} is known in its state directory: {@code stack.env} (how to reach
 * it, read back by {@link StackEnv}) and {@code stack.pid} (which process runs it, so that a second stack on the same
 * directory refuses to start). Both are written atomically once everything is up and removed when the stack stops.
 */
final class StackFiles {
    private static final Logger LOG = Logger.getLogger(StackFiles.class.getName());

    private final Path env;
    private final Path pid;

    StackFiles(Path state) {
        this.env = state.resolve("stack.env");
        this.pid = state.resolve("stack.pid");
    }

    /** {@code STATE/stack.env}. */
    Path env() {
        return env;
    }

    /**
     * Refuses to go on while another process runs a stack here. A pid file left by a stack that was killed, or one
     * whose pid now belongs to another program, does not count.
     *
     * @throws LocalStack.AlreadyRunningException if a stack runs on this state directory
     */
    void refuseIfRunning() {
        if (!Files.exists(pid)) {
            return;
        }
        try {
            long other = Long.parseLong(Files.readString(pid).strip());
            boolean running = other != ProcessHandle.current().pid()
                    && Processes.running(other)
                            // a recycled pid of some other program does not count
                            .filter(p -> p.info()
                                    .command()
                                    .map(c -> c.contains("java"))
                                    .orElse(true))
                            .isPresent();
            if (running) {
                throw new LocalStack.AlreadyRunningException(
                        "a stack is already running on " + pid.getParent() + " (pid " + other + ")");
            }
        } catch (IOException | NumberFormatException e) {
            LOG.log(Level.FINE, "ignoring unreadable " + pid, e);
        }
    }

    /** Writes {@code stack.env} ({@code KEY=VALUE} lines, in the map's order), then {@code stack.pid}. */
    void write(Map<String, String> environment) {
        StringBuilder text = new StringBuilder();
        environment.forEach(
                (key, value) -> text.append(key).append('=').append(value).append('\n'));
        writeAtomically(env, text.toString());
        writeAtomically(pid, ProcessHandle.current().pid() + "\n");
    }

    /** Removes {@code stack.env} and {@code stack.pid}. */
    void remove() throws IOException {
        Files.deleteIfExists(env);
        Files.deleteIfExists(pid);
    }

    private static void writeAtomically(Path target, String content) {
        try {
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
