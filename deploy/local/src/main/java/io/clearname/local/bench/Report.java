package io.clearname.local.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * The figures of one benchmark run, computed from what the run saw: a table for people and one JSON line for tools.
 *
 * <ul>
 *   <li><b>Window</b>: the measured phase, from its first submission to its last (started in saturation, due at a fixed
 *       rate). Throughputs count what happened inside it, of any clearing: submissions answered 202, CLEARED seen,
 *       clearings completed (concluded with every notice).
 *   <li><b>Latency</b>: of the measured clearings, from their start (fixed rate: their due time) to the submit answer,
 *       to CLEARED, and to their last notice.
 *   <li><b>CPU</b>: per process over the window, and per clearing completed in it, as the floor benchmark counts.
 * </ul>
 */
public final class Report {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode json = JSON.createObjectNode();
    private boolean ok;

    Report(
            Bench.Plan plan,
            List<Clearing> clearings,
            long windowStart,
            long windowEnd,
            ProcessStats.Sample before,
            ProcessStats.Sample after,
            Map<String, Long> rssBefore,
            Map<String, Long> rssAfter,
            boolean drained,
            Map<Integer, AtomicInteger> submitStatuses,
            long submitRetries,
            long unreadableEvents,
            Counts.Delivered mails,
            Counts.Delivered texts) {
        double windowS = Math.max(1, windowEnd - windowStart) / 1e9;
        Histogram submit = histogram(), cleared = histogram(), lastNotice = histogram();
        int submittedInWindow = 0, clearedInWindow = 0, completedInWindow = 0;
        int accepted = 0, clearedTotal = 0, complete = 0, otherOutcome = 0, concludedTwice = 0, failedNotices = 0;
        for (Clearing c : clearings) {
            synchronized (c) {
                submittedInWindow += c.submitStatus == 202 && inside(c.submittedNanos, windowStart, windowEnd) ? 1 : 0;
                clearedInWindow += inside(c.clearedNanos, windowStart, windowEnd) ? 1 : 0;
                completedInWindow += inside(c.completedNanos, windowStart, windowEnd) ? 1 : 0;
                if (c.submitStatus != 202) {
                    continue;
                }
                accepted++;
                clearedTotal += c.clearedNanos != 0 ? 1 : 0;
                complete += c.completedNanos != 0 && c.clearedNanos != 0 ? 1 : 0;
                otherOutcome += c.outcome != null && c.clearedNanos == 0 ? 1 : 0;
                concludedTwice += c.conclusionEventIds.size() > 1 ? 1 : 0;
                failedNotices += c.failed.size();
                if (c.measured) {
                    record(submit, c.submittedNanos - c.startNanos);
                    record(cleared, c.clearedNanos == 0 ? 0 : c.clearedNanos - c.startNanos);
                    record(lastNotice, c.completedNanos == 0 ? 0 : c.completedNanos - c.startNanos);
                }
            }
        }
        int lost = accepted - complete - otherOutcome;

        json.put("mode", plan.saturation() ? "saturation" : "rate");
        if (!plan.saturation()) {
            json.put("rate", plan.rate());
        }
        json.put("clearings", plan.clearings());
        json.put("warmupClearings", (int)
                clearings.stream().filter(c -> !c.measured).count());
        json.put("openUntil", plan.openUntilCleared() ? "cleared" : "notified");
        json.put("workers", plan.workers());
        json.put("maxOpen", plan.maxOpen());
        json.put("windowS", round(windowS));
        ObjectNode throughput = json.putObject("throughputPerS");
        throughput.put("submits", round(submittedInWindow / windowS));
        throughput.put("cleared", round(clearedInWindow / windowS));
        throughput.put("endToEnd", round(completedInWindow / windowS));
        ObjectNode latency = json.putObject("latencyMs");
        latency.set("submit", percentiles(submit));
        latency.set("submitToCleared", percentiles(cleared));
        latency.set("submitToLastNotice", percentiles(lastNotice));

        if (before != null && after != null) {
            ObjectNode cpu = json.putObject("cpu");
            double cpuWindowS = (after.wallNanos() - before.wallNanos()) / 1e9;
            cpu.put("windowS", round(cpuWindowS));
            cpu.put("clearingsCompleted", completedInWindow);
            long ticks = after.machineTotalTicks() - before.machineTotalTicks();
            int cores = Runtime.getRuntime().availableProcessors();
            double machineS = ticks == 0
                    ? 0
                    : (after.machineBusyTicks() - before.machineBusyTicks()) * cores * cpuWindowS / ticks;
            double attributed = 0;
            ObjectNode processes = cpu.putObject("seconds");
            ObjectNode perClearing = cpu.putObject("msPerClearing");
            for (var entry : after.cpuNanos().entrySet()) {
                long start = before.cpuNanos().getOrDefault(entry.getKey(), -1L);
                if (start < 0 || entry.getValue() < 0) {
                    continue;
                }
                double s = (entry.getValue() - start) / 1e9;
                attributed += s;
                processes.put(entry.getKey(), round(s));
                perClearing.put(entry.getKey(), perClearing(s, completedInWindow));
            }
            // The suite's own cost: its services, the broker and PostgreSQL; not the load generator, nor the stand-ins
            // for mail and SMS (a deployment's relay and gateway), nor other load.
            double outside = processes.path(ProcessStats.BENCH).asDouble(0)
                    + processes.path(ProcessStats.STAND_INS).asDouble(0);
            processes.put("other", round(machineS - attributed));
            processes.put("suite", round(attributed - outside));
            processes.put("machine", round(machineS));
            perClearing.put("other", perClearing(machineS - attributed, completedInWindow));
            perClearing.put("suite", perClearing(attributed - outside, completedInWindow));
            perClearing.put("machine", perClearing(machineS, completedInWindow));
            cpu.put("cores", cores);
        }
        if (!rssAfter.isEmpty()) {
            ObjectNode rss = json.putObject("rssMb");
            rss.set("before", mb(rssBefore));
            rss.set("after", mb(rssAfter));
        }

        ObjectNode correctness = json.putObject("correctness");
        correctness.put("submitted", clearings.size());
        correctness.put("accepted", accepted);
        ObjectNode statuses = correctness.putObject("submitAnswers");
        submitStatuses.forEach((code, n) -> statuses.put(code == 0 ? "no answer" : code.toString(), n.get()));
        correctness.put("submitRetries", submitRetries);
        correctness.put("cleared", clearedTotal);
        correctness.put("otherOutcome", otherOutcome);
        correctness.put("completeWithNotices", complete);
        correctness.put("lost", lost);
        correctness.put("concludedMoreThanOnce", concludedTwice);
        correctness.put("failedNotices", failedNotices);
        correctness.put("unreadableEvents", unreadableEvents);
        correctness.put("drained", drained);
        correctness.set("mailsPerAddress", delivered(mails));
        correctness.set("textsPerPhone", delivered(texts));
        ok = drained
                && accepted == clearings.size()
                && lost == 0
                && otherOutcome == 0
                && concludedTwice == 0
                && failedNotices == 0
                && exact(mails)
                && exact(texts);
        correctness.put("ok", ok);
    }

