package jp.suijin.admin.internal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jp.suijin.admin.AdministrationException;
import jp.suijin.admin.OrganisationModel;
import jp.suijin.admin.DeviceRow;
import jp.suijin.admin.DeviceToken;
import jp.suijin.admin.FacilityDetail;
import jp.suijin.admin.FacilityForm;
import jp.suijin.admin.FacilityRow;
import jp.suijin.admin.ModelAdministration;
import jp.suijin.admin.PointForm;
import jp.suijin.admin.PointRow;
import jp.suijin.auth.Caller;
import jp.suijin.auth.CallerLookup;
import jp.suijin.auth.PasswordHasher;
import jp.suijin.auth.Roles;
import jp.suijin.auth.SecureTokens;
import jp.suijin.persistence.Organisation;
import jp.suijin.persistence.facility.Facility;
import jp.suijin.persistence.facility.FieldDevice;
import jp.suijin.persistence.facility.MeasurementPoint;
import jp.suijin.persistence.facility.PointKind;
import jp.suijin.telemetry.IngestService;
import jp.suijin.telemetry.StateLabels;

/**
 * Every input is checked before anything is written, so a refused call leaves nothing behind; codes
 * are checked for duplicates first, and a duplicate that slips in between (two administrators at
 * once) is caught at the flush and answered the same way.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class DefaultModelAdministration implements ModelAdministration {

    static final int MAX_DISPLAY_ORDER = 9999;
    static final int MAX_DECIMALS = 6;
    private static final Pattern FACILITY_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    private static final Pattern DEVICE_OR_POINT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @Inject
    private CallerLookup callers;

    @Inject
    private Clock clock;

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @Inject
    private OrganisationModel model;

    @Override
    public List<FacilityRow> facilities() {
        Caller caller = callers.current();
        long org = caller.requireOrganisation();
        Map<Long, Integer> devices = counts("SELECT d.facility.id, COUNT(d) FROM FieldDevice d"
                + " WHERE d.facility.organisation.id = :org GROUP BY d.facility.id", org);
        Map<Long, Integer> points = counts("SELECT p.facility.id, COUNT(p) FROM MeasurementPoint p"
                + " WHERE p.facility.organisation.id = :org GROUP BY p.facility.id", org);
        return em.createQuery("SELECT f FROM Facility f WHERE f.organisation.id = :org ORDER BY f.displayOrder, f.id",
                Facility.class).setParameter("org", org).getResultList().stream()
                .filter(f -> caller.maySee(f.getId()))
                .map(f -> row(f, devices.getOrDefault(f.getId(), 0), points.getOrDefault(f.getId(), 0)))
                .toList();
    }

    @Override
    public FacilityDetail facility(long facilityId) {
        Facility facility = model.facility(facilityId);
        List<DeviceRow> devices = em.createQuery("SELECT d FROM FieldDevice d WHERE d.facility = :facility"
                + " ORDER BY d.code", FieldDevice.class).setParameter("facility", facility).getResultList().stream()
                .map(d -> new DeviceRow(d.getId(), d.getCode(), d.getName(), d.isEnabled(), d.getLastSeenAt(),
                        d.getCreatedAt()))
                .toList();
        List<PointRow> points = em.createQuery("SELECT p FROM MeasurementPoint p JOIN FETCH p.device"
                + " WHERE p.facility = :facility ORDER BY p.displayOrder, p.id", MeasurementPoint.class)
                .setParameter("facility", facility).getResultList().stream()
                .map(p -> new PointRow(p.getId(), p.getDevice().getId(), p.getDevice().getCode(), p.getCode(),
                        p.getName(), p.getKind(), p.getUnit(), p.getRangeLow(), p.getRangeHigh(), p.getDecimals(),
                        p.getStateLabels(), p.getDisplayOrder(), p.isEnabled()))
                .toList();
        return new FacilityDetail(row(facility, devices.size(), points.size()), devices, points);
    }

    @Override
    public long createFacility(FacilityForm input) {
        Caller caller = callers.current();
        long org = caller.requireOrganisation();
        // the new facility would be outside their own limits at once: an unlimited administrator adds it
        if (!caller.facilityIds().isEmpty()) {
            throw new AdministrationException("facilityCode", "model.error.facilityLimited");
        }
        FacilityForm f = checked(input, org, null);
        Facility facility = new Facility(em.getReference(Organisation.class, org), f.facilityCode(), f.name(), f.kind(),
                f.displayOrder(), clock.instant());
        em.persist(facility);
        model.flushUnique("facilityCode", "model.error.facilityCodeTaken", f.facilityCode());
        return facility.getId();
    }

    @Override
    public void editFacility(long facilityId, FacilityForm input) {
        Facility facility = model.facility(facilityId);
        FacilityForm f = checked(input, facility.getOrganisation().getId(), facility.getId());
        facility.redefine(f.facilityCode(), f.name(), f.kind(), f.displayOrder());
        model.flushUnique("facilityCode", "model.error.facilityCodeTaken", f.facilityCode());
    }

    @Override
    public void setFacilityEnabled(long facilityId, boolean enabled) {
        model.facility(facilityId).setEnabled(enabled);
    }

    @Override
    public DeviceToken createDevice(long facilityId, String deviceCode, String name) {
        Facility facility = model.facility(facilityId);
        String code = code(deviceCode, DEVICE_OR_POINT_CODE, "deviceCode", "model.error.deviceCode");
        String checkedName = name(name, "deviceName", "model.error.deviceName");
        // unique within the organisation (V14); the device API finds a device by its token, not its code
        if (!em.createQuery("SELECT d.id FROM FieldDevice d WHERE d.organisation = :organisation AND d.code = :code")
                .setParameter("organisation", facility.getOrganisation()).setParameter("code", code)
                .getResultList().isEmpty()) {
            throw new AdministrationException("deviceCode", "model.error.deviceCodeTaken", code);
        }
        String token = SecureTokens.random();
        FieldDevice device = new FieldDevice(facility, code, checkedName, PasswordHasher.sha256(token), clock.instant());
        em.persist(device);
        model.flushUnique("deviceCode", "model.error.deviceCodeTaken", code);
        return new DeviceToken(device.getId(), code, token);
    }

    @Override
    public void renameDevice(long deviceId, String name) {
        model.device(deviceId).rename(name(name, "deviceName", "model.error.deviceName"));
    }

    @Override
    public void setDeviceEnabled(long deviceId, boolean enabled) {
        model.device(deviceId).setEnabled(enabled);
    }

    @Override
    public DeviceToken rotateDeviceToken(long deviceId) {
        FieldDevice device = model.device(deviceId);
        String token = SecureTokens.random();
        device.replaceTokenHash(PasswordHasher.sha256(token));
        return new DeviceToken(device.getId(), device.getCode(), token);
    }

    @Override
    public long createPoint(long facilityId, PointForm input) {
        Facility facility = model.facility(facilityId);
        Checked p = checked(input, facility, null);
        MeasurementPoint point = new MeasurementPoint(p.device, p.code, p.name, p.kind, p.displayOrder);
        p.applyTo(point);
        em.persist(point);
        model.flushUnique("pointCode", "model.error.pointCodeTaken", p.code, p.device.getCode());
        return point.getId();
    }

    @Override
    public void editPoint(long pointId, PointForm input) {
        MeasurementPoint point = model.point(pointId);
        Checked p = checked(input, point.getFacility(), point.getId());
        if (p.kind != point.getKind() && hasSamples(point)) {
            throw new AdministrationException("kind", "model.error.kindChange");
        }
        p.applyTo(point.redefine(p.device, p.code, p.name, p.kind, p.displayOrder));
        model.flushUnique("pointCode", "model.error.pointCodeTaken", p.code, p.device.getCode());
    }

    @Override
    public void setPointEnabled(long pointId, boolean enabled) {
        model.point(pointId).setEnabled(enabled);
    }

    private FacilityForm checked(FacilityForm f, long org, Long self) {
        if (f == null) {
            throw new AdministrationException("facilityCode", "model.error.facilityCode");
        }
        String code = code(f.facilityCode(), FACILITY_CODE, "facilityCode", "model.error.facilityCode");
        List<Long> same = em.createQuery("SELECT f.id FROM Facility f WHERE f.organisation.id = :org AND f.code = :code",
                Long.class).setParameter("org", org).setParameter("code", code).getResultList();
        if (same.stream().anyMatch(id -> !id.equals(self))) {
            throw new AdministrationException("facilityCode", "model.error.facilityCodeTaken", code);
        }
        String name = name(f.name(), "facilityName", "model.error.facilityName");
        if (f.kind() == null) {
            throw new AdministrationException("kind", "model.error.facilityKind");
        }
        return new FacilityForm(code, name, f.kind(), displayOrder(f.displayOrder()));
    }

    /** A point's input, checked against its facility and normalised to what its kind stores. */
    private Checked checked(PointForm p, Facility facility, Long self) {
        if (p == null || p.deviceId() == null) {
            throw new AdministrationException("device", "model.error.pointDevice");
        }
        FieldDevice device = em.find(FieldDevice.class, p.deviceId());
        if (device == null || !device.getFacility().getId().equals(facility.getId())) {
            throw new AdministrationException("device", "model.error.pointDevice");
        }
        String code = code(p.pointCode(), DEVICE_OR_POINT_CODE, "pointCode", "model.error.pointCode");
        List<Long> same = em.createQuery("SELECT p.id FROM MeasurementPoint p WHERE p.device = :device"
                + " AND p.code = :code", Long.class).setParameter("device", device).setParameter("code", code)
                .getResultList();
        if (same.stream().anyMatch(id -> !id.equals(self))) {
            throw new AdministrationException("pointCode", "model.error.pointCodeTaken", code, device.getCode());
        }
        String name = name(p.name(), "pointName", "model.error.pointName");
        if (p.kind() == null) {
            throw new AdministrationException("kind", "model.error.pointKind");
        }
        int order = displayOrder(p.displayOrder());
        if (p.kind() == PointKind.STATE) {
            try {
                return new Checked(device, code, name, p.kind(), order, null, null, null, 0,
                        StateLabels.normalise(p.stateLabels()));
            } catch (StateLabels.InvalidLabels e) {
                throw new AdministrationException("stateLabels", "model.error.stateLabels." + e.problem(),
                        e.entry() == null ? "" : e.entry(), StateLabels.MAX_LENGTH);
            }
        }
        String unit = p.unit() == null || p.unit().isBlank() ? null : p.unit().strip();
        if (unit != null && unit.length() > 16) {
            throw new AdministrationException("unit", "model.error.unit", 16);
        }
        if (p.decimals() == null || p.decimals() < 0 || p.decimals() > MAX_DECIMALS) {
            throw new AdministrationException("decimals", "model.error.decimals", 0, MAX_DECIMALS);
        }
        Double low = finite(p.rangeLow(), "rangeLow");
        Double high = finite(p.rangeHigh(), "rangeHigh");
        if (p.kind() == PointKind.ANALOG) {
            // ingest refuses values outside the range, so an analog point must have one
            if (low == null || high == null) {
                throw new AdministrationException(low == null ? "rangeLow" : "rangeHigh", "model.error.rangeRequired");
            }
            if (low >= high) {
                throw new AdministrationException("rangeHigh", "model.error.range", low, high);
            }
            return new Checked(device, code, name, p.kind(), order, unit, low, high, p.decimals(), null);
        }
        // a counter counts from 0 and returns to 0 at its roll-over (RollupStats): no lower range but 0
        if (low != null && low != 0) {
            throw new AdministrationException("rangeLow", "model.error.counterLow");
        }
        if (high != null && high <= 0) {
            throw new AdministrationException("rangeHigh", "model.error.rollover");
        }
        return new Checked(device, code, name, p.kind(), order, unit, null, high, p.decimals(), null);
    }

    private record Checked(FieldDevice device, String code, String name, PointKind kind, int displayOrder,
            String unit, Double rangeLow, Double rangeHigh, int decimals, String stateLabels) {

        void applyTo(MeasurementPoint point) {
            point.withScale(unit, rangeLow, rangeHigh, decimals).withStateLabels(stateLabels);
        }
    }

    private static Double finite(Double value, String field) {
        if (value != null && !Double.isFinite(value)) {
            throw new AdministrationException(field, "model.error.number");
        }
        // ingest refuses values beyond it, and a counter's roll-over enters its increases (RollupStats)
        if (value != null && Math.abs(value) > IngestService.MAX_VALUE_MAGNITUDE) {
            throw new AdministrationException(field, "model.error.rangeMagnitude", IngestService.MAX_VALUE_MAGNITUDE);
        }
        return value;
    }

    private static String code(String value, Pattern pattern, String field, String problem) {
        String code = value == null ? "" : value.strip();
        if (!pattern.matcher(code).matches()) {
            throw new AdministrationException(field, problem);
        }
        return code;
    }

    private static String name(String value, String field, String problem) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new AdministrationException(field, problem);
        }
        return name;
    }

    private static int displayOrder(Integer order) {
        if (order == null || order < 0 || order > MAX_DISPLAY_ORDER) {
            throw new AdministrationException("displayOrder", "model.error.displayOrder");
        }
        return order;
    }

    /**
     * Whether the point ever reported: its current value stays when the raw samples are purged, and its
     * statistics, kept for years, would be read in the new kind's sense.
     */
    private boolean hasSamples(MeasurementPoint point) {
        return !em.createNativeQuery("SELECT 1 FROM point_current WHERE point_id = ?").setParameter(1, point.getId())
                .getResultList().isEmpty();
    }

    /**
     * Writes now, so a duplicate code another administrator saved meanwhile is refused by its unique key
     * here, by name, instead of failing the commit.
     */

    private Map<Long, Integer> counts(String query, long org) {
        Map<Long, Integer> counts = new HashMap<>();
        for (Object[] row : em.createQuery(query, Object[].class).setParameter("org", org).getResultList()) {
            counts.put((Long) row[0], ((Number) row[1]).intValue());
        }
        return counts;
    }

    private static FacilityRow row(Facility f, int devices, int points) {
        return new FacilityRow(f.getId(), f.getCode(), f.getName(), f.getKind(), f.getDisplayOrder(), f.isEnabled(),
                devices, points);
    }
}
