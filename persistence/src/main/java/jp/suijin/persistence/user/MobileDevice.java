package jp.suijin.persistence.user;

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

/** A smartphone or tablet registered in one of a user's device slots; revoked devices keep their row. */
@Entity
@Table(name = "mobile_device")
public class MobileDevice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private User user;

    /** SHA-256 of the identifier the app generated for itself. */
    @Column(name = "device_key_hash", nullable = false, length = 32)
    private byte[] deviceKeyHash;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected MobileDevice() {
    }

    public MobileDevice(User user, byte[] deviceKeyHash, String name, Instant now) {
        this.user = Objects.requireNonNull(user, "user");
        this.deviceKeyHash = Objects.requireNonNull(deviceKeyHash, "deviceKeyHash").clone();
        this.name = Objects.requireNonNull(name, "name");
        this.registeredAt = Objects.requireNonNull(now, "now");
        this.lastUsedAt = now;
    }

    public Long getId() {
        return id;
    }

    public User getUser() {
        return user;
    }

    public byte[] getDeviceKeyHash() {
        return deviceKeyHash.clone();
    }

    public String getName() {
        return name;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public void used(Instant now) {
        lastUsedAt = now;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }
}
