package org.oxymap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The step clock splits a run at each step's first report: known sleeps give known step times, in order. */
class StepClockTest {

    @Test
    void stepsRunFromTheirFirstReportToTheNextStepsFirst() throws InterruptedException {
        StepClock clock = new StepClock();
        clock.progress("alignment", 0, 3);
        Thread.sleep(120);
        clock.progress("alignment", 3, 3); // later reports of a step do not split it
        clock.checkCancelled("fit: band 1");
        Thread.sleep(60);
        clock.progress("fit: band 2", 1, 2);
        clock.stop();
        Map<String, double[]> s = clock.seconds();
        assertEquals(List.of("start", "alignment", "fit"), List.copyOf(s.keySet()));
        assertTrue(s.get("alignment")[0] >= 0.12 && s.get("alignment")[0] < 0.5, "alignment " + s.get("alignment")[0]);
        assertTrue(s.get("fit")[0] >= 0.06 && s.get("fit")[0] < 0.4, "fit " + s.get("fit")[0]);
        assertTrue(s.get("alignment")[1] >= 0, "process CPU time measured: " + s.get("alignment")[1]);
        assertTrue(clock.summary().startsWith("start 0.00 s") && clock.summary().contains("alignment 0.1"),
                clock.summary());
    }
}
