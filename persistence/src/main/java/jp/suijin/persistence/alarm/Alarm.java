package jp.suijin.persistence.alarm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One alarm: raised (発生), acknowledged (確認) and cleared (復旧), the last two in either order. Written by
 * the alarm evaluation with JDBC in the ingest transaction; this mapping serves the pages and the
 * acknowledgement. Ids rather than relations, as the lists read many rows and need no graph.
 */
@Entity
@Table(name = "alarm")
public class Alarm {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    private long organisationId;

    @Column(name = "facility_id", nullable = false, updatable = false)
    private long facilityId;

    @Column(name = "point_id", updatable = false)
    private Long pointId;

    @Column(name = "device_id", updatable = false)
    private Long deviceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private AlarmKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 8)
    private Severity severity;

    @Column(name = "raised_at", nullable = false, updatable = false)
    private Instant raisedAt;

    @Column(name = "raised_value", updatable = false)
    private Double raisedValue;

    @Column(name = "limit_value", updatable = false)
    private Double limitValue;

    @Column(name = "cleared_at", insertable = false, updatable = false)
    private Instant clearedAt;

    @Column(name = "cleared_value", insertable = false, updatable = false)
    private Double clearedValue;

    @Column(name = "acked_at")
    private Instant ackedAt;

    @Column(name = "acked_by")
    private Long ackedBy;

    @Column(name = "ack_comment", length = 500)
    private String ackComment;

    protected Alarm() {
    }

    /** Records the acknowledgement; false when the alarm was acknowledged already (the first one stands). */
    public boolean acknowledge(long userId, Instant at, String comment) {
        if (ackedAt != null) {
            return false;
        }
        ackedAt = at;
        ackedBy = userId;
        ackComment = comment;
        return true;
    }

    public Long getId() {
        return id;
    }

    public long getOrganisationId() {
        return organisationId;
    }

    public long getFacilityId() {
        return facilityId;
    }

    public Long getPointId() {
        return pointId;
    }

    public Long getDeviceId() {
        return deviceId;
    }

    public AlarmKind getKind() {
        return kind;
    }

    public Severity getSeverity() {
        return severity;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public Double getRaisedValue() {
        return raisedValue;
    }

    public Double getLimitValue() {
        return limitValue;
    }

    public Instant getClearedAt() {
        return clearedAt;
    }

    public Double getClearedValue() {
        return clearedValue;
    }

    public Instant getAckedAt() {
        return ackedAt;
    }

    public Long getAckedBy() {
        return ackedBy;
    }

    public String getAckComment() {
        return ackComment;
    }
}
