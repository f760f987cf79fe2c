package jp.suijin.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one source of "now" for services: {@link SuijinClock}, which tests can move instead of sleeping. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    Clock clock() {
        return SuijinClock.INSTANCE;
    }
}
