package jp.suijin.persistence.alarm;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jp.suijin.persistence.Organisation;
import jp.suijin.persistence.facility.Facility;

/**
 * Who is mailed about a facility's alarms of the chosen severities; with {@code delayMinutes} above 0
 * only alarms still unacknowledged that long after they rose (escalation). Read by the alarm mailer
 * with JDBC.
 */
@Entity
@Table(name = "recipient_group")
public class RecipientGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id", updatable = false)
    private Organisation organisation;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "facility_id", updatable = false)
    private Facility facility;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "notify_major", nullable = false)
    private boolean notifyMajor;

    @Column(name = "notify_minor", nullable = false)
    private boolean notifyMinor;

    @Column(name = "notify_notice", nullable = false)
    private boolean notifyNotice;

    @Column(name = "notify_recovery", nullable = false)
    private boolean notifyRecovery;

    @Column(name = "delay_minutes", nullable = false)
    private int delayMinutes;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "group", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<RecipientGroupMember> members = new ArrayList<>();

    protected RecipientGroup() {
    }

    public RecipientGroup(Facility facility, Instant createdAt) {
        this.facility = Objects.requireNonNull(facility, "facility");
        this.organisation = facility.getOrganisation();
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public RecipientGroup define(String name, boolean notifyMajor, boolean notifyMinor, boolean notifyNotice,
            boolean notifyRecovery, int delayMinutes, boolean enabled) {
        this.name = Objects.requireNonNull(name, "name");
        this.notifyMajor = notifyMajor;
        this.notifyMinor = notifyMinor;
        this.notifyNotice = notifyNotice;
        this.notifyRecovery = notifyRecovery;
        this.delayMinutes = delayMinutes;
        this.enabled = enabled;
        return this;
    }

    public RecipientGroupMember add(RecipientGroupMember member) {
        members.add(member);
        return member;
    }

    public void remove(RecipientGroupMember member) {
        members.remove(member);
    }

    public Long getId() {
        return id;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public Facility getFacility() {
        return facility;
    }

    public String getName() {
        return name;
    }

    public boolean isNotifyMajor() {
        return notifyMajor;
    }

    public boolean isNotifyMinor() {
        return notifyMinor;
    }

    public boolean isNotifyNotice() {
        return notifyNotice;
    }

    public boolean isNotifyRecovery() {
        return notifyRecovery;
    }

    public int getDelayMinutes() {
        return delayMinutes;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<RecipientGroupMember> getMembers() {
        return members;
    }
}
