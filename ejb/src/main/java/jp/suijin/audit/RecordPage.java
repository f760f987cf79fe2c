package jp.suijin.audit;

import java.io.Serializable;
import java.util.List;

/**
 * One page of records, newest first, and whether there are more beyond it in the direction it
 * was read ({@link Seek#newer()}): there is no total, counting tens of millions of rows is not free.
 */
public record RecordPage<T extends Serializable>(List<T> rows, boolean more) implements Serializable {
}
