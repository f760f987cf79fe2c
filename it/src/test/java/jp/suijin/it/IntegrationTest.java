package jp.suijin.it;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** Base of the Arquillian suites: the stack first, then Arquillian deploying to its domain. */
@ExtendWith(SuijinStackExtension.class)
@ExtendWith(ArquillianExtension.class)
public abstract class IntegrationTest {

    protected static TestStack stack() {
        return SuijinStackExtension.stack();
    }
}
