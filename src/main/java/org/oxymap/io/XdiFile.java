package org.oxymap.io;

import java.util.List;
import java.util.Map;

/**
 * The content of an XDI file (XAS Data Interchange, version 1.0): header fields ({@code Family.key: value}, keys as
 * written), the free comment lines after {@code # ///}, the column names by position (from {@code Column.N}) and
 * the data columns.
 *
 * @param fields   header fields, in file order
 * @param comments user comment lines, without the leading {@code #}
 * @param columns  lower-case column names, index 0 = Column.1; a missing Column.N is named {@code colN}
 * @param units    units of each column as written after the name, or "" when none
 * @param data     data[c][i]: column c, row i
 */
public record XdiFile(Map<String, String> fields, List<String> comments, List<String> columns, List<String> units,
        double[][] data) {

    /** Index of the named column (case-insensitive), or −1. */
    public int column(String name) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).equalsIgnoreCase(name)) {
                return c;
            }
        }
        return -1;
    }

    /** A header field by its key, case-insensitive, or null. */
    public String field(String key) {
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    public int rows() {
        return data.length == 0 ? 0 : data[0].length;
    }
}
