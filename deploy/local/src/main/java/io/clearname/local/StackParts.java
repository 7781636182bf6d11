package io.clearname.local;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The parts a {@link LocalStack} started, in order, and the lock that orders its start against its stop: a signal may
 * stop the stack while it starts. Each start step prints what it did and how long it took; stopping stops the parts
 * last started first, printing each.
 */
final class StackParts {
    private static final Logger LOG = Logger.getLogger(StackParts.class.getName());

    private final PrintStream out;
    private final List<Map.Entry<String, AutoCloseable>> started = new ArrayList<>();
    private boolean stopping;

    StackParts(PrintStream out) {
        this.out = out;
    }

    /** Runs one step of the start and prints {@code done} of its result with the time taken. */
    <T> T step(Supplier<T> action, Function<T, String> done) {
        whileStarting(() -> {});
        long begin = System.nanoTime();
        T result = action.get();
        out.println(done.apply(result) + " (" + millisSince(begin) + " ms)");
        return result;
    }

    /** Keeps {@code part} for {@link #stop}, or stops it at once if stopping began meanwhile (signal during start). */
    <T extends AutoCloseable> T adopt(String name, T part) {
        synchronized (this) {
            if (!stopping) {
                started.add(Map.entry(name, part));
                return part;
            }
        }
        try {
            part.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "cannot stop a part started during shutdown", e);
        }
        throw new IllegalStateException("stopped while starting");
    }

    /** Runs {@code action} under the lock, unless stopping has begun: then refuses. */
    synchronized void whileStarting(Runnable action) {
        if (stopping) {
            throw new IllegalStateException("stopped while starting");
        }
        action.run();
    }

    /**
     * Begins stopping, once: the parts to stop, last started first; empty when stopping had begun before. Nothing is
     * adopted afterwards.
     */
    synchronized Optional<List<Map.Entry<String, AutoCloseable>>> beginStopping() {
        if (stopping) {
            return Optional.empty();
        }
        stopping = true;
        List<Map.Entry<String, AutoCloseable>> lastFirst = new ArrayList<>(started);
        Collections.reverse(lastFirst);
        return Optional.of(lastFirst);
    }

    /** Stops {@code parts} in order, each with a line before and after; a part that fails to stop does not stop the rest. */
    void stop(List<Map.Entry<String, AutoCloseable>> parts) {
        for (Map.Entry<String, AutoCloseable> part : parts) {
            long begin = System.nanoTime();
            out.println("stopping " + part.getKey());
            try {
                part.getValue().close();
                out.println(part.getKey() + " stopped (" + millisSince(begin) + " ms)");
            } catch (Exception e) {
                out.println(part.getKey() + " failed to stop: " + e);
            }
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
