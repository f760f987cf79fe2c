package jp.suijin.telemetry.internal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.suijin.auth.Caller;
import jp.suijin.auth.CallerLookup;
import jp.suijin.auth.Roles;
import jp.suijin.persistence.facility.CurrentValue;
import jp.suijin.persistence.alarm.DeviceAlarmSetting;
import jp.suijin.persistence.facility.Facility;
import jp.suijin.persistence.facility.FieldDevice;
import jp.suijin.persistence.facility.MeasurementPoint;
import jp.suijin.telemetry.DeviceStatus;
import jp.suijin.telemetry.FacilityNotFoundException;
import jp.suijin.telemetry.FacilityOverview;
import jp.suijin.telemetry.FacilityService;
import jp.suijin.telemetry.PointValue;
import jp.suijin.telemetry.StateLabels;

@Stateless
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class DefaultFacilityService implements FacilityService {

    /** A device silent for longer than this counts as lost, unless its communication-loss setting says otherwise. */
    static final Duration COMMUNICATION_TIMEOUT = Duration.ofMinutes(10);

    @Inject
    private CallerLookup callers;

    @Inject
    private Clock clock;

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @Override
    public List<FacilityOverview> overview() {
        Caller caller = callers.current();
        List<Facility> facilities = em.createQuery("SELECT f FROM Facility f WHERE f.organisation.id = :org"
                + " AND f.enabled = true ORDER BY f.displayOrder, f.id", Facility.class)
                .setParameter("org", caller.organisationId())
                // limited users see only their facilities; an organisation's list is short
                .getResultList().stream().filter(f -> caller.maySee(f.getId())).toList();
        return describe(facilities);
    }

    @Override
    public FacilityOverview facility(long facilityId) {
        Caller caller = callers.current();
        List<Facility> found = em.createQuery("SELECT f FROM Facility f WHERE f.id = :id AND f.organisation.id = :org"
                + " AND f.enabled = true",
                Facility.class)
                .setParameter("id", facilityId)
                .setParameter("org", caller.organisationId())
                .getResultList();
        // a facility the user is not allowed is answered like one that does not exist
        if (found.isEmpty() || !caller.maySee(facilityId)) {
            throw new FacilityNotFoundException(facilityId);
        }
        return describe(found).get(0);
    }

    private List<FacilityOverview> describe(List<Facility> facilities) {
        if (facilities.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        // a device with a communication-loss setting is lost after its own minutes, as its alarm says
        Map<Long, Instant> lostBefore = new HashMap<>();
        for (DeviceAlarmSetting setting : em.createQuery("SELECT s FROM DeviceAlarmSetting s"
                + " WHERE s.device.facility IN :facilities AND s.enabled = true", DeviceAlarmSetting.class)
                .setParameter("facilities", facilities).getResultList()) {
            lostBefore.put(setting.getDeviceId(), now.minus(Duration.ofMinutes(setting.getCommLossMinutes())));
        }
        Instant defaultLostBefore = now.minus(COMMUNICATION_TIMEOUT);
        Map<Long, List<PointValue>> pointsByFacility = new HashMap<>();
        List<Object[]> rows = em.createQuery("SELECT p, c FROM MeasurementPoint p LEFT JOIN CurrentValue c"
                + " ON c.pointId = p.id WHERE p.facility IN :facilities AND p.enabled = true"
                + " ORDER BY p.displayOrder, p.id", Object[].class)
                .setParameter("facilities", facilities)
                .getResultList();
        for (Object[] row : rows) {
            MeasurementPoint p = (MeasurementPoint) row[0];
            CurrentValue c = (CurrentValue) row[1];
            Double value = c == null ? null : c.getValue();
            pointsByFacility.computeIfAbsent(p.getFacility().getId(), k -> new ArrayList<>())
                    .add(new PointValue(p.getId(), p.getCode(), p.getName(), p.getKind(), p.getUnit(),
                            p.getDecimals(), value == null ? null : StateLabels.label(p.getStateLabels(), value),
                            value, c == null ? null : c.getSampleTime(), c == null ? null : c.getQuality(),
                            c != null && c.getSampleTime().isBefore(
                                    lostBefore.getOrDefault(p.getDevice().getId(), defaultLostBefore))));
        }

        Map<Long, List<FieldDevice>> devicesByFacility = new HashMap<>();
        for (FieldDevice d : em.createQuery("SELECT d FROM FieldDevice d WHERE d.facility IN :facilities"
                + " AND d.enabled = true", FieldDevice.class)
                .setParameter("facilities", facilities)
                .getResultList()) {
            devicesByFacility.computeIfAbsent(d.getFacility().getId(), k -> new ArrayList<>()).add(d);
        }

        Map<Long, Long> alarms = new HashMap<>();
        // by the attention index: the alarm history is long, the alarms needing attention few
        for (Object[] row : em.createQuery("SELECT a.facilityId, COUNT(a) FROM Alarm a WHERE a.organisationId = :org"
                + " AND a.needsAttention = true AND a.facilityId IN :ids GROUP BY a.facilityId", Object[].class)
                .setParameter("org", facilities.get(0).getOrganisation().getId())
                .setParameter("ids", facilities.stream().map(Facility::getId).toList()).getResultList()) {
            alarms.put((Long) row[0], (Long) row[1]);
        }

        List<FacilityOverview> result = new ArrayList<>(facilities.size());
        for (Facility f : facilities) {
            List<FieldDevice> devices = devicesByFacility.getOrDefault(f.getId(), List.of());
            Instant lastSeen = devices.stream().map(FieldDevice::getLastSeenAt).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            List<DeviceStatus> statuses = devices.stream().sorted(Comparator.comparing(FieldDevice::getCode))
                    .map(d -> new DeviceStatus(d.getCode(), d.getName(), d.getLastSeenAt(), d.getLastSeenAt() != null
                            && !d.getLastSeenAt().isBefore(lostBefore.getOrDefault(d.getId(), defaultLostBefore))))
                    .toList();
            // every device must have reported recently, not just one of them
            boolean ok = !statuses.isEmpty() && statuses.stream().allMatch(DeviceStatus::communicationOk);
            result.add(new FacilityOverview(f.getId(), f.getCode(), f.getName(), f.getKind(), lastSeen, ok, statuses,
                    List.copyOf(pointsByFacility.getOrDefault(f.getId(), List.of())),
                    alarms.getOrDefault(f.getId(), 0L).intValue()));
        }
        return result;
    }
}
