package org.oxymap.command;

import java.util.Map;

import ij.measure.ResultsTable;

import org.oxymap.ij.StepResult;

/** Checks and output plumbing shared by the per-step commands. */
final class Steps {

    private Steps() {
    }

    static void require(Object value, String key) {
        if (value == null) {
            throw new IllegalArgumentException("parameter " + key + " is not set");
        }
    }

    static ResultsTable table(StepResult r, String title) {
        Map<String, ResultsTable> t = r.tables();
        if (!t.containsKey(title)) {
            throw new IllegalStateException("the step made no table '" + title + "'");
        }
        return t.get(title);
    }

}
