package jp.suijin.persistence.user;

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
import java.time.Instant;
import java.util.Objects;

/** A bearer token issued to one mobile device; valid only while the device is not revoked. */
@Entity
@Table(name = "mobile_token")
public class MobileToken {

    public enum Kind {
        ACCESS,
        REFRESH
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "device_id")
    private MobileDevice device;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Kind kind;

    @Column(name = "token_hash", nullable = false, length = 32)
    private byte[] tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    /** Set when a refresh token was exchanged; a second exchange is theft and ends the device's tokens. */
    @Column(name = "used_at")
    private Instant usedAt;

    protected MobileToken() {
    }

    public MobileToken(MobileDevice device, Kind kind, byte[] tokenHash, Instant now, Instant expiresAt) {
        this.device = Objects.requireNonNull(device, "device");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash").clone();
        this.createdAt = Objects.requireNonNull(now, "now");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public MobileDevice getDevice() {
        return device;
    }

    public Kind getKind() {
        return kind;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public void use(Instant now) {
        usedAt = now;
    }
}
