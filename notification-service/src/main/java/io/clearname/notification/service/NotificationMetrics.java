package io.clearname.notification.service;

import io.clearname.notification.entity.Channel;
import io.clearname.notification.entity.JobStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/**
 * Delivery counters per channel, on {@code /q/metrics} as {@code clearname_notifications_sent_total{channel}},
 * {@code clearname_notifications_failed_total{channel}}, {@code clearname_notifications_retried_total{channel}} and
 * {@code clearname_notifications_unknown_total{channel}}.
 * Registered for both channels at start, so a dashboard sees zeros rather than nothing.
 */
@ApplicationScoped
public class NotificationMetrics {

    private final Map<Channel, Counter> sent = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> failed = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> retried = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> unknown = new EnumMap<>(Channel.class);

    public NotificationMetrics(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            sent.put(channel, counter(registry, "sent", "Notices the gateway or SMTP server accepted", channel));
            failed.put(channel, counter(registry, "failed", "Notices given up as FAILED", channel));
            retried.put(
                    channel,
                    counter(registry, "retried", "Failed attempts that were scheduled to be tried again", channel));
            unknown.put(
                    channel,
                    counter(
                            registry,
                            "unknown",
                            "Attempts that may have been handed over without an answer (a send timeout); held before"
                                    + " the next",
                            channel));
        }
    }

    /** How an answer was recorded. */
    void recorded(Channel channel, DeliveryService.Recorded recorded) {
        switch (recorded) {
            case DELIVERED -> sent(channel);
            case RETRY -> retried(channel);
            case UNKNOWN -> unknown.get(channel).increment();
            case FAILED -> failed(channel);
            case STALE -> {}
        }
    }

    /** A due job that ended without a send. */
    void settled(Channel channel, JobStatus status) {
        if (status == JobStatus.FAILED) {
            failed(channel);
        }
    }

    void sent(Channel channel) {
        sent.get(channel).increment();
    }

    void failed(Channel channel) {
        failed.get(channel).increment();
    }

    void retried(Channel channel) {
        retried.get(channel).increment();
    }

    private static Counter counter(MeterRegistry registry, String name, String description, Channel channel) {
        return Counter.builder("clearname.notifications." + name)
                .description(description)
                .tag("channel", channel.name())
                .register(registry);
    }
}
