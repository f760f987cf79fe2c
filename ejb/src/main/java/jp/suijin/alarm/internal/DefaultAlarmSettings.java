package jp.suijin.alarm.internal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.suijin.admin.AdministrationException;
import jp.suijin.admin.OrganisationModel;
import jp.suijin.alarm.AlarmSettings;
import jp.suijin.alarm.DeviceAlarm;
import jp.suijin.alarm.FacilityAlarmSettings;
import jp.suijin.alarm.FacilityRecipients;
import jp.suijin.alarm.PointAlarm;
import jp.suijin.alarm.PointAlarmForm;
import jp.suijin.alarm.Recipient;
import jp.suijin.alarm.RecipientChoice;
import jp.suijin.alarm.RecipientGroupForm;
import jp.suijin.alarm.RecipientGroupRow;
import jp.suijin.alarm.SettingStatus;
import jp.suijin.auth.CallerLookup;
import jp.suijin.auth.Roles;
import jp.suijin.notify.MailAddresses;
import jp.suijin.persistence.alarm.AlarmDefinition;
import jp.suijin.persistence.alarm.DeviceAlarmSetting;
import jp.suijin.persistence.alarm.RecipientGroup;
import jp.suijin.persistence.alarm.RecipientGroupMember;
import jp.suijin.persistence.alarm.Severity;
import jp.suijin.persistence.facility.Facility;
import jp.suijin.persistence.facility.FieldDevice;
import jp.suijin.persistence.facility.MeasurementPoint;
import jp.suijin.persistence.facility.PointKind;
import jp.suijin.persistence.user.User;
import jp.suijin.telemetry.StateLabels;

