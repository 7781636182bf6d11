package io.clearname.notification.service;

import io.clearname.events.Reason;
import io.clearname.events.ReasonCode;
import io.clearname.notification.config.NotificationConfig;
import io.clearname.notification.entity.NoticeKind;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Renders notices from the Qute templates in {@code templates/notices/}: one file per kind, language and part,
 * {@code <kind>.<language>.<part>.txt}, where part is {@code subject} and {@code email} (the email's subject and
 * plain-text body) or {@code sms}. Languages are {@code zh-CN} and {@code en}.
 */
@ApplicationScoped
public class NoticeRenderer {

    /** The parts of a notice, each a template. */
    public enum Part {
        SUBJECT("subject"),
        EMAIL("email"),
        SMS("sms");

        private final String fileName;

        Part(String fileName) {
            this.fileName = fileName;
        }
    }

    public static final List<String> LANGUAGES = List.of(Languages.ENGLISH, Languages.CHINESE);

    /** A rendered email. */
    public record Email(String subject, String body) {}

    /** A rendered SMS text and the segments it takes. */
    public record Sms(String text, SmsSegments.Count count) {}

    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINESE);
    /** A moment the person may act until (the end of a cooling-off): the day, the time and its time zone. */
    private static final DateTimeFormatter ENGLISH_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm (zzzz)", Locale.ENGLISH);

    private static final DateTimeFormatter CHINESE_TIME =
            DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm（zzzz）", Locale.CHINESE);

    private final Engine engine;
    private final NotificationConfig.Content content;
    private final int contactRetentionDays;

    public NoticeRenderer(Engine engine, NotificationConfig config) {
        this.engine = engine;
        this.content = config.content();
        this.contactRetentionDays =
                (int) ChronoUnit.DAYS.between(LocalDate.EPOCH, LocalDate.EPOCH.plus(config.contactRetention()));
    }

    /** Refuses to start without every template: a missing one would only show when its notice is due. */
    void checkTemplates(@Observes StartupEvent event) {
        List<String> missing = new ArrayList<>();
        for (NoticeKind kind : NoticeKind.values()) {
            for (String language : LANGUAGES) {
                for (Part part : Part.values()) {
                    if (engine.getTemplate(templateId(kind, language, part)) == null) {
                        missing.add(templateId(kind, language, part));
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("notice templates missing: " + missing);
        }
    }

    public Email email(NoticeKind kind, String language, NoticeModel model) {
        return new Email(
                render(kind, language, Part.SUBJECT, model).replaceAll("\\s+", " "),
                render(kind, language, Part.EMAIL, model));
    }

    public Sms sms(NoticeKind kind, String language, NoticeModel model) {
        String text = render(kind, language, Part.SMS, model).replaceAll("\\s*\\n\\s*", " ");
        return new Sms(text, SmsSegments.count(text));
    }

    /** One part, as its template renders it, without leading and trailing white space. */
    public String render(NoticeKind kind, String language, Part part, NoticeModel model) {
        Template template = engine.getTemplate(templateId(kind, language, part));
        if (template == null) {
            throw new IllegalStateException("no template " + templateId(kind, language, part));
        }
        return template.data("n", model).render().strip();
    }

    /** The model of a notice in {@code language}, from what its job stored. */
    public NoticeModel model(UUID requestId, UUID noticeId, NoticeData data, String language) {
        boolean chinese = Languages.CHINESE.equals(language);
        DateTimeFormatter dates = (chinese ? CHINESE_DATE : ENGLISH_DATE).withZone(content.zone());
        DateTimeFormatter times = (chinese ? CHINESE_TIME : ENGLISH_TIME).withZone(content.zone());
        List<String> reasons = texts(data.reasons(), language);
        boolean anyFinal = data.reasons().stream().anyMatch(r -> r.finality() == Reason.Finality.FINAL);
        List<String> codes = new ArrayList<>(data.revokedEntitlements());
        if (data.receipt() != null) {
            data.receipt().stream()
                    .filter(l -> "REVOKED".equals(l.outcome()) && Entitlements.known(l.category()))
                    .forEach(l -> codes.add(l.category()));
        }
        List<String> entitlements = codes.stream()
                .map(code -> Entitlements.describe(code, language))
                .distinct()
                .toList();
        ReceiptWords.Lists receipt = data.receipt() == null
                ? new ReceiptWords.Lists(List.of(), List.of(), List.of())
                : ReceiptWords.of(data.receipt(), language, contactRetentionDays);
        return new NoticeModel(
                content.brand(),
                requestId.toString(),
                requestId.toString().substring(0, 8).toUpperCase(Locale.ROOT),
                noticeId.toString(),
                format(dates, data.requestedAt()),
                format(dates, data.expectedDecisionBy()),
                format(dates, data.concludedAt()),
                format(dates, data.receivedAt()),
                reasons,
                !anyFinal,
                entitlements,
                content.customerServicePhone(),
                content.customerServiceEmail(),
                format(dates, data.happenedAt()),
                format(times, data.erasureAt()),
                complaintKind(data.complaintKind()),
                data.text() == null ? "" : data.text(),
                "OVERTURNED".equals(data.appealOutcome()),
                format(times, data.newRequestUntil()),
                texts(byFinality(data.reasons(), Reason.Finality.RETRY), language),
                texts(byFinality(data.reasons(), Reason.Finality.FINAL), language),
                data.receipt() != null,
                receipt.removed(),
                receipt.scheduled(),
                receipt.retained());
    }

    /** ESCALATION and APPEAL as they are; anything else, a complaint of no kind included, is a COMPLAINT. */
    private static String complaintKind(String kind) {
        return "ESCALATION".equals(kind) || "APPEAL".equals(kind) ? kind : "COMPLAINT";
    }

    /** A reason of no finality is taken as FINAL: the person is not told that a new request may succeed. */
    private static List<Reason> byFinality(List<Reason> reasons, Reason.Finality finality) {
        return reasons.stream()
                .filter(r -> (r.finality() == Reason.Finality.RETRY ? Reason.Finality.RETRY : Reason.Finality.FINAL)
                        == finality)
                .toList();
    }

    private static List<String> texts(List<Reason> reasons, String language) {
        return reasons.stream()
                .map(r -> ReasonCode.textOf(r.code(), language))
                .distinct()
                .toList();
    }

    static String templateId(NoticeKind kind, String language, Part part) {
        return "notices/" + kind.templateName() + "." + language + "." + part.fileName + ".txt";
    }

    private static String format(DateTimeFormatter dates, Instant instant) {
        return instant == null ? "" : dates.format(instant);
    }
}
