package jp.suijin.persistence.alarm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import jp.suijin.persistence.facility.MeasurementPoint;

/**
 * What raises alarms for one measurement point: up to four limits, each with its own severity, or the
 * fault states of a STATE point. Written by the administrators' settings; the alarm evaluation reads
 * the table with JDBC. Checking the values is the service's job; this class only keeps them together.
 */
@Entity
@Table(name = "alarm_definition")
public class AlarmDefinition extends AlarmRule {

    @Id
    @Column(name = "point_id")
    private Long pointId;

    // the key column is the relation's column too; written through pointId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "point_id", insertable = false, updatable = false)
    private MeasurementPoint point;

    @Column(name = "hh_limit")
    private Double highHigh;

    @Enumerated(EnumType.STRING)
    @Column(name = "hh_severity", length = 8)
    private Severity highHighSeverity;

    @Column(name = "h_limit")
    private Double high;

    @Enumerated(EnumType.STRING)
    @Column(name = "h_severity", length = 8)
    private Severity highSeverity;

    @Column(name = "l_limit")
    private Double low;

    @Enumerated(EnumType.STRING)
    @Column(name = "l_severity", length = 8)
    private Severity lowSeverity;

    @Column(name = "ll_limit")
    private Double lowLow;

    @Enumerated(EnumType.STRING)
    @Column(name = "ll_severity", length = 8)
    private Severity lowLowSeverity;

    @Column(nullable = false)
    private double deadband;

    @Column(name = "on_delay_seconds", nullable = false)
    private int onDelaySeconds;

    /** "1;3": the states that are faults, in state order. */
    @Column(name = "fault_states", length = 200)
    private String faultStates;

    @Enumerated(EnumType.STRING)
    @Column(name = "state_severity", length = 8)
    private Severity stateSeverity;

    protected AlarmDefinition() {
    }

    public AlarmDefinition(MeasurementPoint point, Instant now) {
        this.point = Objects.requireNonNull(point, "point");
        this.pointId = Objects.requireNonNull(point.getId(), "point id");
        changed(now);
    }

    /** Limits of an analog point or counter; an unset limit has no severity. Clears any fault states. */
    public AlarmDefinition limits(Double highHigh, Severity highHighSeverity, Double high, Severity highSeverity,
            Double low, Severity lowSeverity, Double lowLow, Severity lowLowSeverity, double deadband,
            int onDelaySeconds, Instant now) {
        this.highHigh = highHigh;
        this.highHighSeverity = highHigh == null ? null : Objects.requireNonNull(highHighSeverity);
        this.high = high;
        this.highSeverity = high == null ? null : Objects.requireNonNull(highSeverity);
        this.low = low;
        this.lowSeverity = low == null ? null : Objects.requireNonNull(lowSeverity);
        this.lowLow = lowLow;
        this.lowLowSeverity = lowLow == null ? null : Objects.requireNonNull(lowLowSeverity);
        this.deadband = deadband;
        this.onDelaySeconds = onDelaySeconds;
        this.faultStates = null;
        this.stateSeverity = null;
        changed(now);
        return this;
    }

    /** Fault states of a STATE point ("1;3"). Clears any limits. */
    public AlarmDefinition faultStates(String faultStates, Severity severity, int onDelaySeconds, Instant now) {
        limits(null, null, null, null, null, null, null, null, 0, onDelaySeconds, now);
        this.faultStates = Objects.requireNonNull(faultStates, "faultStates");
        this.stateSeverity = Objects.requireNonNull(severity, "severity");
        return this;
    }

    public Long getPointId() {
        return pointId;
    }

    public MeasurementPoint getPoint() {
        return point;
    }

    public Double getHighHigh() {
        return highHigh;
    }

    public Severity getHighHighSeverity() {
        return highHighSeverity;
    }

    public Double getHigh() {
        return high;
    }

    public Severity getHighSeverity() {
        return highSeverity;
    }

    public Double getLow() {
        return low;
    }

    public Severity getLowSeverity() {
        return lowSeverity;
    }

    public Double getLowLow() {
        return lowLow;
    }

    public Severity getLowLowSeverity() {
        return lowLowSeverity;
    }

    public double getDeadband() {
        return deadband;
    }

    public int getOnDelaySeconds() {
        return onDelaySeconds;
    }

    public String getFaultStates() {
        return faultStates;
    }

    public Severity getStateSeverity() {
        return stateSeverity;
    }
}
