package io.clearname.local.bench;

import java.io.PrintStream;

/** One status line on standard error, redrawn in place: phase, a bar, and what has happened so far. */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final long start = System.nanoTime();
    private String phase = "";
    private int lastLength;

    Progress(PrintStream err) {
        this.err = err;
    }

    synchronized void show(String phase, int done, int total, String detail) {
        if (!phase.equals(this.phase) && !this.phase.isEmpty()) {
            err.println();
            lastLength = 0;
        }
        this.phase = phase;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * Math.min(done, total) / total);
        String line = String.format(
                "%-8s [%s%s] %d/%d %s  (%ds)",
                phase,
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                done,
                total,
                detail,
                (System.nanoTime() - start) / 1_000_000_000L);
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
    }

    synchronized void note(String text) {
        err.println();
        err.println(text);
        lastLength = 0;
    }

    synchronized void done() {
        err.println();
        phase = "";
        lastLength = 0;
    }
}
