package io.clearname.local.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU time and resident memory of the suite's processes, read from Linux's {@code /proc}: each service's JVM, the
 * stack's JVM (broker, SMTP server and SMS stand-in) and PostgreSQL (the postmaster, its live children and those it
 * reaped). On another OS, or for processes on another machine, there are no figures.
 */
public final class ProcessStats {

    /** The benchmark's own process. */
    public static final String BENCH = "bench";

    /** The local SMTP server and SMS gateway stand-in: what a deployment's mail relay and gateway would do. */
    public static final String STAND_INS = "SMTP and SMS stand-ins";

    /** USER_HZ: /proc counts CPU in ticks of 10 ms on every Linux the suite runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /**
     * A named process to watch; {@code postgres} sums a postmaster with its children. With {@code threads}, only the
     * process's threads whose names start with one of them count, and {@code rest} names the process's other threads:
     * how the stack's JVM is told apart into the broker and the SMTP and SMS stand-ins.
     */
    public record Watched(String name, long pid, boolean postgres, List<String> threads, String rest) {

        public Watched(String name, long pid, boolean postgres) {
            this(name, pid, postgres, List.of(), null);
        }
    }

    /** CPU nanoseconds per watched process, and the machine's busy and total CPU, at one moment. */
    record Sample(long wallNanos, Map<String, Long> cpuNanos, long machineBusyTicks, long machineTotalTicks) {}

    private final List<Watched> watched;

    public ProcessStats(List<Watched> watched) {
        this.watched = List.copyOf(watched);
    }

    Sample sample() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        List<String[]> all = null;
        for (Watched w : watched) {
            if (w.postgres()) {
                if (all == null) {
                    all = allStats();
                }
                cpu.put(w.name(), postgresTicks(all, w.pid()) * NANOS_PER_TICK);
            } else {
                String[] stat = stat(Path.of("/proc", Long.toString(w.pid()), "stat"));
                long process = stat == null ? -1 : (field(stat, 14) + field(stat, 15)) * NANOS_PER_TICK;
                if (w.threads().isEmpty() || process < 0) {
                    cpu.put(w.name(), process);
                } else {
                    long part = threadTicks(w.pid(), w.threads()) * NANOS_PER_TICK;
                    cpu.put(w.name(), part);
                    cpu.put(w.rest(), process - part);
                }
            }
        }
        long[] machine = machineTicks();
        return new Sample(System.nanoTime(), cpu, machine[0], machine[1]);
    }

    /**
     * Resident memory in bytes per watched process: a JVM's resident set; for PostgreSQL the proportional set sizes of
     * the postmaster and its children summed, so that the shared buffers count once.
     */
    Map<String, Long> rss() {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (Watched w : watched) {
            if (!w.postgres()) {
                // A JVM split by threads has one resident set: it is reported on its "rest" row.
                rss.put(
                        w.threads().isEmpty() ? w.name() : w.rest(),
                        memory(w.pid(), "/status", "VmRSS:").orElse(-1));
                continue;
            }
            long bytes = memory(w.pid(), "/smaps_rollup", "Pss:").orElse(-1);
            if (bytes >= 0) {
                for (String[] stat : allStats()) {
                    if (field(stat, 4) == w.pid()) {
                        bytes += memory(field(stat, 1), "/smaps_rollup", "Pss:").orElse(0);
                    }
                }
            }
            rss.put(w.name(), bytes);
        }
        return rss;
    }

    /** CPU ticks of the process's threads whose names start with one of {@code prefixes}, live threads only. */
    private static long threadTicks(long pid, List<String> prefixes) {
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String[] stat = stat(task.resolve("stat"));
                if (stat != null && prefixes.stream().anyMatch(stat[0]::startsWith)) {
                    ticks += field(stat, 14) + field(stat, 15);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended
        }
        return ticks;
    }

    private static long postgresTicks(List<String[]> all, long postmaster) {
        long ticks = 0;
        for (String[] stat : all) {
            long pid = field(stat, 1);
            long own = field(stat, 14) + field(stat, 15);
            if (pid == postmaster) {
                ticks += own + field(stat, 16) + field(stat, 17);
            } else if (field(stat, 4) == postmaster) {
                ticks += own;
            }
        }
        return ticks;
    }

    /** A {@code kB} figure of {@code /proc/PID<file>}, in bytes. */
    private static OptionalLong memory(long pid, String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + file))) {
                if (line.startsWith(key)) {
                    String[] parts = line.split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[1]) * 1024);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended, or this is not Linux
        }
        return OptionalLong.empty();
    }

    private static List<String[]> allStats() {
        List<String[]> stats = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                String[] stat = stat(p.resolve("stat"));
                if (stat != null) {
                    stats.add(stat);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figures
        }
        return stats;
    }

    /**
     * A {@code /proc/PID/stat} line: index 0 is the command (field 2), then fields 3 onwards at index n - 2, and the
     * PID (field 1) appended last; null when the process is gone.
     */
    private static String[] stat(Path file) {
        try {
            String line = Files.readString(file);
            int open = line.indexOf('('), close = line.lastIndexOf(')');
            String[] rest = line.substring(close + 2).trim().split(" ");
            String[] fields = new String[rest.length + 2];
            fields[0] = line.substring(open + 1, close);
            System.arraycopy(rest, 0, fields, 1, rest.length);
            fields[fields.length - 1] = line.substring(0, open).trim();
            return fields;
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /** Field {@code n} as proc(5) numbers them: 1 pid, 4 ppid, 14 utime, 15 stime, 16 cutime, 17 cstime. */
    private static long field(String[] stat, int n) {
        return Long.parseLong(n == 1 ? stat[stat.length - 1] : stat[n - 2]);
    }

    /** {busy, total} ticks of all cores, from the first line of {@code /proc/stat}; steal is not busy here. */
    private static long[] machineTicks() {
        try {
            long[] f = Arrays.stream(Files.readAllLines(Path.of("/proc/stat"))
                            .get(0)
                            .trim()
                            .split("\\s+"))
                    .skip(1)
                    .limit(8)
                    .mapToLong(Long::parseLong)
                    .toArray();
            long total = Arrays.stream(f).sum();
            return new long[] {total - f[3] - f[4] - f[7], total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
