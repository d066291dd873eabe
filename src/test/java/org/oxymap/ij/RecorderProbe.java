package org.oxymap.ij;

import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.Component;
import java.awt.Container;
import java.awt.EventQueue;
import java.awt.Label;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import ij.Executer;
import ij.IJ;
import ij.ImageJ;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.plugin.frame.Recorder;

/**
 * Runs in its own JVM under a virtual display (the recorder and the dialogs are windows): starts ImageJ with OxyMap
 * in its plugins folder, opens the macro recorder and, for each line "label<TAB>options" of the input file, runs
 * the menu command as a click does, waits for its dialog, types the options' values into the fields (a number
 * equal to the field's default is left as shown, as a person would leave it), checks the boxes the line names and
 * unchecks the others, presses OK and lets the command run. Writes what the recorder recorded. Arguments: input file, output file.
 */
public final class RecorderProbe {

    private RecorderProbe() {
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        new ImageJ(ImageJ.NO_SHOW);
        Interpreter.batchMode = true; // result images stay off screen but are found by title
        Recorder recorder = new Recorder(false);
        Set<Window> seen = new HashSet<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            String options = parts.length > 1 ? parts[1] + " " : "";
            Thread command = new Thread(() -> new Executer(parts[0]).run(), "probe " + parts[0]);
            command.start();
            GenericDialog gd = waitForDialog(seen, command);
            if (gd != null) {
                EventQueue.invokeAndWait(() -> {
                    fill(gd, options, new String[1]);
                    gd.actionPerformed(new ActionEvent(gd.getButtons()[0], ActionEvent.ACTION_PERFORMED, "OK"));
                });
            }
            command.join(600_000);
        }
        Files.writeString(Path.of(args[1]), recorder.getText(), StandardCharsets.UTF_8);
        IJ.log("recorder probe done");
        System.exit(0);
    }

    private static GenericDialog waitForDialog(Set<Window> seen, Thread command) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end && command.isAlive()) {
            for (Window w : Window.getWindows()) {
                if (w instanceof GenericDialog gd && w.isShowing() && !seen.contains(w)) {
                    seen.add(w);
                    Thread.sleep(200); // let the dialog finish laying out
                    return gd;
                }
            }
            Thread.sleep(50);
        }
        return null;
    }

    /** Types each option into the field after the label of the same name (labels show '_' as ' '). */
    private static void fill(Container c, String options, String[] label) {
        for (Component k : c.getComponents()) {
            if (k instanceof Label l) {
                label[0] = l.getText().trim().replace(' ', '_').toLowerCase(Locale.ROOT);
            } else if (k instanceof TextField tf && label[0] != null) {
                String v = Macro.getValue(options, label[0], null);
                if (v != null && !sameNumber(tf.getText(), v)) {
                    tf.setText(v);
                }
                label[0] = null;
            } else if (k instanceof Checkbox cb) {
                // a checkbox carries its own label; the line names it as a word when it is checked
                String key = cb.getLabel().trim().replace(' ', '_');
                cb.setState(Pattern.compile("(^|\\s)" + Pattern.quote(key) + "(\\s|$)").matcher(options).find());
            } else if (k instanceof Choice ch && label[0] != null) {
                String v = Macro.getValue(options, label[0], null);
                if (v != null) {
                    ch.select(v);
                }
                label[0] = null;
            } else if (k instanceof Container inner) {
                fill(inner, options, label);
            }
        }
    }

    private static boolean sameNumber(String shown, String wanted) {
        try {
            return Double.parseDouble(shown) == Double.parseDouble(wanted);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
