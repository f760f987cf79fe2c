package jp.suijin.persistence.facility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import jp.suijin.persistence.Organisation;

/**
 * A field monitoring device at a facility. It authenticates with a bearer token of which only the
 * SHA-256 is stored.
 */
@Entity
@Table(name = "field_device")
public class FieldDevice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "facility_id")
    private Facility facility;

    /** The facility's, kept here so the database can hold a code unique within the organisation. */
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id", updatable = false)
    private Organisation organisation;

    @Column(nullable = false, length = 64)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "token_hash", nullable = false, length = 32)
    private byte[] tokenHash;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected FieldDevice() {
    }

    public FieldDevice(Facility facility, String code, String name, byte[] tokenHash, Instant createdAt) {
        this.facility = Objects.requireNonNull(facility, "facility");
        this.organisation = facility.getOrganisation();
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash").clone();
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public void rename(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** A new token's hash; the old token stops working with this change. */
    public void replaceTokenHash(byte[] tokenHash) {
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash").clone();
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

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public byte[] getTokenHash() {
        return tokenHash.clone();
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
