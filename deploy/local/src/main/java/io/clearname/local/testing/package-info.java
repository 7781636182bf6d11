/**
 * Quarkus test resources backed by the embedded servers of {@code io.clearname.local}, one of each per test JVM, and
 * small HTTP clients ({@link io.clearname.local.testing.Mailbox}, {@link io.clearname.local.testing.SmsOutbox}) to
 * see what the services sent.
 *
 * <p>Quarkus starts test resources again, in a new class loader, whenever the test profile changes. The servers are
 * therefore started once per JVM, in the application class loader, and found again through system properties ({@code
 * clearname.test.*}); {@code stop()} does nothing and a shutdown hook closes them when the JVM exits. Because the
 * servers are shared, topics, consumer groups and rows carry over between test classes: use unique ids (accounts,
 * group ids) per test.
 */
package io.clearname.local.testing;
