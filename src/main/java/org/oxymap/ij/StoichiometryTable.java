package org.oxymap.ij;

import java.util.List;
import java.util.Map;

import ij.IJ;
import ij.measure.ResultsTable;

import org.oxymap.core.stoichiometry.StoichiometryResult;
import org.oxymap.io.StoichiometryRunner;

/**
 * The stoichiometry result as one row of an ImageJ ResultsTable, columns named like the JSON keys, so that a macro
 * looping over samples collects one row per sample and can read any value with {@code Table.get}.
 */
public final class StoichiometryTable {

    /** Title of the table that successive runs append to. */
    public static final String TITLE = "OxyMap Stoichiometry";

    private StoichiometryTable() {
    }

    /** Appends the result as a new row of {@code table}. */
    public static ResultsTable addRow(ResultsTable table, StoichiometryResult r) {
        table.incrementCounter();
        for (Map.Entry<String, Object> e : r.toMap().entrySet()) {
            Object v = e.getValue();
            if (v instanceof Number n) {
                table.addValue(e.getKey(), n.doubleValue());
            } else if (v instanceof List<?> list) {
                table.addValue(e.getKey(), list.isEmpty() ? "" : String.join("; ", list.stream().map(String::valueOf)
                        .toList()));
            } else {
                table.addValue(e.getKey(), String.valueOf(v));
            }
        }
        return table;
    }

    /**
     * Shows the result for a person: a row in the "OxyMap Stoichiometry" table, the full listing and the warnings in
     * the Log window. Headless, only the log lines are written.
     */
    public static void present(StoichiometryRunner.Outcome outcome) {
        IJ.log(StoichiometryRunner.summary(outcome).stripTrailing());
        if (MacroDialog.headless()) {
            return;
        }
        ResultsTable table = ResultsTable.getResultsTable(TITLE);
        if (table == null) {
            table = new ResultsTable();
        }
        addRow(table, outcome.result()).show(TITLE);
        if (!outcome.result().warnings().isEmpty()) {
            IJ.showStatus(TITLE + ": " + outcome.result().warnings().size() + " warning(s), see the Log window");
        }
    }
}
