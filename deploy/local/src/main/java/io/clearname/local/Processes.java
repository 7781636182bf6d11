package io.clearname.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Whether a process from an earlier run still runs. */
final class Processes {
    private Processes() {}

    /** The process {@code pid} if it runs; a zombie (killed, not yet reaped) does not count. */
    static Optional<ProcessHandle> running(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> !zombie(pid));
    }

    private static boolean zombie(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            // "pid (comm) S ...": the state follows the last parenthesis; comm itself may contain ')'
            String text = Files.readString(stat);
            String afterName = text.substring(text.lastIndexOf(')') + 1).strip();
            return afterName.startsWith("Z") || afterName.startsWith("X");
        } catch (IOException | RuntimeException e) {
            return false; // no /proc (not Linux) or gone meanwhile: trust isAlive
        }
    }
}
