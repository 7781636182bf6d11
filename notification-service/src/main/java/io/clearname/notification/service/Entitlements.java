package io.clearname.notification.service;

import java.util.Locale;
import java.util.Map;

/** The entitlements a clearing revokes, in words the person knows, by the codes account-service uses. */
final class Entitlements {

    private record Words(String english, String chinese) {}

    private static final Map<String, Words> KNOWN = Map.of(
            "VIP", new Words("VIP membership (auto-renewal is off)", "VIP 会员（已关闭自动续费）"),
            "VIP_MEMBERSHIP", new Words("VIP membership (auto-renewal is off)", "VIP 会员（已关闭自动续费）"),
            "CLOUD_STORAGE", new Words("cloud storage space of your plan", "云存储空间"),
            "REAL_NAME_SERVICES", new Words("services that require a real name", "需要实名的服务"));

    private Entitlements() {}

    /** The words for {@code code}; a code this service does not know reads as its words in lower case. */
    static String describe(String code, String language) {
        Words words = KNOWN.get(code);
        boolean chinese = Languages.CHINESE.equals(language);
        if (words != null) {
            return chinese ? words.chinese() : words.english();
        }
        String plain = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return chinese ? "其他权益：" + plain : plain;
    }
}
