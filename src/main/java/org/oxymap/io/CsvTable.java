package org.oxymap.io;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** Result tables as CSV with a header row. */
public final class CsvTable {

    private CsvTable() {
    }

    public static void write(Path file, List<String> header, List<List<Object>> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord(header);
            for (List<Object> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("row has " + row.size() + " cells, header " + header.size());
                }
                p.printRecord(row);
            }
        }
    }

    /** Reads a CSV with a header row into maps from column name to cell text. */
    public static List<Map<String, String>> read(Path file) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                    .get().parse(r)) {
                out.add(rec.toMap());
            }
        }
        return out;
    }
}
