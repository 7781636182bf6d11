package io.clearname.notification;

import io.clearname.local.testing.JwtTestResource;
import io.clearname.local.testing.KafkaTestResource;
import io.clearname.local.testing.PostgresTestResource;
import io.clearname.local.testing.SmtpTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The real broker, database and SMTP server every test runs against (one of each per test JVM). */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(SmtpTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
public class NotificationTestStack {}
