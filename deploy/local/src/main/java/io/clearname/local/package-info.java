/**
 * Embedded infrastructure for tests and local runs, no Docker: {@link io.clearname.local.EmbeddedKafkaBroker} (KRaft,
 * in-process), {@link io.clearname.local.EmbeddedPostgresServer} (PostgreSQL 17), {@link
 * io.clearname.local.SmtpServer} (GreenMail), {@link io.clearname.local.SmsGatewayStub}, development JWT keys ({@link
 * io.clearname.local.DevKeys}, {@link io.clearname.local.Tokens}) and the runnables behind the launcher ({@link
 * io.clearname.local.LocalStackCli}, {@link io.clearname.local.TokenCli}, {@link io.clearname.local.DemoCli}; their
 * common command-line pattern is in {@code Cli}).
 */
package io.clearname.local;
