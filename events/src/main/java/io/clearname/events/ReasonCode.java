package io.clearname.events;

import io.clearname.events.Reason.Finality;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalogue of audit reason codes: each code's finality and the text the person reads, in English and Simplified
 * Chinese. verification-service decides with these codes; account-service and notification-service show their text.
 * {@link Reason#code()} stays a string on the wire so that a consumer on an older catalogue can still read a newer
 * code (see {@link #textOf}).
 */
public enum ReasonCode {
    ACCOUNT_RESTRICTED(
            Finality.FINAL,
            "Your account is under a legal hold or an investigation, so its real name cannot be cleared.",
            "您的账号处于法律冻结或调查中，无法清除实名信息。"),
    REPEATED_CLEARING(
            Finality.FINAL,
            "This identity has had its real name cleared too many times within a year.",
            "该身份在一年内清除实名信息的次数过多。"),
    VELOCITY(
            Finality.RETRY,
            "Too many clearing requests were made from this account in the last 24 hours. Please try again later.",
            "该账号在 24 小时内提交的清除申请过多，请稍后再试。"),
    RECENT_VERIFICATION(
            Finality.RETRY, "The real name was verified only recently. Please try again later.", "实名认证完成时间过短，请稍后再试。"),
    RECENT_SECURITY_CHANGE(
            Finality.RETRY,
            "Your password, phone number or email changed recently. For your safety, please try again later.",
            "您的密码、手机号或邮箱近期发生过变更。为保障账号安全，请稍后再试。"),
    IDENTITY_NOT_CONFIRMED(
            Finality.RETRY,
            "We could not confirm that the request came from the account holder. Please sign in again and retry.",
            "我们无法确认申请由账号本人提交，请重新登录后再试。"),
    SUSPECTED_MISUSE(
            Finality.FINAL, "The request shows signs that the clearing mechanism is being misused.", "该申请存在滥用清除机制的迹象。"),
    WALLET_BALANCE(
            Finality.RETRY,
            "Your wallet still holds a balance. Spend or withdraw it, then request the clearing again.",
            "您的钱包仍有余额。请先使用或提现余额，再重新申请清除。"),
    OUTSTANDING_CREDIT(
            Finality.RETRY,
            "You have outstanding credit to repay. Repay it, then request the clearing again.",
            "您有未还清的信用欠款。请先还清，再重新申请清除。"),
    AUTO_RENEW_ACTIVE(
            Finality.RETRY,
            "VIP membership renews automatically. Turn off auto-renewal, then request the clearing again.",
            "VIP 会员处于自动续费状态。请先关闭自动续费，再重新申请清除。");

    private static final String UNKNOWN_EN = "The request could not be approved. Contact customer service for details.";
    private static final String UNKNOWN_ZH = "申请未获批准，详情请联系客服。";

    private final Finality finality;
    private final String english;
    private final String chinese;

    ReasonCode(Finality finality, String english, String chinese) {
        this.finality = finality;
        this.english = english;
        this.chinese = chinese;
    }

    public Finality finality() {
        return finality;
    }

    /** This code with its finality, as carried by events. */
    public Reason reason() {
        return new Reason(name(), finality);
    }

    /** The text for a BCP 47 language tag: Chinese for {@code zh*}, English otherwise. */
    public String text(String languageTag) {
        return isChinese(languageTag) ? chinese : english;
    }

    public static Optional<ReasonCode> of(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }

    /** The text of any code, a generic one for a code this catalogue does not know. */
    public static String textOf(String code, String languageTag) {
        return of(code).map(c -> c.text(languageTag)).orElse(isChinese(languageTag) ? UNKNOWN_ZH : UNKNOWN_EN);
    }

    private static boolean isChinese(String languageTag) {
        return languageTag != null
                && Locale.forLanguageTag(languageTag).getLanguage().equals("zh");
    }
}
