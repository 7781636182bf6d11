package io.clearname.notification.service;

import java.util.Map;

/** The entitlements a clearing revokes, in words the person knows, by the codes account-service uses. */
final class Entitlements {

    private record Words(String english, String chinese) {}

    private static final Words VIP = new Words("VIP membership (auto-renewal is off)", "VIP 会员（已关闭自动续费）");

    // account-service sends VIP and CLOUD_STORAGE; VIP_MEMBERSHIP is an older name of VIP, still understood.
    private static final Map<String, Words> KNOWN = Map.of(
            "VIP",
            VIP,
            "VIP_MEMBERSHIP",
            VIP,
            "CLOUD_STORAGE",
            new Words("cloud storage space of your plan", "云存储空间"),
            "REAL_NAME_SERVICES",
            new Words("services that require a real name", "需要实名的服务"));

    /** A code this service does not know: the person reads what it is, never a raw code. */
    private static final Words OTHER =
            new Words("other rights or services that depended on your real name", "其他依赖实名的权益或服务");

    private Entitlements() {}

    /** The words for {@code code}; every code this service does not know reads as the same generic words. */
    static String describe(String code, String language) {
        Words words = KNOWN.getOrDefault(code, OTHER);
        return Languages.CHINESE.equals(language) ? words.chinese() : words.english();
    }

    /** Whether {@code code} names an entitlement (a receipt's REVOKED line may name one that the event's list lacks). */
    static boolean known(String code) {
        return KNOWN.containsKey(code);
    }
}
