package io.clearname.notification;

import io.clearname.local.testing.JwtTestResource;
import io.clearname.local.testing.KafkaTestResource;
import io.clearname.local.testing.PostgresTestResource;
import io.clearname.local.testing.SmsGatewayTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The real broker, database, SMTP server (behind {@link SmtpRelay}) and SMS gateway stand-in every test runs against
 * (one of each per test JVM).
 */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(SmtpRelayTestResource.class)
@QuarkusTestResource(SmsGatewayTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
public class NotificationTestStack {}