    /** Adds the read phase's figures; a read answered other than 200 makes the run not OK. */
    void addReads(ObjectNode reads) {
        json.set("reads", reads);
        ok = ok && Reads.ok(reads);
        ((ObjectNode) json.path("correctness")).put("ok", ok);
    }

    /**
     * Whether every clearing concluded once, CLEARED, with every notice, nothing reached anyone twice, and every read
     * was answered 200.
     */
    public boolean ok() {
        return ok;
    }

    /** The figures, as printed on the last line. */
    public ObjectNode json() {
        return json;
    }

    /** The table, then the JSON line last (so {@code | tail -1} gives the JSON). */
    public void print(PrintStream out) {
        new ReportTable(json, ok).print(out);
    }

    private static boolean exact(Counts.Delivered d) {
        return d == null || (d.exact() == d.checked() && d.repeatedPosts() == 0);
    }

    private static com.fasterxml.jackson.databind.JsonNode delivered(Counts.Delivered d) {
        return d == null ? JSON.nullNode() : JSON.valueToTree(d);
    }

    private static ObjectNode mb(Map<String, Long> bytes) {
        ObjectNode node = JSON.createObjectNode();
        new LinkedHashMap<>(bytes).forEach((k, v) -> {
            if (v >= 0) {
                node.put(k, v / (1024 * 1024));
            }
        });
        return node;
    }

    private static boolean inside(long at, long start, long end) {
        return at != 0 && at >= start && at <= end;
    }

    private static Histogram histogram() {
        return new Histogram(3_600_000_000L, 3);
    }

    /** Records nanoseconds as microseconds; 0 (never happened) is left out. */
    private static void record(Histogram histogram, long nanos) {
        if (nanos > 0) {
            histogram.recordValue(Math.min(histogram.getHighestTrackableValue(), nanos / 1000));
        }
    }

    static ObjectNode percentiles(Histogram h) {
        ObjectNode node = JSON.createObjectNode();
        node.put("count", h.getTotalCount());
        for (double p : new double[] {50, 90, 99, 99.9}) {
            node.put("p" + (p == Math.rint(p) ? String.valueOf((int) p) : "999"), ms(h.getValueAtPercentile(p)));
        }
        node.put("max", ms(h.getMaxValue()));
        node.put("mean", round(h.getMean() / 1000));
        return node;
    }

    private static double ms(long micros) {
        return round(micros / 1000.0);
    }

    private static double perClearing(double seconds, int clearings) {
        return clearings == 0 ? 0 : round(seconds * 1000 / clearings);
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
