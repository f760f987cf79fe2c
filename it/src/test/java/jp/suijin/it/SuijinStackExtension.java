package jp.suijin.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the {@link TestStack} before the first test class that needs it and closes it when the
 * whole run ends (the root store closes it). Declared before Arquillian's extension, so the
 * domain is up when Arquillian connects to it.
 */
public class SuijinStackExtension implements BeforeAllCallback {

    private static volatile TestStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        stack = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(TestStack.class, k -> {
                    try {
                        return TestStack.start();
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }, TestStack.class);
    }

    public static TestStack stack() {
        return stack;
    }
}
