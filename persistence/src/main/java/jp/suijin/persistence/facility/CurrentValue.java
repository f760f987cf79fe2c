package jp.suijin.persistence.facility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The latest sample of a measurement point. Written only by ingest (plain JDBC), read through JPA. */
@Entity
@Table(name = "point_current")
public class CurrentValue {

    @Id
    @Column(name = "point_id")
    private Long pointId;

    @Column(name = "sample_time", nullable = false)
    private Instant sampleTime;

    @Column(nullable = false)
    private double value;

    @Column(nullable = false)
    private int quality;

    protected CurrentValue() {
    }

    public Long getPointId() {
        return pointId;
    }

    public Instant getSampleTime() {
        return sampleTime;
    }

    public double getValue() {
        return value;
    }

    public Quality getQuality() {
        return Quality.ofCode(quality);
    }
}
