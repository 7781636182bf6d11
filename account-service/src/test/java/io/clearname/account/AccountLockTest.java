package io.clearname.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Support's changes to an account lock its row before reading it, as the erasure does while it checks the blockers
 * again and revokes entitlements (ErasureGate): a change made during an erasure waits for it, then applies to what the
 * erasure left, never to what it read before.
 */
@QuarkusTest
class AccountLockTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aChangeBySupportDuringAnErasureWaitsAndDoesNotUndoTheRevocation() throws Exception {
        UUID account = Api.createAccount(Map.of(
                "vip",
                Map.of("paid", true, "autoRenew", false),
                "cloudStorage",
                Map.of("quotaBytes", 1000, "usedBytes", 10)));

        CompletableFuture<Integer> change;
        try (var erasure = dataSource.getConnection()) {
            erasure.setAutoCommit(false);
            try (var lock = erasure.prepareStatement("SELECT id FROM account WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, account);
                lock.executeQuery().close();
            }

            change = CompletableFuture.supplyAsync(() -> Api.asSupport()
                    .body(Map.of("walletBalanceCents", 1250))
                    .patch("/api/v1/admin/accounts/" + account)
                    .statusCode());
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> !change.isDone());

            // What the erasure's revocation writes before it commits.
            try (var revoke = erasure.prepareStatement(
                    "UPDATE account SET vip_paid = false, cloud_quota_bytes = 0 WHERE id = ?")) {
                revoke.setObject(1, account);
                revoke.executeUpdate();
            }
            erasure.commit();
        }

        assertThat(change.get()).isEqualTo(200);
        Api.asSupport()
                .get("/api/v1/admin/accounts/" + account)
                .then()
                .body("walletBalanceCents", is(1250))
                .body("vip.paid", is(false))
                .body("cloudStorage.quotaBytes", is(0));
    }
}
