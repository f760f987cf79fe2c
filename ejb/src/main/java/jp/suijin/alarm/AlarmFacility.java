package jp.suijin.alarm;

import java.io.Serializable;
import java.util.List;

/** A facility the caller may see, with its measurement points, for choosing in filters. */
public record AlarmFacility(long id, String name, List<Point> points) implements Serializable {

    public record Point(long id, String code, String name) implements Serializable {
    }
}
