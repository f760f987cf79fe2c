package jp.suijin.persistence.facility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;

/** One measured quantity, state or total of a facility, reported by one field device. */
@Entity
@Table(name = "measurement_point")
public class MeasurementPoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "facility_id")
    private Facility facility;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "device_id")
    private FieldDevice device;

    @Column(nullable = false, length = 64)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PointKind kind;

    @Column(length = 16)
    private String unit;

    @Column(name = "range_low")
    private Double rangeLow;

    @Column(name = "range_high")
    private Double rangeHigh;

    @Column(nullable = false)
    private int decimals;

    /** For STATE points: "0=停止;1=運転". */
    @Column(name = "state_labels", length = 500)
    private String stateLabels;

    @Column(name = "display_order", nullable = false)
    private int displayOrder;

    @Column(nullable = false)
    private boolean enabled = true;

    protected MeasurementPoint() {
    }

    public MeasurementPoint(FieldDevice device, String code, String name, PointKind kind, int displayOrder) {
        this.device = Objects.requireNonNull(device, "device");
        this.facility = device.getFacility();
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.displayOrder = displayOrder;
    }

    /** Unit, physical range and shown decimals of an analog point or counter. */
    public MeasurementPoint withScale(String unit, Double rangeLow, Double rangeHigh, int decimals) {
        if (rangeLow != null && rangeHigh != null && rangeLow >= rangeHigh) {
            throw new IllegalArgumentException("range low " + rangeLow + " must be below range high " + rangeHigh);
        }
        this.unit = unit;
        this.rangeLow = rangeLow;
        this.rangeHigh = rangeHigh;
        this.decimals = decimals;
        return this;
    }

    public MeasurementPoint withStateLabels(String stateLabels) {
        this.stateLabels = stateLabels;
        return this;
    }

    /**
     * What an administrator may change; the device must be one of the same facility, so a point never
     * leaves its facility's history.
     */
    public MeasurementPoint redefine(FieldDevice device, String code, String name, PointKind kind, int displayOrder) {
        if (!Objects.equals(device.getFacility().getId(), facility.getId())) {
            throw new IllegalArgumentException("device " + device.getCode() + " is not at the point's facility");
        }
        this.device = device;
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.displayOrder = displayOrder;
        return this;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Long getId() {
        return id;
    }

    public Facility getFacility() {
        return facility;
    }

    public FieldDevice getDevice() {
        return device;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public PointKind getKind() {
        return kind;
    }

    public String getUnit() {
        return unit;
    }

    public Double getRangeLow() {
        return rangeLow;
    }

    public Double getRangeHigh() {
        return rangeHigh;
    }

    public int getDecimals() {
        return decimals;
    }

    public String getStateLabels() {
        return stateLabels;
    }

    public int getDisplayOrder() {
        return displayOrder;
    }

    public boolean isEnabled() {
        return enabled;
    }
}
