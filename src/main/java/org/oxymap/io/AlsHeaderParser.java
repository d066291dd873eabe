package org.oxymap.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the text header ({@code .hdr}) that ALS-style STXM control software (and SDF writers at other beamlines)
 * save next to each scan. The syntax is {@code Key = value;} pairs, nested {@code { }} blocks and {@code ( , )}
 * arrays whose first element is the element count, with double-quoted strings:
 *
 * <pre>
 * ScanDefinition = { Label = "x.hdr"; Dwell = 4;
 *     Regions = (1, { PAxis = { Name = "Sample X"; Points = (3, 0.0, 0.1, 0.2); }; });
 *     StackAxis = { Points = (2, 853.0, 857.75); }; };
 * Image003_0 = {Energy = 853.00;};
 * </pre>
 *
 * <p>A block becomes a {@code Map<String, Object>} (keys in file order), an array a {@code List<Object>} with the
 * count still in front, and every scalar a String (quotes removed). Nesting is limited so that a damaged file cannot
 * exhaust the stack.
 */
final class AlsHeaderParser {

    private static final int MAX_DEPTH = 64;

    private final Path file;
    private final String text;
    private int pos;
    private int line = 1;

    private AlsHeaderParser(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    /** The header's top-level block. */
    static Map<String, Object> parse(Path file, String text) throws IOException {
        AlsHeaderParser p = new AlsHeaderParser(file, text);
        Map<String, Object> top = p.members(0, false);
        if (top.isEmpty()) {
            throw new IOException(file + ": no 'Key = value;' entries found; expected an STXM .hdr header");
        }
        return top;
    }

    private IOException error(String expected) {
        String near = pos < text.length() ? "'" + text.substring(pos, Math.min(text.length(), pos + 20))
                .replaceAll("\\s+", " ") + "'" : "the end of the file";
        return new IOException(file + ", line " + line + ": expected " + expected + " but found " + near);
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
            } else if (!Character.isWhitespace(c) && c != '\0') {
                return;
            }
            pos++;
        }
    }

    private boolean atEnd() {
        skipSpace();
        return pos >= text.length();
    }

    private char peek() {
        skipSpace();
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private static boolean isPunct(char c) {
        return c == '{' || c == '}' || c == '(' || c == ')' || c == '=' || c == ';' || c == ',' || c == '"';
    }

    private String word() throws IOException {
        skipSpace();
        int start = pos;
        while (pos < text.length() && !isPunct(text.charAt(pos)) && !Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error("a name or a value");
        }
        return text.substring(start, pos);
    }

    private String quoted() throws IOException {
        int startLine = line;
        pos++; // opening quote
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != '"') {
            if (text.charAt(pos) == '\n') {
                line++;
            }
            pos++;
        }
        if (pos >= text.length()) {
            throw new IOException(file + ", line " + startLine + ": a quoted string is never closed");
        }
        return text.substring(start, pos++);
    }

    /** Key = value; ... up to '}' (inside a block) or the end of the file (top level). */
    private Map<String, Object> members(int depth, boolean inBlock) throws IOException {
        if (depth > MAX_DEPTH) {
            throw error("at most " + MAX_DEPTH + " nested blocks");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        while (true) {
            if (atEnd()) {
                if (inBlock) {
                    throw error("'}' closing a block");
                }
                return m;
            }
            char c = peek();
            if (c == ';' || c == ',') {
                pos++;
                continue;
            }
            if (c == '}') {
                if (!inBlock) {
                    throw error("a 'Key = value;' entry");
                }
                pos++;
                return m;
            }
            String key = c == '"' ? quoted() : word();
            if (peek() != '=') {
                throw error("'=' after '" + key + "'");
            }
            pos++;
            m.put(key, value(depth + 1));
        }
    }

    private Object value(int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw error("at most " + MAX_DEPTH + " nested blocks");
        }
        char c = peek();
        if (c == '{') {
            pos++;
            return members(depth, true);
        }
        if (c == '(') {
            pos++;
            return array(depth);
        }
        if (c == '"') {
            return quoted();
        }
        if (c == ';' || c == ',' || c == ')' || c == '}') {
            return ""; // an empty value, e.g. "Name = ;"
        }
        return word();
    }

    private List<Object> array(int depth) throws IOException {
        List<Object> items = new ArrayList<>();
        while (true) {
            if (atEnd()) {
                throw error("')' closing an array");
            }
            char c = peek();
            if (c == ')') {
                pos++;
                return items;
            }
            if (c == ',' || c == ';' || c == '}') {
                pos++; // separators; a stray '}' is a known slip of some SDF converters
                continue;
            }
            items.add(value(depth + 1));
        }
    }
}
