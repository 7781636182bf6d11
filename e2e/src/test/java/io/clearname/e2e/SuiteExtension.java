package io.clearname.e2e;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Starts and stops the {@link Suite} of a test class annotated {@link WithSuite}, and hands it to its methods. */
final class SuiteExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SuiteExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        // Suite.start stops whatever it started when it fails, so a failed start leaves nothing to close.
        java.time.Duration coolingOff = java.time.Duration.parse(
                context.getRequiredTestClass().getAnnotation(WithSuite.class).coolingOff());
        context.getStore(NAMESPACE).put(Suite.class, Suite.start(coolingOff));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Suite suite = context.getStore(NAMESPACE).remove(Suite.class, Suite.class);
        if (suite != null) {
            suite.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Suite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // Method contexts see the values of their class's store.
        Suite suite = context.getStore(NAMESPACE).get(Suite.class, Suite.class);
        if (suite == null) {
            throw new IllegalStateException("no suite: annotate the test class with @WithSuite");
        }
        return suite;
    }
}
