package jp.suijin.persistence.facility;

/** How a measurement point's values are read: a physical quantity, a discrete state or a running total. */
public enum PointKind {
    ANALOG,
    STATE,
    COUNTER
}
