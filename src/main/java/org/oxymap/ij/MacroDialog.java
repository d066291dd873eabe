package org.oxymap.ij;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import ij.Macro;
import ij.gui.GenericDialog;

/**
 * A GenericDialog that also works without a display. ImageJ 1.x's dialog is an AWT window and cannot even be
 * constructed headless, so there the values are read straight from the macro options, with the same keys the
 * dialog would record (each label is its own key) and the same defaults for keys left out.
 */
final class MacroDialog {

    private record Field(String kind, String key, String defaultValue) {
    }

    private final String title;
    private final List<Field> fields = new ArrayList<>();
    private Set<String> addedLater = Set.of();
    private GenericDialog gd;
    private String options;
    /** The macro options the dialog was run with (headless or not), or null when a person filled it in. */
    private String macroOptions;
    private int next;

    MacroDialog(String title) {
        this.title = title;
    }

    static boolean headless() {
        return GraphicsEnvironment.isHeadless();
    }

    void addString(String key, String defaultValue) {
        fields.add(new Field("s", key, defaultValue));
    }

    /** A path field with a Browse button for a file (in headless mode a plain key like any other). */
    void addFile(String key, String defaultValue) {
        fields.add(new Field("f", key, defaultValue));
    }

    /** A path field with a Browse button for a folder. */
    void addDirectory(String key, String defaultValue) {
        fields.add(new Field("d", key, defaultValue));
    }

    void addNumber(String key, double defaultValue) {
        fields.add(new Field("n", key, Double.toString(defaultValue)));
    }

    /** A checkbox; in a macro, as in ImageJ's own dialogs, the key present as a word means checked. */
    void addCheckbox(String key, boolean defaultValue) {
        fields.add(new Field("b", key, Boolean.toString(defaultValue)));
    }

    void addChoice(String key, String[] choices, String defaultValue) {
        fields.add(new Field("c:" + String.join(",", choices), key, defaultValue));
    }

    /**
     * Keys added to the dialog after its macro line was documented. A macro line that names none of them (one
     * recorded before they existed) runs with their defaults, checkboxes included: otherwise a checkbox whose
     * default is on would read as off there, since a macro line names only the checked boxes. A line that names
     * any of them is read as the recorder writes it: a checkbox missing from it is off. Each call adds keys.
     */
    void addedLater(String... keys) {
        Set<String> all = new java.util.HashSet<>(addedLater);
        all.addAll(List.of(keys));
        addedLater = Set.copyOf(all);
    }

    /** Shows the dialog (or reads the macro options headless); false if the user cancelled. */
    boolean show() {
        macroOptions = Macro.getOptions();
        if (headless()) {
            options = macroOptions;
            if (options == null) {
                throw new IllegalArgumentException(title + " runs headless only from a macro or with macro options, "
                        + "e.g. " + String.join(" ", fields.stream()
                                .map(f -> f.kind().equals("b") ? "[" + f.key() + "]" : f.key() + "=...").toList()));
            }
            return true;
        }
        gd = new GenericDialog(title);
        for (Field f : fields) {
            if (f.kind().equals("s")) {
                gd.addStringField(f.key(), f.defaultValue(), 40);
            } else if (f.kind().equals("f")) {
                gd.addFileField(f.key(), f.defaultValue(), 40);
            } else if (f.kind().equals("d")) {
                gd.addDirectoryField(f.key(), f.defaultValue(), 40);
            } else if (f.kind().equals("n")) {
                gd.addNumericField(f.key(), Double.parseDouble(f.defaultValue()), decimals(f.defaultValue()), 12,
                        null);
            } else if (f.kind().equals("b")) {
                gd.addCheckbox(f.key(), Boolean.parseBoolean(f.defaultValue()));
            } else {
                gd.addChoice(f.key(), f.kind().substring(2).split(","), f.defaultValue());
            }
        }
        gd.showDialog();
        return !gd.wasCanceled();
    }

    /**
     * Decimals shown for a default: none for a whole number, so that the recorder (which records the field's text)
     * writes {@code min_area_nm2=2000}, the documented macro line, and not {@code 2000.000}.
     */
    static int decimals(String defaultValue) {
        double v = Double.parseDouble(defaultValue);
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return 0;
        }
        String plain = java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        int dot = plain.indexOf('.');
        return dot < 0 ? 0 : Math.min(9, plain.length() - dot - 1);
    }

    String nextString() {
        Field f = fields.get(next++);
        if (gd != null) {
            return f.kind().startsWith("c:") ? gd.getNextChoice() : gd.getNextString();
        }
        return Macro.getValue(options, f.key(), f.defaultValue());
    }

    boolean nextBoolean() {
        Field f = fields.get(next++);
        boolean checked = gd != null ? gd.getNextBoolean() : isWord(options, f.key());
        if (addedLater.contains(f.key()) && lineBeforeAddedLater()) {
            return Boolean.parseBoolean(f.defaultValue());
        }
        return checked;
    }

    /** Whether the dialog runs from a macro line that names none of the {@link #addedLater} keys. */
    private boolean lineBeforeAddedLater() {
        if (macroOptions == null) {
            return false;
        }
        for (String key : addedLater) {
            if (isWord(macroOptions, key) || Pattern.compile("(^|\\s)"
                    + Pattern.quote(key) + "=").matcher(macroOptions).find()) {
                return false;
            }
        }
        return true;
    }

    /** A checkbox's key standing as a word in macro options (as ImageJ reads a checked box). */
    private static boolean isWord(String options, String key) {
        return Pattern.compile("(^|\\s)" + Pattern.quote(key) + "(\\s|$)")
                .matcher(options).find();
    }

    double nextNumber() {
        Field f = fields.get(next++);
        double v;
        if (gd != null) {
            v = gd.getNextNumber();
            if (gd.invalidNumber()) {
                throw new IllegalArgumentException("parameter " + f.key() + " is not a number");
            }
            return v;
        }
        String s = Macro.getValue(options, f.key(), f.defaultValue());
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + f.key() + " is '" + s + "', expected a number", e);
        }
    }
}
