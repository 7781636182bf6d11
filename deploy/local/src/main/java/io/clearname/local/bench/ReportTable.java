package io.clearname.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A report's figures as a table for people, then its JSON line last, for tools ({@code | tail -1}). */
final class ReportTable {

    private final ObjectNode json;
    private final boolean ok;

    ReportTable(ObjectNode json, boolean ok) {
        this.json = json;
        this.ok = ok;
    }

    void print(PrintStream out) {
        var t = json.path("throughputPerS");
        out.printf(
                Locale.ROOT,
                "%nclearname bench: %s, %d clearings measured over %.1f s (after %d warm-up)%n%n",
                json.path("mode").asText()
                        + (json.has("rate")
                                ? " " + json.path("rate").asDouble() + "/s"
                                : " (" + json.path("workers").asInt() + " workers, at most "
                                        + json.path("maxOpen").asInt() + " open)"),
                json.path("clearings").asInt(),
                json.path("windowS").asDouble(),
                json.path("warmupClearings").asInt());
        out.printf(
                Locale.ROOT,
                "%-28s %10s%n%-28s %10.1f%n%-28s %10.1f%n%-28s %10.1f%n%n",
                "throughput",
                "per s",
                "submits accepted",
                t.path("submits").asDouble(),
                "CLEARED",
                t.path("cleared").asDouble(),
                "end to end (all notices)",
                t.path("endToEnd").asDouble());
        out.printf(Locale.ROOT, "%-28s %10s %10s %10s %10s%n", "latency (ms)", "p50", "p90", "p99", "max");
        for (var name : List.of("submit", "submitToCleared", "submitToLastNotice")) {
            var p = json.path("latencyMs").path(name);
            out.printf(
                    Locale.ROOT,
                    "%-28s %10.1f %10.1f %10.1f %10.1f%n",
                    switch (name) {
                        case "submit" -> "submit round trip";
                        case "submitToCleared" -> "submit -> CLEARED";
                        default -> "submit -> last notice";
                    },
                    p.path("p50").asDouble(),
                    p.path("p90").asDouble(),
                    p.path("p99").asDouble(),
                    p.path("max").asDouble());
        }
        if (json.has("cpu")) {
            out.printf(
                    Locale.ROOT,
                    "%n%-28s %10s %14s %10s %10s%n",
                    "CPU",
                    "seconds",
                    "ms/clearing",
                    "RSS before",
                    "after");
            var seconds = json.path("cpu").path("seconds");
            var per = json.path("cpu").path("msPerClearing");
            List<String> names = new ArrayList<>();
            seconds.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                out.printf(
                        Locale.ROOT,
                        "%-28s %10.1f %14.2f %10s %10s%n",
                        name,
                        seconds.path(name).asDouble(),
                        per.path(name).asDouble(),
                        mbText("before", name),
                        mbText("after", name));
            }
        }
        if (json.has("reads")) {
            printReads(out, json.path("reads"));
        }
        var c = json.path("correctness");
        out.printf(
                Locale.ROOT,
                "%ncorrectness: %d accepted, %d CLEARED with every notice, %d lost, %d concluded more than once,"
                        + " %d notices failed; mails %s; texts %s; %s%n%n",
                c.path("accepted").asInt(),
                c.path("completeWithNotices").asInt(),
                c.path("lost").asInt(),
                c.path("concludedMoreThanOnce").asInt(),
                c.path("failedNotices").asInt(),
                deliveredText(c.path("mailsPerAddress")),
                deliveredText(c.path("textsPerPhone")),
                ok ? "OK" : "NOT OK");
        out.println(json.toString());
        out.flush();
    }

    private static void printReads(PrintStream out, JsonNode reads) {
        var p = reads.path("latencyMs");
        out.printf(
                Locale.ROOT,
                "%nreads: GET /api/v1/me/clearing-requests/{id}, %d connections, %.1f s: %.0f per s; latency (ms) p50"
                        + " %.1f, p90 %.1f, p99 %.1f, max %.1f; answers %s%n",
                reads.path("connections").asInt(),
                reads.path("windowS").asDouble(),
                reads.path("perS").asDouble(),
                p.path("p50").asDouble(),
                p.path("p90").asDouble(),
                p.path("p99").asDouble(),
                p.path("max").asDouble(),
                reads.path("answers"));
        var cpu = reads.path("cpuMsPerRead");
        if (!cpu.isMissingNode()) {
            List<String> parts = new ArrayList<>();
            cpu.fields()
                    .forEachRemaining(
                            e -> parts.add(e.getKey() + " " + e.getValue().asDouble()));
            out.printf(Locale.ROOT, "CPU ms per read: %s%n", String.join(", ", parts));
        }
    }

    private String mbText(String when, String name) {
        var v = json.path("rssMb").path(when).path(name);
        return v.isMissingNode() ? "" : String.valueOf(v.asLong());
    }

    private static String deliveredText(JsonNode d) {
        if (d.isNull() || d.isMissingNode()) {
            return "not counted";
        }
        return String.format(
                Locale.ROOT,
                "%d/%d exactly %d, %d missing, %d extra, %d repeated POSTs",
                d.path("exact").asInt(),
                d.path("checked").asInt(),
                d.path("expected").asInt(),
                d.path("missing").asInt(),
                d.path("extra").asInt(),
                d.path("repeatedPosts").asInt());
    }
}
