package org.oxymap.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads Athena project files ({@code .prj}, gzip-compressed or plain): Perl Data::Dumper records of the form
 * <pre>
 * $old_group = 'tlum';
 * &#64;args = ('label','MnO','bkg_e0','6544.685',...);
 * &#64;x = ('6360.7299',...);
 * &#64;y = ('0.002238',...);
 * [record]
 * </pre>
 * The file is parsed as data, never evaluated: only quoted strings, numbers, barewords and nested brackets are
 * accepted inside the lists, and {@code @x}/{@code @y} items must be numbers. Statements other than
 * {@code $old_group}, {@code @args}, {@code @x}, {@code @y} and {@code [record]} (Demeter's {@code $xdi = bless(...)},
 * {@code @i0}, {@code @journal}, {@code %plot_features}, ...) are skipped.
 */
public final class AthenaProjectReader {

    private AthenaProjectReader() {
    }

    /** Every group of the file, in file order. Errors name the file and line. */
    public static List<AthenaGroup> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "Athena project file not found");
        }
        List<AthenaGroup> groups = new ArrayList<>();
        int lineNo = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            String line;
            boolean sawHeader = false;
            int groupLine = -1;
            Map<String, String> args = null;
            double[] x = null;
            double[] y = null;
            try {
                while ((line = r.readLine()) != null) {
                    lineNo++;
                    String t = line.strip();
                    if (t.isEmpty()) {
                        continue;
                    }
                    if (!sawHeader) {
                        if (!t.startsWith("# Athena project file")) {
                            throw new IOException(file + ", line " + lineNo + ": not an Athena project file "
                                    + "(expected '# Athena project file' on the first line)");
                        }
                        sawHeader = true;
                        continue;
                    }
                    if (t.startsWith("$old_group")) {
                        if (groupLine > 0) {
                            throw new IOException(file + ", line " + lineNo + ": a new group starts before the group "
                                    + "of line " + groupLine + " ended with [record]");
                        }
                        groupLine = lineNo;
                        args = null;
                        x = null;
                        y = null;
                    } else if (t.startsWith("@args")) {
                        List<String> items = PerlList.parse(t, "@args", file, lineNo);
                        if (items.size() % 2 != 0) {
                            throw new IOException(file + ", line " + lineNo + ": @args holds " + items.size()
                                    + " items, expected key-value pairs");
                        }
                        args = new LinkedHashMap<>();
                        for (int i = 0; i < items.size(); i += 2) {
                            args.put(items.get(i), items.get(i + 1));
                        }
                    } else if (t.startsWith("@x ") || t.startsWith("@x=")) {
                        x = numbers(PerlList.parse(t, "@x", file, lineNo), "@x", file, lineNo);
                    } else if (t.startsWith("@y ") || t.startsWith("@y=")) {
                        y = numbers(PerlList.parse(t, "@y", file, lineNo), "@y", file, lineNo);
                    } else if (t.startsWith("[record]")) {
                        if (groupLine < 0) {
                            throw new IOException(file + ", line " + lineNo + ": [record] without a $old_group");
                        }
                        groups.add(finish(file, groupLine, groups.size() + 1, args, x, y));
                        groupLine = -1;
                    }
                }
            } catch (EOFException | ZipException e) {
                throw new IOException(file + ", line " + (lineNo + 1) + ": the compressed file ends early or is "
                        + "damaged (" + e.getMessage() + "): truncated download?", e);
            }
            if (!sawHeader) {
                throw new IOException(file + ": empty file, expected an Athena project");
            }
            if (groupLine > 0) {
                throw new IOException(file + ", line " + lineNo + ": the file ends inside the group that starts at "
                        + "line " + groupLine + " (no [record]): truncated file?");
            }
        }
        if (groups.isEmpty()) {
            throw new IOException(file + ": no data group ($old_group ... [record]) in the Athena project");
        }
        return groups;
    }

    /**
     * One group by label (exact, then ignoring case and surrounding spaces) or by 1-based index ({@code "3"}).
     *
     * @throws IOException naming the labels present when none or several match
     */
    public static AthenaGroup select(List<AthenaGroup> groups, String which, Path file) throws IOException {
        List<AthenaGroup> exact = groups.stream().filter(g -> g.label().equals(which)).toList();
        List<AthenaGroup> loose = exact.isEmpty()
                ? groups.stream().filter(g -> g.label().strip().equalsIgnoreCase(which.strip())).toList() : exact;
        if (loose.size() == 1) {
            return loose.get(0);
        }
        if (loose.size() > 1) {
            throw new IOException(file + ": " + loose.size() + " groups are labelled '" + which + "' (numbers "
                    + loose.stream().map(g -> String.valueOf(g.index())).toList() + "): select one by number, e.g. "
                    + file.getFileName() + "#" + loose.get(0).index());
        }
        if (which.strip().matches("\\d+")) {
            int k = Integer.parseInt(which.strip());
            if (k >= 1 && k <= groups.size()) {
                return groups.get(k - 1);
            }
        }
        throw new IOException(file + ": no group '" + which + "'; the groups are "
                + groups.stream().map(g -> g.index() + ": " + g.label()).toList());
    }

    private static AthenaGroup finish(Path file, int line, int index, Map<String, String> args, double[] x,
            double[] y) throws IOException {
        String where = file + ", group of line " + line;
        if (args == null || x == null || y == null) {
            throw new IOException(where + ": missing " + (args == null ? "@args" : x == null ? "@x" : "@y")
                    + " before [record]");
        }
        if (x.length != y.length) {
            throw new IOException(where + ": @x has " + x.length + " values but @y " + y.length);
        }
        if (x.length < 2) {
            throw new IOException(where + ": " + x.length + " data points, expected at least 2");
        }
        String label = args.getOrDefault("label", "group" + index);
        return new AthenaGroup(label, index, line, x, y, Map.copyOf(args));
    }

    private static double[] numbers(List<String> items, String what, Path file, int lineNo) throws IOException {
        double[] v = new double[items.size()];
        for (int i = 0; i < v.length; i++) {
            try {
                v[i] = Double.parseDouble(items.get(i).strip());
            } catch (NumberFormatException e) {
                String s = items.get(i);
                throw new IOException(file + ", line " + lineNo + ": item " + (i + 1) + " of " + what + " is '"
                        + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "', expected a number");
            }
            if (!Double.isFinite(v[i])) {
                throw new IOException(file + ", line " + lineNo + ": item " + (i + 1) + " of " + what
                        + " is not a finite number");
            }
        }
        return v;
    }

    /** A tokenizer for one Perl list assignment {@code @name = ( item, item, ... );}. */
    static final class PerlList {
        private final String s;
        private final Path file;
        private final int lineNo;
        private final String name;
        private int pos;

        private PerlList(String s, String name, Path file, int lineNo) {
            this.s = s;
            this.name = name;
            this.file = file;
            this.lineNo = lineNo;
        }

        static List<String> parse(String statement, String name, Path file, int lineNo) throws IOException {
            PerlList p = new PerlList(statement, name, file, lineNo);
            p.expect(name);
            p.skipSpace();
            p.expect("=");
            p.skipSpace();
            p.expect("(");
            List<String> items = new ArrayList<>();
            while (true) {
                p.skipSpace();
                if (p.peek() == ')') {
                    p.pos++;
                    break;
                }
                items.add(p.item());
                p.skipSpace();
                char c = p.peek();
                if (c == ',') {
                    p.pos++;
                } else if (c == '=' && p.pos + 1 < p.s.length() && p.s.charAt(p.pos + 1) == '>') {
                    p.pos += 2;
                } else if (c != ')') {
                    throw p.error("expected ',' or ')' after item " + items.size());
                }
            }
            p.skipSpace();
            p.expect(";");
            p.skipSpace();
            if (p.pos != p.s.length()) {
                throw p.error("unexpected text after the list");
            }
            return items;
        }

        private String item() throws IOException {
            char c = peek();
            if (c == '\'' || c == '"') {
                return quoted();
            }
            if (c == '[' || c == '{') {
                int start = pos;
                skipNested();
                return s.substring(start, pos);
            }
            int start = pos;
            while (pos < s.length()) {
                char d = s.charAt(pos);
                if (Character.isLetterOrDigit(d) || d == '.' || d == '-' || d == '+' || d == '_') {
                    pos++;
                } else {
                    break;
                }
            }
            if (pos == start) {
                throw error("unexpected '" + c + "' (only quoted strings, numbers and nested lists are read)");
            }
            return s.substring(start, pos);
        }

        private String quoted() throws IOException {
            char q = s.charAt(pos++);
            StringBuilder b = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '\\' && pos < s.length()) {
                    b.append(s.charAt(pos++));
                } else if (c == q) {
                    return b.toString();
                } else {
                    b.append(c);
                }
            }
            throw error("unterminated string: truncated line?");
        }

        private void skipNested() throws IOException {
            int depth = 0;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\'' || c == '"') {
                    quoted();
                    continue;
                }
                if (c == '[' || c == '{' || c == '(') {
                    depth++;
                } else if (c == ']' || c == '}' || c == ')') {
                    depth--;
                    if (depth == 0) {
                        pos++;
                        return;
                    }
                }
                pos++;
            }
            throw error("unterminated nested list: truncated line?");
        }

        private char peek() throws IOException {
            if (pos >= s.length()) {
                throw error("the line ends inside the list: truncated file?");
            }
            return s.charAt(pos);
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private void expect(String token) throws IOException {
            if (!s.startsWith(token, pos)) {
                throw error("expected '" + token + "'");
            }
            pos += token.length();
        }

        private IOException error(String what) {
            return new IOException(file + ", line " + lineNo + ", column " + (pos + 1) + ", in " + name + ": " + what);
        }
    }
}
