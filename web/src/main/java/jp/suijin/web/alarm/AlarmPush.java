package jp.suijin.web.alarm;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.suijin.alarm.AlarmAudience;
import jp.suijin.alarm.AlarmBroadcast;
import jp.suijin.alarm.AlarmSignal;
import org.omnifaces.cdi.Push;
import org.omnifaces.cdi.PushContext;

/**
 * Tells open pages that an alarm changed: each signal of {@link AlarmBroadcast} goes to the web sockets
 * (the banner's {@code <o:socket channel="alarms">}) of the users who may see the alarm's facility. The
 * message is only the event's name; the page then reads the banner through the alarm service, so what
 * anyone sees is still decided there.
 */
@ApplicationScoped
public class AlarmPush {

    static final String CHANNEL = "alarms";
    private static final Logger LOG = Logger.getLogger(AlarmPush.class.getName());

    @Inject
    private AlarmBroadcast broadcast;

    @Inject
    private AlarmAudience audience;

    @Inject
    @Push(channel = CHANNEL)
    private PushContext sockets;

    // off the committing thread: finding the audience takes a query, and ingest must not wait for pages
    @Resource
    private ManagedExecutorService executor;

    private final Consumer<AlarmSignal> listener = signal -> executor.execute(() -> tell(signal));

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        broadcast.subscribe(listener);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        try {
            broadcast.unsubscribe(listener);
        } catch (EJBException stopped) {
            // the EJB module stopped first: its broadcast, and the subscription with it, are gone already
            LOG.log(Level.FINE, "alarm broadcast already stopped", stopped);
        }
    }

    private void tell(AlarmSignal signal) {
        try {
            List<String> users = audience.loginIds(signal.organisationId(), signal.facilityId());
            sockets.send(signal.event().name(), users);
        } catch (RuntimeException e) {
            // a page missing one hint is refreshed by the next; the alarm itself is stored
            LOG.log(Level.WARNING, "Telling open pages about alarm " + signal.alarmId() + " failed", e);
        }
    }
}
