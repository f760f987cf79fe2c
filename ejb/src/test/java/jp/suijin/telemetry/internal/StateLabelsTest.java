package jp.suijin.telemetry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StateLabelsTest {

    @Test
    void findsTheLabelOfAWholeState() {
        assertEquals("運転", StateLabels.label("0=停止;1=運転", 1));
        assertEquals("停止", StateLabels.label(" 0 = 停止 ; 1 = 運転 ", 0));
    }

    @Test
    void unknownOrFractionalStatesHaveNoLabel() {
        assertNull(StateLabels.label("0=停止;1=運転", 2));
        assertNull(StateLabels.label("0=停止;1=運転", 0.5));
        assertNull(StateLabels.label(null, 1));
    }
}
