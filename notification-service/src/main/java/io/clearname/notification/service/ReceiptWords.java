package io.clearname.notification.service;

import io.clearname.events.ClearingConcluded.ReceiptLine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lines of a CLEARED request's erasure receipt in words, by outcome: what was REMOVED, what is SCHEDULED (being
 * deleted after the clearing, by a job or another system: never told as erased), what is RETAINED and why. A category
 * this service does not know is skipped, as the event's contract asks; the full receipt is on the request page.
 */
final class ReceiptWords {

    private record Words(String english, String chinese) {
        String in(boolean chinese) {
            return chinese ? this.chinese : english;
        }
    }

    private static final Map<String, Words> REMOVED = Map.of(
            "LEGAL_NAME", new Words("your legal name", "您的姓名"),
            "ID_NUMBER", new Words("your ID number", "您的证件号码"),
            "ID_DOCUMENT_REFERENCES", new Words("the references to the images of your ID document", "您证件照片的存储引用"),
            "ID_DOCUMENT_IMAGES", new Words("the images of your ID document", "您的证件照片"),
            "DATA_KEY", new Words("the key that encrypted your real-name information", "加密您实名信息的密钥"));

    private static final Map<String, Words> SCHEDULED = Map.of(
            "DATA_KEY",
                    new Words(
                            "the key that encrypted your real-name information is being destroyed; after that, no"
                                    + " encrypted copy left behind (in a backup, for example) can be read",
                            "加密您实名信息的密钥正在销毁，销毁后任何残留的加密副本（例如备份中的副本）都将无法读取"),
            "ID_DOCUMENT_IMAGES",
                    new Words(
                            "the images of your ID document: we asked the image store to delete them",
                            "您的证件照片：我们已要求图片存储服务删除"),
            "LEGAL_NAME", new Words("your legal name", "您的姓名"),
            "ID_NUMBER", new Words("your ID number", "您的证件号码"),
            "ID_DOCUMENT_REFERENCES", new Words("the references to the images of your ID document", "您证件照片的存储引用"));

    private ReceiptWords() {}

    /** The three lists, in the notice's language. */
    record Lists(List<String> removed, List<String> scheduled, List<String> retained) {}

    static Lists of(List<ReceiptLine> receipt, String language, int contactRetentionDays) {
        boolean chinese = Languages.CHINESE.equals(language);
        Set<String> removed = new LinkedHashSet<>();
        Set<String> scheduled = new LinkedHashSet<>();
        Set<String> retained = new LinkedHashSet<>();
        for (ReceiptLine line : receipt) {
            switch (line.outcome()) {
                case "REMOVED" -> add(removed, REMOVED.get(line.category()), chinese);
                case "SCHEDULED" -> add(scheduled, SCHEDULED.get(line.category()), chinese);
                case "RETAINED" -> add(retained, retained(line.category(), contactRetentionDays), chinese);
                default -> {
                    // REVOKED lines are told with the revoked entitlements; an outcome not known here is skipped.
                }
            }
        }
        return new Lists(new ArrayList<>(removed), new ArrayList<>(scheduled), new ArrayList<>(retained));
    }

    private static Words retained(String category, int contactRetentionDays) {
        return switch (category) {
            case "ID_FINGERPRINT" ->
                new Words(
                        "a keyed fingerprint of your ID number, from which the number cannot be read back, for one year:"
                                + " it keeps the clearing from being misused",
                        "您证件号码的加密指纹（无法据此还原号码），保留一年，用于防止清除机制被滥用");
            case "CONTACT_SNAPSHOT" ->
                new Words(
                        "the phone number and email address these notices go to, for " + contactRetentionDays
                                + " days, then deleted",
                        "接收本类通知的手机号和邮箱，保留 " + contactRetentionDays + " 天后删除");
            default -> null;
        };
    }

    private static void add(Set<String> list, Words words, boolean chinese) {
        if (words != null) {
            list.add(words.in(chinese));
        }
    }
}
