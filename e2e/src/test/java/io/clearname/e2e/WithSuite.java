package io.clearname.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class runs against a {@link Suite} of its own, started before its {@code @BeforeAll} methods and stopped
 * after its {@code @AfterAll} methods; a test, {@code @BeforeAll} or {@code @AfterAll} method gets it by declaring a
 * {@code Suite} parameter.
 *
 * <pre>
 * &#64;WithSuite
 * class ClearingFlowIT {
 *     &#64;Test
 *     void clearingReachesCleared(Suite suite) { ... }
 * }
 * </pre>
 *
 * One suite per class, not per JVM: some classes kill and restart services, and every class counts what its own
 * flows left on the topics, in the mailbox and in the databases.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SuiteExtension.class)
@interface WithSuite {

    /**
     * The cooling-off the services run with, as an ISO-8601 duration: short by default, so that clearings end quickly;
     * longer where a test acts while a request waits in it.
     */
    String coolingOff() default "PT2S";
}
