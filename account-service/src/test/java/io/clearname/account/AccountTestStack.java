package io.clearname.account;

import io.clearname.local.testing.JwtTestResource;
import io.clearname.local.testing.KafkaTestResource;
import io.clearname.local.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** The real broker and database every account-service test runs against (one of each per test JVM). */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(AccountTestStack.KeyStore.class)
@QuarkusTestResource(JwtTestResource.class)
public class AccountTestStack {

    /** The key store: a database of its own, as in production, for the {@code keys} data source. */
    public static class KeyStore extends PostgresTestResource {
        @Override
        public void init(java.util.Map<String, String> initArgs) {
            super.init(java.util.Map.of("database", "account_keys", "datasource", "keys"));
        }
    }
}
