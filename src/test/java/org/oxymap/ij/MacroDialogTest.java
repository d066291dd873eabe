package org.oxymap.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.Macro;
import org.junit.jupiter.api.Test;

/**
 * Headless macro options: a checkbox is checked when its key stands as a word, as in ImageJ's own dialogs; a line
 * recorded before a dialog gained keys gets their defaults.
 */
class MacroDialogTest {

    private static boolean[] read(String options) {
        boolean[][] out = new boolean[1][];
        Thread t = new Thread(() -> out[0] = readOnMacroThread(options), "Run$_oxymap-test");
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertTrue(out[0] != null, "the dialog read nothing from " + options);
        return out[0];
    }

    /** ImageJ hands macro options only to threads whose name starts with "Run$_". */
    private static boolean[] readOnMacroThread(String options) {
        Macro.setOptions(Thread.currentThread(), options);
        try {
            MacroDialog d = new MacroDialog("test");
            d.addString("stack", "");
            d.addCheckbox("sum_to_one", false);
            d.addCheckbox("sum", false);
            assertTrue(d.show());
            assertEquals("OD", d.nextString());
            return new boolean[] {d.nextBoolean(), d.nextBoolean()};
        } finally {
            Macro.setOptions(Thread.currentThread(), null);
        }
    }

    /** A dialog with an old key and, added later (in two steps), a checkbox on by default and a number. */
    private static boolean[] readWithLaterKeys(String options) {
        boolean[][] out = new boolean[1][];
        Thread t = new Thread(() -> {
            Macro.setOptions(Thread.currentThread(), options);
            try {
                MacroDialog d = new MacroDialog("test");
                d.addString("labels", "");
                d.addCheckbox("subpixel_edge", true);
                d.addNumber("min_solidity", 0.9);
                d.addedLater("subpixel_edge"); // two calls, as a dialog that grew twice makes them: both count
                d.addedLater("min_solidity");
                assertTrue(d.show());
                d.nextString();
                boolean on = d.nextBoolean();
                out[0] = new boolean[] {on, d.nextNumber() == 0.9};
            } finally {
                Macro.setOptions(Thread.currentThread(), null);
            }
        }, "Run$_oxymap-test");
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return out[0];
    }

    @Test
    void aLineFromBeforeTheLaterKeysGetsTheirDefaults() {
        assertTrue(readWithLaterKeys("labels=labels")[0], "old line: the checkbox keeps its default (on)");
        assertTrue(readWithLaterKeys("labels=labels")[1], "old line: the number keeps its default");
        assertFalse(readWithLaterKeys("labels=labels min_solidity=0.9")[0],
                "a line that names a later key is read as recorded: the box it does not name is off");
        assertTrue(readWithLaterKeys("labels=labels min_solidity=0.9 subpixel_edge")[0]);
        assertTrue(readWithLaterKeys("labels=labels subpixel_edge")[0]);
    }

    @Test
    void checkboxIsAKeywordInTheOptions() {
        boolean[] on = read("stack=OD sum_to_one");
        assertTrue(on[0]);
        assertFalse(on[1], "sum is not matched inside sum_to_one");
        boolean[] off = read("stack=OD");
        assertFalse(off[0]);
        assertFalse(off[1]);
        assertTrue(read("sum stack=OD")[1]);
    }
}
