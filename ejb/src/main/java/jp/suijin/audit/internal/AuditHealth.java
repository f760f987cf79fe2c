package jp.suijin.audit.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.suijin.resilience.CheckResult;
import jp.suijin.resilience.HealthContributor;

/**
 * The audit part of health: the writer's last batch was written and its queue has room. Records
 * already lost are reported (count) but do not keep the service from serving.
 */
@ApplicationScoped
public class AuditHealth implements HealthContributor {

    /** A queue fuller than this share of its capacity is about to lose records. */
    static final double FULL = 0.9;

    @Inject
    private AuditWriter writer;

    @Override
    public CheckResult check() {
        Map<String, String> data = new LinkedHashMap<>();
        int queued = writer.queued();
        String failure = writer.lastFailure();
        data.put("queued", String.valueOf(queued));
        data.put("written", String.valueOf(writer.writtenCount()));
        data.put("lost", String.valueOf(writer.lostCount()));
        if (failure != null) {
            data.put("lastFailure", failure);
        }
        return new CheckResult("audit", failure == null && queued < AuditWriter.CAPACITY * FULL, data);
    }
}
