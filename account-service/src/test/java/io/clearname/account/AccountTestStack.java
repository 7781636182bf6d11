package io.clearname.account;

import io.clearname.local.testing.JwtTestResource;
import io.clearname.local.testing.KafkaTestResource;
import io.clearname.local.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** The real broker and database every account-service test runs against (one of each per test JVM). */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
public class AccountTestStack {}
