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

/**
 * The pending second step of one sign-in: a one-time code mailed to the user, valid only together
 * with the challenge token kept in that sign-in's session. Both are stored as hashes.
 */
@Entity
@Table(name = "login_challenge")
public class LoginChallenge {

    public enum State {
        OPEN,
        USED,
        VOID
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private User user;

    @Column(name = "challenge_hash", nullable = false, length = 32)
    private byte[] challengeHash;

    @Column(name = "code_hash", nullable = false, length = 32)
    private byte[] codeHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "last_sent_at", nullable = false)
    private Instant lastSentAt;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private State state = State.OPEN;

    protected LoginChallenge() {
    }

    public LoginChallenge(User user, byte[] challengeHash, byte[] codeHash, Instant now, Instant expiresAt) {
        this.user = Objects.requireNonNull(user, "user");
        this.challengeHash = Objects.requireNonNull(challengeHash, "challengeHash").clone();
        this.codeHash = Objects.requireNonNull(codeHash, "codeHash").clone();
        this.createdAt = Objects.requireNonNull(now, "now");
        this.lastSentAt = now;
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public User getUser() {
        return user;
    }

    public byte[] getCodeHash() {
        return codeHash.clone();
    }

    public Instant getLastSentAt() {
        return lastSentAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public State getState() {
        return state;
    }

    public boolean isOpenAt(Instant now) {
        return state == State.OPEN && now.isBefore(expiresAt);
    }

    /** A new code replaces the old one; the expiry stays, so resending cannot extend the attempt. */
    public void resend(byte[] newCodeHash, Instant now) {
        this.codeHash = newCodeHash.clone();
        this.lastSentAt = now;
    }

    /** Counts a wrong code; voids the challenge at {@code limit}. True if this voided it. */
    public boolean recordWrongCode(int limit) {
        failedAttempts++;
        if (failedAttempts >= limit) {
            state = State.VOID;
            return true;
        }
        return false;
    }

    public void use() {
        state = State.USED;
    }

    /** Superseded by a newer sign-in of the same user. */
    public void abandon() {
        state = State.VOID;
    }
}
