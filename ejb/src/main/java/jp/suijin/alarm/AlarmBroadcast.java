package jp.suijin.alarm;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands alarm changes to whoever shows them live (the web module's banner push), only once the
 * transaction that made them has committed: a rolled-back batch must not flash a banner. The web
 * module subscribes at start-up; the EJB module cannot see its beans, so CDI events would not reach it.
 * A CDI bean rather than an EJB, so ingest's use of it adds no operation record per batch.
 */
@ApplicationScoped
public class AlarmBroadcast {

    private static final Logger LOG = Logger.getLogger(AlarmBroadcast.class.getName());

    private final List<Consumer<AlarmSignal>> listeners = new CopyOnWriteArrayList<>();

    @Resource
    private TransactionSynchronizationRegistry transactions;

    public void subscribe(Consumer<AlarmSignal> listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Consumer<AlarmSignal> listener) {
        listeners.remove(listener);
    }

    /** Delivers the signals after the caller's transaction commits; drops them if it rolls back. */
    public void afterCommit(List<AlarmSignal> signals) {
        if (signals.isEmpty()) {
            return;
        }
        List<AlarmSignal> copy = new ArrayList<>(signals);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to prepare
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    copy.forEach(AlarmBroadcast.this::deliver);
                }
            }
        });
    }

    private void deliver(AlarmSignal signal) {
        for (Consumer<AlarmSignal> listener : listeners) {
            try {
                listener.accept(signal);
            } catch (RuntimeException e) {
                // a broken page connection must not disturb ingest or the other listeners
                LOG.log(Level.FINE, "alarm listener failed", e);
            }
        }
    }
}
