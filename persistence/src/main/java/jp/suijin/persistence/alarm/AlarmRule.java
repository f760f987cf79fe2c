package jp.suijin.persistence.alarm;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.Objects;

/**
 * What a point's alarm definition and a device's communication-loss setting share: switched on or
 * off (off with a reason), shelved until a time with a reason, and when it last changed.
 */
@MappedSuperclass
public abstract class AlarmRule {

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "disable_reason", length = 500)
    private String disableReason;

    @Column(name = "shelved_until")
    private Instant shelvedUntil;

    @Column(name = "shelve_reason", length = 500)
    private String shelveReason;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Raises nothing until enabled again; the reason stays with it meanwhile. */
    public void disable(String reason, Instant now) {
        this.enabled = false;
        this.disableReason = Objects.requireNonNull(reason, "reason");
        changed(now);
    }

    public void enable(Instant now) {
        this.enabled = true;
        this.disableReason = null;
        changed(now);
    }

    /** Raises nothing new until {@code until}; a null {@code until} ends the shelving. */
    public void shelve(Instant until, String reason, Instant now) {
        this.shelvedUntil = until;
        this.shelveReason = until == null ? null : reason;
        changed(now);
    }

    protected final void changed(Instant now) {
        this.updatedAt = Objects.requireNonNull(now, "now");
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getDisableReason() {
        return disableReason;
    }

    public Instant getShelvedUntil() {
        return shelvedUntil;
    }

    public String getShelveReason() {
        return shelveReason;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
