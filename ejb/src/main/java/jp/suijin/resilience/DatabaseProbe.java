package jp.suijin.resilience;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

/** Asks both pools every few seconds, so an outage is noticed without traffic and its end at all. */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DatabaseProbe {

    @Inject
    private DatabaseOutage outage;

    @Inject
    private JobRuns jobs;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @PermitAll
    public void everyFewSeconds() {
        jobs.ran("database probe");
        outage.probe();
    }
}
