package jp.suijin.web.service;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import jp.suijin.resilience.CheckResult;
import jp.suijin.resilience.Health;
import jp.suijin.telemetry.SetAsideHour;
import jp.suijin.telemetry.StatisticsWork;
import jp.suijin.web.Messages;

/** The service's health for the service operators: every check with its data, and the work set aside. */
@Named
@ViewScoped
public class HealthView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Health health;

    @Inject
    private StatisticsWork statistics;

    private List<CheckResult> checks;
    private CheckResult liveness;
    private List<SetAsideHour> setAside;

    @PostConstruct
    public void init() {
        checks = health.readiness();
        liveness = health.liveness();
        setAside = statistics.setAside();
    }

    public void retry(SetAsideHour hour) {
        statistics.retry(hour.pointId(), hour.hour());
        Messages.info("health.retried", hour.point());
        init();
    }

    public boolean isReady() {
        return checks.stream().allMatch(CheckResult::up);
    }

    public List<CheckResult> getChecks() {
        return checks;
    }

    public CheckResult getLiveness() {
        return liveness;
    }

    public List<SetAsideHour> getSetAside() {
        return setAside;
    }
}
