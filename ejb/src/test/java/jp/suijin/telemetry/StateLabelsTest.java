package jp.suijin.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.TreeMap;
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

    @Test
    void parsesInStateOrderAndWritesTheWayLabelReadsThem() {
        assertEquals(new TreeMap<>(Map.of(0L, "正常", 1L, "故障")), StateLabels.parse("1=故障; 0 = 正常;"));
        String written = StateLabels.normalise("1＝故障；0＝正常");
        assertEquals("0=正常;1=故障", written);
        assertEquals("故障", StateLabels.label(written, 1));
    }

    @Test
    void namesTheProblemAndTheEntryAtFault() {
        assertProblem(StateLabels.Problem.EMPTY, null, " ; ");
        assertProblem(StateLabels.Problem.EMPTY, null, null);
        assertProblem(StateLabels.Problem.NOT_AN_ENTRY, "運転", "0=停止;運転");
        assertProblem(StateLabels.Problem.NOT_AN_ENTRY, "=運転", "=運転");
        assertProblem(StateLabels.Problem.NOT_A_STATE, "x=運転", "x=運転");
        assertProblem(StateLabels.Problem.NOT_A_STATE, "1.5=運転", "1.5=運転");
        assertProblem(StateLabels.Problem.NOT_A_STATE, "-1=運転", "-1=運転");
        assertProblem(StateLabels.Problem.NOT_A_STATE, "10000=運転", "10000=運転");
        assertProblem(StateLabels.Problem.DUPLICATE_STATE, "1=運転", "1=停止;1=運転");
        assertProblem(StateLabels.Problem.EMPTY_LABEL, "1=", "0=停止;1=");
        StateLabels.InvalidLabels tooLong = assertThrows(StateLabels.InvalidLabels.class,
                () -> StateLabels.normalise("0=" + "長".repeat(StateLabels.MAX_LENGTH)));
        assertEquals(StateLabels.Problem.TOO_LONG, tooLong.problem());
    }

    private static void assertProblem(StateLabels.Problem problem, String entry, String labels) {
        StateLabels.InvalidLabels e = assertThrows(StateLabels.InvalidLabels.class, () -> StateLabels.parse(labels));
        assertEquals(problem, e.problem(), labels);
        assertEquals(entry, e.entry(), labels);
    }
}
