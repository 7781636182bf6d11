package io.clearname.notification.service;

import io.clearname.notification.entity.Template;
import java.util.Locale;
import java.util.UUID;

/**
 * The subject and plain-text body of each email notice, in English and Simplified Chinese. Deliberately plain strings
 * for now; a later issue moves them to Qute templates.
 */
public final class EmailTemplates {

    /** A rendered email. */
    public record Email(String subject, String body) {}

    private EmailTemplates() {}

    /** Renders {@code template} in the language of {@code locale} ({@code zh*} is Chinese, anything else English). */
    public static Email render(Template template, String locale, UUID requestId) {
        return isChinese(locale) ? chinese(template, requestId) : english(template, requestId);
    }

    static boolean isChinese(String locale) {
        return locale != null && locale.strip().toLowerCase(Locale.ROOT).startsWith("zh");
    }

    private static Email english(Template template, UUID requestId) {
        String reference = "\n\nRequest reference: " + requestId + "\n\nThis is an automated message from clearname.";
        return switch (template) {
            case CLEARING_CLEARED ->
                new Email(
                        "Your real-name information has been cleared",
                        "Your request to clear the real-name information of your account is complete. Your legal name, "
                                + "ID number and ID document images have been erased, and the rights and services that "
                                + "required a real name are no longer available."
                                + "\n\nIf you did not make this request, contact support."
                                + reference);
            case CLEARING_REJECTED ->
                new Email(
                        "Your request to clear real-name information was not approved",
                        "After review, your request to clear the real-name information of your account was not approved. "
                                + "Your real-name information is unchanged. Your account settings show the reasons and "
                                + "how to appeal."
                                + reference);
            case CLEARING_WITHDRAWN ->
                new Email(
                        "Your request to clear real-name information was withdrawn",
                        "Your request to clear the real-name information of your account was withdrawn. Your real-name "
                                + "information is unchanged."
                                + reference);
        };
    }

    private static Email chinese(Template template, UUID requestId) {
        String reference = "\n\n申请编号：" + requestId + "\n\n此邮件由系统自动发送。";
        return switch (template) {
            case CLEARING_CLEARED ->
                new Email(
                        "您的实名信息已清除",
                        "您清除帐号实名信息的申请已完成。您的姓名、证件号码和证件照片已被删除，需要实名的权益和服务将不再可用。" + "\n\n如非本人操作，请联系客服。" + reference);
            case CLEARING_REJECTED ->
                new Email("您的实名信息清除申请未通过", "经审核，您清除帐号实名信息的申请未通过，您的实名信息保持不变。您可以在帐号设置中查看原因及申诉方式。" + reference);
            case CLEARING_WITHDRAWN -> new Email("您的实名信息清除申请已撤回", "您清除帐号实名信息的申请已撤回，您的实名信息保持不变。" + reference);
        };
    }
}
