package io.clearname.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearname.local.FakePeople;
import io.clearname.local.testing.EventRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Each timeline entry is written in the account's language; its type stays a code. */
@QuarkusTest
class TimelineLanguageTest {

    private static UUID account(String locale) {
        return Api.createAccount(Map.of(
                "locale",
                locale,
                "realName",
                Map.of("legalName", FakePeople.legalName(), "idNumber", FakePeople.idNumber())));
    }

    @Test
    void aChineseAccountsTimelineIsInChinese() {
        UUID account = account("zh-CN");
        UUID request = UUID.fromString(Api.submit(account));
        EventRecords.publish(Events.approved(account, request));
        await(account, request, j -> "CLEARED".equals(j.getString("status")));
        EventRecords.publish(Events.notified(account, request));

        JsonPath json = await(account, request, j -> j.getList("timeline.type").contains("USER_NOTIFIED"));

        assertThat(detail(json, "SUBMITTED")).matches("已提交清除申请，审核将于 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d（北京时间）前完成。");
        assertThat(detail(json, "APPROVED")).isEqualTo("自动审核已通过，实名信息将立即清除。");
        assertThat(detail(json, "USER_NOTIFIED")).isEqualTo("邮件已送达（共尝试 1 次）");
    }

    @Test
    void aChineseAccountReadsWhyTheAuditRejectedInChinese() {
        UUID account = account("zh-CN");
        UUID request = UUID.fromString(Api.submit(account));
        EventRecords.publish(Events.rejected(account, request));

        JsonPath json = await(account, request, j -> "REJECTED".equals(j.getString("status")));

        assertThat(detail(json, "REJECTED")).isEqualTo("审核未通过。您的账号处于法律冻结或调查中，无法清除实名信息。");
        assertThat(json.getString("decisionMessage")).isEqualTo("The account is under a legal hold.");
    }

    @Test
    void aChineseAccountsWithdrawalIsToldInChinese() {
        UUID account = account("zh-CN");
        UUID request = UUID.fromString(Api.submit(account));

        Api.as(account)
                .post("/api/v1/me/clearing-requests/" + request + "/withdrawal")
                .then()
                .statusCode(200);

        assertThat(detail(await(account, request, j -> true), "WITHDRAWN")).isEqualTo("您已撤回申请，实名信息予以保留。");
    }

    @Test
    void anEnglishAccountsTimelineIsInEnglishWithTimesInUtc() {
        UUID account = account("en");
        UUID request = UUID.fromString(Api.submit(account));
        EventRecords.publish(Events.approved(account, request));
        await(account, request, j -> "CLEARED".equals(j.getString("status")));
        EventRecords.publish(Events.notified(account, request));

        JsonPath json = await(account, request, j -> j.getList("timeline.type").contains("USER_NOTIFIED"));

        assertThat(detail(json, "SUBMITTED"))
                .matches("Clearing requested; the audit decides by \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\.");
        assertThat(detail(json, "APPROVED")).isEqualTo("Approved by the automatic audit; the real name is erased now.");
        assertThat(detail(json, "USER_NOTIFIED")).isEqualTo("EMAIL DELIVERED after 1 attempt(s)");
    }

    private static JsonPath await(UUID account, UUID request, Predicate<JsonPath> until) {
        return org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> Api.as(account)
                                .get("/api/v1/me/clearing-requests/" + request)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        until::test);
    }

    private static String detail(JsonPath json, String type) {
        return json.getString("timeline.find { it.type == '" + type + "' }.detail");
    }
}
