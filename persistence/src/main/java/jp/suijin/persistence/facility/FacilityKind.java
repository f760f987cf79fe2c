package jp.suijin.persistence.facility;

/** The kinds of unmanned facility a water utility runs. */
public enum FacilityKind {
    PURIFICATION_PLANT,
    DISTRIBUTION_RESERVOIR,
    PUMPING_STATION,
    SEWAGE_PLANT,
    SEWAGE_PUMPING_STATION
}
