package jp.suijin.persistence.facility;

/** The quality flag a field device attaches to a sample; stored as its code. */
public enum Quality {
    GOOD(0),
    UNCERTAIN(1),
    BAD(2);

    private final int code;

    Quality(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Quality ofCode(int code) {
        for (Quality q : values()) {
            if (q.code == code) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown quality code " + code);
    }
}