/**
 * Every input is checked before anything is written, so a refused call leaves nothing behind. Lookups
 * are scoped to the caller's organisation, so another organisation's ids meet the unknown-id answer.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class DefaultAlarmSettings implements AlarmSettings {

    static final int MAX_ON_DELAY_SECONDS = 86_400;
    static final int MAX_COMM_LOSS_MINUTES = 10_080;
    static final int MAX_DELAY_MINUTES = 1_440;
    static final int MAX_GROUP_NAME = 100;
    /**
     * How far beyond its range a limit may lie: the margin ingest still accepts as a real value
     * (DefaultIngestService.RANGE_MARGIN). A limit further out could never be reached, which looks like
     * supervision but is none.
     */
    static final double RANGE_MARGIN = 0.1;

    @Inject
    private CallerLookup callers;

    @Inject
    private Clock clock;

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @Inject
    private OrganisationModel model;

    @Override
    public FacilityAlarmSettings facility(long facilityId) {
        Facility facility = model.facility(facilityId);
        Instant now = clock.instant();
        Map<Long, AlarmDefinition> definitions = em.createQuery("SELECT a FROM AlarmDefinition a"
                + " WHERE a.point.facility = :facility", AlarmDefinition.class).setParameter("facility", facility)
                .getResultList().stream().collect(Collectors.toMap(AlarmDefinition::getPointId, Function.identity()));
        List<PointAlarm> points = em.createQuery("SELECT p FROM MeasurementPoint p JOIN FETCH p.device"
                + " WHERE p.facility = :facility ORDER BY p.displayOrder, p.id", MeasurementPoint.class)
                .setParameter("facility", facility).getResultList().stream()
                .map(p -> pointAlarm(p, definitions.get(p.getId()), now)).toList();
        Map<Long, DeviceAlarmSetting> settings = em.createQuery("SELECT s FROM DeviceAlarmSetting s"
                + " WHERE s.device.facility = :facility", DeviceAlarmSetting.class).setParameter("facility", facility)
                .getResultList().stream().collect(Collectors.toMap(DeviceAlarmSetting::getDeviceId, Function.identity()));
        List<DeviceAlarm> devices = em.createQuery("SELECT d FROM FieldDevice d WHERE d.facility = :facility"
                + " ORDER BY d.code", FieldDevice.class).setParameter("facility", facility).getResultList().stream()
                .map(d -> deviceAlarm(d, settings.get(d.getId()), now)).toList();
        return new FacilityAlarmSettings(facility.getId(), facility.getCode(), facility.getName(), points, devices);
    }

    @Override
    public void savePointAlarm(long pointId, PointAlarmForm form) {
        MeasurementPoint point = model.point(pointId);
        if (form == null) {
            throw new AdministrationException("limits", "alarm.error.noLimit");
        }
        int onDelay = onDelay(form.onDelaySeconds());
        Instant now = clock.instant();
        AlarmDefinition definition = em.find(AlarmDefinition.class, point.getId());
        boolean created = definition == null;
        if (created) {
            definition = new AlarmDefinition(point, now);
        }
        if (point.getKind() == PointKind.STATE) {
            String faults = faultStates(point, form.faultStates());
            definition.faultStates(faults, severity(form.stateSeverity(), "stateSeverity"), onDelay, now);
        } else {
            Limits l = limits(point, form);
            definition.limits(l.values[0], l.severities[0], l.values[1], l.severities[1], l.values[2], l.severities[2],
                    l.values[3], l.severities[3], l.deadband, onDelay, now);
        }
        if (created) {
            em.persist(definition);
        }
    }

    @Override
    public void removePointAlarm(long pointId) {
        em.remove(definitionOf(pointId));
    }

    @Override
    public void enablePointAlarm(long pointId) {
        definitionOf(pointId).enable(clock.instant());
    }

    @Override
    public void disablePointAlarm(long pointId, String reason) {
        AlarmDefinition definition = definitionOf(pointId);
        definition.disable(reason(reason, "disableReason", "alarm.error.disableReason"), clock.instant());
    }

    @Override
    public void shelvePointAlarm(long pointId, Instant until, String reason) {
        AlarmDefinition definition = definitionOf(pointId);
        Instant now = clock.instant();
        definition.shelve(shelveUntil(until, now), reason(reason, "shelveReason", "alarm.error.shelveReason"), now);
    }

    @Override
    public void unshelvePointAlarm(long pointId) {
        definitionOf(pointId).shelve(null, null, clock.instant());
    }

    @Override
    public void saveCommLoss(long deviceId, Integer minutes, Severity severity) {
        FieldDevice device = model.device(deviceId);
        if (minutes == null || minutes < 1 || minutes > MAX_COMM_LOSS_MINUTES) {
            throw new AdministrationException("commLossMinutes", "alarm.error.commLossMinutes", 1,
                    MAX_COMM_LOSS_MINUTES);
        }
        Severity checked = severity(severity, "commLossSeverity");
        Instant now = clock.instant();
        DeviceAlarmSetting setting = em.find(DeviceAlarmSetting.class, device.getId());
        if (setting == null) {
            em.persist(new DeviceAlarmSetting(device, minutes, checked, now));
        } else {
            setting.change(minutes, checked, now);
        }
    }

    @Override
    public void removeCommLoss(long deviceId) {
        em.remove(settingOf(deviceId));
    }

    @Override
    public void enableCommLoss(long deviceId) {
        settingOf(deviceId).enable(clock.instant());
    }

    @Override
    public void disableCommLoss(long deviceId, String reason) {
        DeviceAlarmSetting setting = settingOf(deviceId);
        setting.disable(reason(reason, "disableReason", "alarm.error.disableReason"), clock.instant());
    }

    @Override
    public void shelveCommLoss(long deviceId, Instant until, String reason) {
        DeviceAlarmSetting setting = settingOf(deviceId);
        Instant now = clock.instant();
        setting.shelve(shelveUntil(until, now), reason(reason, "shelveReason", "alarm.error.shelveReason"), now);
    }

    @Override
    public void unshelveCommLoss(long deviceId) {
        settingOf(deviceId).shelve(null, null, clock.instant());
    }

    @Override
    public FacilityRecipients recipients(long facilityId) {
        Facility facility = model.facility(facilityId);
        List<RecipientGroupRow> groups = em.createQuery("SELECT g FROM RecipientGroup g WHERE g.facility = :facility"
                + " ORDER BY g.name", RecipientGroup.class).setParameter("facility", facility).getResultList().stream()
                .map(DefaultAlarmSettings::row).toList();
        List<RecipientChoice> users = em.createQuery("SELECT u FROM User u WHERE u.organisation = :org"
                + " AND u.enabled = TRUE ORDER BY u.loginId", User.class)
                .setParameter("org", facility.getOrganisation()).getResultList().stream()
                .filter(u -> maySee(u, facility))
                .map(u -> new RecipientChoice(u.getId(), u.getLoginId(), u.getDisplayName())).toList();
        return new FacilityRecipients(facility.getId(), facility.getCode(), facility.getName(), groups, users);
    }

    @Override
    public long createGroup(long facilityId, RecipientGroupForm input) {
        Facility facility = model.facility(facilityId);
        RecipientGroupForm g = checked(input, facility, null);
        RecipientGroup group = new RecipientGroup(facility, clock.instant()).define(g.name(), g.notifyMajor(),
                g.notifyMinor(), g.notifyNotice(), g.notifyRecovery(), g.delayMinutes(), g.enabled());
        em.persist(group);
        model.flushUnique("groupName", "alarm.error.groupNameTaken", g.name());
        return group.getId();
    }

    @Override
    public void editGroup(long groupId, RecipientGroupForm input) {
        RecipientGroup group = groupOf(groupId);
        RecipientGroupForm g = checked(input, group.getFacility(), group.getId());
        group.define(g.name(), g.notifyMajor(), g.notifyMinor(), g.notifyNotice(), g.notifyRecovery(),
                g.delayMinutes(), g.enabled());
        model.flushUnique("groupName", "alarm.error.groupNameTaken", g.name());
    }

    @Override
    public void deleteGroup(long groupId) {
        em.remove(groupOf(groupId));
    }

    @Override
    public long addUserMember(long groupId, long userId) {
        RecipientGroup group = groupOf(groupId);
        List<User> found = em.createQuery("SELECT u FROM User u WHERE u.id = :id AND u.organisation = :org",
                User.class).setParameter("id", userId).setParameter("org", group.getOrganisation()).getResultList();
        if (found.isEmpty()) {
            throw new AdministrationException("user", "alarm.error.userNotFound");
        }
        User user = found.get(0);
        // a member is mailed about the facility's alarms, so must be someone who may see that facility
        if (!user.isEnabled() || !maySee(user, group.getFacility())) {
            throw new AdministrationException("user", "alarm.error.userFacility", user.getLoginId());
        }
        if (group.getMembers().stream().anyMatch(m -> m.getUser() != null && m.getUser().getId().equals(user.getId()))) {
            throw new AdministrationException("user", "alarm.error.memberTaken", user.getLoginId());
        }
        RecipientGroupMember member = group.add(RecipientGroupMember.user(group, user));
        model.flushUnique("user", "alarm.error.memberTaken", user.getLoginId());
        return member.getId();
    }

    @Override
    public long addAddressMember(long groupId, String email, String locale) {
        RecipientGroup group = groupOf(groupId);
        String address = email == null ? "" : email.strip();
        if (!MailAddresses.valid(address)) {
            throw new AdministrationException("email", "alarm.error.email");
        }
        if (!"ja".equals(locale) && !"en".equals(locale)) {
            throw new AdministrationException("locale", "alarm.error.locale");
        }
        if (group.getMembers().stream().anyMatch(m -> address.equalsIgnoreCase(m.getEmail()))) {
            throw new AdministrationException("email", "alarm.error.memberTaken", address);
        }
        RecipientGroupMember member = group.add(RecipientGroupMember.address(group, address, locale));
        model.flushUnique("email", "alarm.error.memberTaken", address);
        return member.getId();
    }

    @Override
    public void removeMember(long memberId) {
        List<RecipientGroupMember> found = em.createQuery("SELECT m FROM RecipientGroupMember m WHERE m.id = :id"
                + " AND m.group.organisation.id = :org", RecipientGroupMember.class).setParameter("id", memberId)
                .setParameter("org", callers.organisationId()).getResultList();
        if (found.isEmpty() || !callers.current().maySee(found.get(0).getGroup().getFacility().getId())) {
            throw new AdministrationException("member", "alarm.error.memberNotFound");
        }
        RecipientGroupMember member = found.get(0);
        member.getGroup().remove(member);
    }

    /** Checked limits in the order HH, H, L, LL, with their severities, and the deadband. */
    private record Limits(Double[] values, Severity[] severities, double deadband) {
    }

    private static final String[] LIMITS = {"highHigh", "high", "low", "lowLow"};

    private static Limits limits(MeasurementPoint point, PointAlarmForm f) {
        Double[] values = {finite(f.highHigh(), "highHigh"), finite(f.high(), "high"), finite(f.low(), "low"),
            finite(f.lowLow(), "lowLow")};
        Severity[] given = {f.highHighSeverity(), f.highSeverity(), f.lowSeverity(), f.lowLowSeverity()};
        Severity[] severities = new Severity[4];
        if (Arrays.stream(values).allMatch(Objects::isNull)) {
            throw new AdministrationException("limits", "alarm.error.noLimit");
        }
        Double rangeLow = point.getKind() == PointKind.COUNTER ? Double.valueOf(0) : point.getRangeLow();
        Double rangeHigh = point.getRangeHigh();
        for (int i = 0; i < 4; i++) {
            if (values[i] == null) {
                continue;
            }
            severities[i] = severity(given[i], LIMITS[i] + "Severity");
            if (point.getKind() == PointKind.COUNTER) {
                // a counter's value runs from 0 up to below its roll-over; ingest refuses anything else
                if (values[i] < 0) {
                    throw new AdministrationException(LIMITS[i], "alarm.error.counterNegative");
                }
                if (rangeHigh != null && values[i] >= rangeHigh) {
                    throw new AdministrationException(LIMITS[i], "alarm.error.counterLimit", rangeHigh);
                }
            } else if (rangeLow != null && rangeHigh != null) {
                double margin = (rangeHigh - rangeLow) * RANGE_MARGIN;
                if (values[i] < rangeLow - margin || values[i] > rangeHigh + margin) {
                    throw new AdministrationException(LIMITS[i], "alarm.error.outsideRange", rangeLow - margin,
                            rangeHigh + margin, rangeLow, rangeHigh);
                }
            }
        }
        // from the top down, each set limit must lie above the next set one below it: LL < L < H < HH
        double smallestGap = Double.POSITIVE_INFINITY;
        for (int upper = 0; upper < 4; upper++) {
            if (values[upper] == null) {
                continue;
            }
            for (int lower = upper + 1; lower < 4; lower++) {
                if (values[lower] != null) {
                    if (values[upper] <= values[lower]) {
                        throw new AdministrationException(LIMITS[upper], "alarm.error.order." + LIMITS[upper],
                                values[upper], values[lower]);
                    }
                    smallestGap = Math.min(smallestGap, values[upper] - values[lower]);
                    break;
                }
            }
        }
        double deadband = f.deadband() == null ? 0 : finite(f.deadband(), "deadband");
        if (deadband < 0) {
            throw new AdministrationException("deadband", "alarm.error.deadband");
        }
        // a value must be able to clear one limit without already standing beyond the next one
        if (deadband >= smallestGap) {
            throw new AdministrationException("deadband", "alarm.error.deadbandGap", smallestGap);
        }
        if (rangeLow != null && rangeHigh != null && deadband >= rangeHigh - rangeLow) {
            throw new AdministrationException("deadband", "alarm.error.deadbandRange", rangeHigh - rangeLow);
        }
        return new Limits(values, severities, deadband);
    }

    /** The chosen fault states written as "1;3", each one of the point's labelled states, not all of them. */
    private static String faultStates(MeasurementPoint point, List<Long> chosen) {
        SortedMap<Long, String> labels = StateLabels.parse(point.getStateLabels());
        TreeSet<Long> states = new TreeSet<>();
        for (Long state : chosen) {
            if (state == null || !labels.containsKey(state)) {
                throw new AdministrationException("faultStates", "alarm.error.faultState", String.valueOf(state));
            }
            states.add(state);
        }
        if (states.isEmpty()) {
            throw new AdministrationException("faultStates", "alarm.error.noFaultState");
        }
        // every state a fault would raise an alarm that can never clear
        if (states.size() == labels.size()) {
            throw new AdministrationException("faultStates", "alarm.error.allStatesFault");
        }
        return states.stream().map(String::valueOf).collect(Collectors.joining(";"));
    }

    private static int onDelay(Integer seconds) {
        if (seconds == null || seconds < 0 || seconds > MAX_ON_DELAY_SECONDS) {
            throw new AdministrationException("onDelay", "alarm.error.onDelay", 0, MAX_ON_DELAY_SECONDS);
        }
        return seconds;
    }

    private static Instant shelveUntil(Instant until, Instant now) {
        if (until == null || !until.isAfter(now) || until.isAfter(now.plus(Duration.ofDays(MAX_SHELVE_DAYS)))) {
            throw new AdministrationException("shelvedUntil", "alarm.error.shelvedUntil", MAX_SHELVE_DAYS);
        }
        return until;
    }

    private static String reason(String reason, String field, String problem) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty() || r.length() > MAX_REASON) {
            throw new AdministrationException(field, problem, MAX_REASON);
        }
        return r;
    }

    private static Severity severity(Severity severity, String field) {
        if (severity == null) {
            throw new AdministrationException(field, "alarm.error.severity");
        }
        return severity;
    }

    private static Double finite(Double value, String field) {
        if (value != null && !Double.isFinite(value)) {
            throw new AdministrationException(field, "alarm.error.number");
        }
        return value;
    }

    private RecipientGroupForm checked(RecipientGroupForm g, Facility facility, Long self) {
        String name = g == null || g.name() == null ? "" : g.name().strip();
        if (name.isEmpty() || name.length() > MAX_GROUP_NAME) {
            throw new AdministrationException("groupName", "alarm.error.groupName", MAX_GROUP_NAME);
        }
        List<Long> same = em.createQuery("SELECT g.id FROM RecipientGroup g WHERE g.facility = :facility"
                + " AND g.name = :name", Long.class).setParameter("facility", facility).setParameter("name", name)
                .getResultList();
        if (same.stream().anyMatch(id -> !id.equals(self))) {
            throw new AdministrationException("groupName", "alarm.error.groupNameTaken", name);
        }
        // a group that asks for no mail at all is a mistake, not a setting
        if (!g.notifyMajor() && !g.notifyMinor() && !g.notifyNotice()) {
            throw new AdministrationException("severities", "alarm.error.groupSeverities");
        }
        if (g.delayMinutes() == null || g.delayMinutes() < 0 || g.delayMinutes() > MAX_DELAY_MINUTES) {
            throw new AdministrationException("delayMinutes", "alarm.error.delayMinutes", 0, MAX_DELAY_MINUTES);
        }
        return new RecipientGroupForm(name, g.notifyMajor(), g.notifyMinor(), g.notifyNotice(), g.notifyRecovery(),
                g.delayMinutes(), g.enabled());
    }

    private static boolean maySee(User user, Facility facility) {
        Set<Facility> facilities = user.getFacilities();
        return facilities.isEmpty() || facilities.stream().anyMatch(f -> f.getId().equals(facility.getId()));
    }

    private static PointAlarm pointAlarm(MeasurementPoint p, AlarmDefinition d, Instant now) {
        PointAlarmForm form = d == null ? null : new PointAlarmForm(d.getHighHigh(), d.getHighHighSeverity(),
                d.getHigh(), d.getHighSeverity(), d.getLow(), d.getLowSeverity(), d.getLowLow(), d.getLowLowSeverity(),
                d.getDeadband(), d.getOnDelaySeconds(), List.copyOf(AlarmEngine.faultStates(d.getFaultStates())), d.getStateSeverity());
        SettingStatus status = d == null ? null : status(d.isEnabled(), d.getShelvedUntil(), now);
        boolean shelved = status == SettingStatus.SHELVED;
        return new PointAlarm(p.getId(), p.getDevice().getCode(), p.getCode(), p.getName(), p.getKind(), p.getUnit(),
                p.getRangeLow(), p.getRangeHigh(), p.getDecimals(), p.getStateLabels(), p.isEnabled(), form, status,
                shelved ? d.getShelvedUntil() : null, shelved ? d.getShelveReason() : null,
                d == null ? null : d.getDisableReason());
    }

    private static DeviceAlarm deviceAlarm(FieldDevice d, DeviceAlarmSetting s, Instant now) {
        SettingStatus status = s == null ? null : status(s.isEnabled(), s.getShelvedUntil(), now);
        boolean shelved = status == SettingStatus.SHELVED;
        return new DeviceAlarm(d.getId(), d.getCode(), d.getName(), d.isEnabled(),
                s == null ? null : s.getCommLossMinutes(), s == null ? null : s.getSeverity(), status,
                shelved ? s.getShelvedUntil() : null, shelved ? s.getShelveReason() : null,
                s == null ? null : s.getDisableReason());
    }

    /** Disabled wins over shelved: enabling again is what it takes to make it raise alarms. */
    private static SettingStatus status(boolean enabled, Instant shelvedUntil, Instant now) {
        if (!enabled) {
            return SettingStatus.DISABLED;
        }
        return shelvedUntil != null && shelvedUntil.isAfter(now) ? SettingStatus.SHELVED : SettingStatus.ACTIVE;
    }

    private static RecipientGroupRow row(RecipientGroup g) {
        List<Recipient> members = g.getMembers().stream().map(m -> m.getUser() == null
                ? new Recipient(m.getId(), null, null, null, m.getEmail(), m.getLocale())
                : new Recipient(m.getId(), m.getUser().getId(), m.getUser().getLoginId(), m.getUser().getDisplayName(),
                        m.getUser().getEmail(), m.getUser().getLocale())).toList();
        return new RecipientGroupRow(g.getId(), g.getName(), g.isNotifyMajor(), g.isNotifyMinor(), g.isNotifyNotice(),
                g.isNotifyRecovery(), g.getDelayMinutes(), g.isEnabled(), members);
    }

    /**
     * Writes now, so a duplicate another administrator saved meanwhile is refused by its unique key here,
     * by name, instead of failing the commit.
     */

    private AlarmDefinition definitionOf(long pointId) {
        AlarmDefinition definition = em.find(AlarmDefinition.class, model.point(pointId).getId());
        if (definition == null) {
            throw new AdministrationException("point", "alarm.error.noDefinition");
        }
        return definition;
    }

    private DeviceAlarmSetting settingOf(long deviceId) {
        DeviceAlarmSetting setting = em.find(DeviceAlarmSetting.class, model.device(deviceId).getId());
        if (setting == null) {
            throw new AdministrationException("device", "alarm.error.noCommLoss");
        }
        return setting;
    }

    private RecipientGroup groupOf(long groupId) {
        List<RecipientGroup> found = em.createQuery("SELECT g FROM RecipientGroup g WHERE g.id = :id"
                + " AND g.organisation.id = :org", RecipientGroup.class).setParameter("id", groupId)
                .setParameter("org", callers.organisationId()).getResultList();
        // a group of a facility beyond the administrator's limits is unknown, as OrganisationModel answers
        if (found.isEmpty() || !callers.current().maySee(found.get(0).getFacility().getId())) {
            throw new AdministrationException("group", "alarm.error.groupNotFound");
        }
        return found.get(0);
    }
}
