package io.clearname.account;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import io.clearname.local.FakePeople;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The preflight speaks the account's language, or the one the page asks for with {@code lang}. */
@QuarkusTest
class PreflightLanguageTest {

    private static final String PREFLIGHT = "/api/v1/me/real-name/clearing/preflight";

    private static UUID heldAccount(String locale) {
        var holdings = new HashMap<String, Object>(
                Map.of("realName", Map.of("legalName", FakePeople.legalName(), "idNumber", FakePeople.idNumber())));
        holdings.put("locale", locale);
        holdings.put("restrictions", List.of("LEGAL_HOLD"));
        holdings.put("walletBalanceCents", 1250);
        return Api.createAccount(holdings);
    }

    @Test
    void aChineseAccountReadsEveryTextInChinese() {
        UUID account = heldAccount("zh-CN");

        Api.as(account)
                .get(PREFLIGHT)
                .then()
                .statusCode(200)
                .body("language", is("zh-CN"))
                .body("blockers.code", contains("LEGAL_HOLD", "WALLET_BALANCE"))
                .body("blockers[0].message", is("该账号处于法律冻结状态。"))
                .body("blockers[0].resolution", is("请联系客服了解冻结原因及解除时间；冻结期间无法清除实名信息。"))
                .body("blockers[1].message", is("钱包仍有余额 12.50 元。"))
                .body("backupReminder", is("清除前请备份重要的账号信息，如联系人、照片等：清除后无法恢复。"))
                .body(
                        "consequences.find { it.code == 'REAL_NAME_SERVICES' }.detail",
                        org.hamcrest.Matchers.startsWith("以下服务"))
                .body("requiredAcknowledgements", contains("BACKUP_DONE", "ENTITLEMENTS_LOST", "CONTACT_CORRECT"))
                .body("acknowledgements.code", contains("BACKUP_DONE", "ENTITLEMENTS_LOST", "CONTACT_CORRECT"))
                .body("acknowledgements[0].text", is("我已备份联系人、照片等重要账号信息；清除后将无法恢复。"))
                .body("acknowledgements[1].text", is("我了解清除后将失去与实名相关的所有权益，包括云空间、VIP 会员等。"))
                .body("acknowledgements[2].text", is("我的手机号和邮箱地址正确无误（通知将发送至 +86 138****8000 和 p***@example.com）。"));
    }

    @Test
    void anEnglishAccountReadsTheAcknowledgementsItConfirmsInEnglish() {
        UUID account = heldAccount("en");

        Api.as(account)
                .get(PREFLIGHT)
                .then()
                .body("language", is("en"))
                .body("blockers[0].message", is("The account is under a legal hold."))
                .body(
                        "acknowledgements.text",
                        contains(
                                "I have backed up important account information, such as contacts and photos; once"
                                        + " cleared it cannot be recovered.",
                                "I understand I lose all rights and privileges tied to the real name, including cloud"
                                        + " storage space and VIP membership.",
                                "My phone number and email address are correct (notices go to +86 138****8000 and"
                                        + " p***@example.com)."));
    }

    @ParameterizedTest
    @CsvSource({
        "zh-CN, en, en, The account is under a legal hold.",
        "en, zh-CN, zh-CN, 该账号处于法律冻结状态。",
        "en, ZH-cn, zh-CN, 该账号处于法律冻结状态。",
        "zh-CN, fr, zh-CN, 该账号处于法律冻结状态。",
        "en, zh-TW, en, The account is under a legal hold.",
    })
    void langPicksASupportedLanguageAndAnythingElseMeansTheAccountsOwn(
            String locale, String lang, String used, String message) {
        UUID account = heldAccount(locale);

        Api.as(account)
                .queryParam("lang", lang)
                .get(PREFLIGHT)
                .then()
                .statusCode(200)
                .body("language", is(used))
                .body("blockers[0].message", is(message));
    }

    @Test
    void aRefusedSubmissionListsTheBlockersInTheAccountsLanguage() {
        UUID account = heldAccount("zh-CN");

        Api.as(account)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Api.ALL_ACKNOWLEDGED)
                .post("/api/v1/me/real-name/clearing")
                .then()
                .statusCode(409)
                .body("type", endsWith("/clearing-blocked"))
                .body("blockers.code", contains("LEGAL_HOLD", "WALLET_BALANCE"))
                .body("blockers[0].resolution", is("请联系客服了解冻结原因及解除时间；冻结期间无法清除实名信息。"));
    }
}
