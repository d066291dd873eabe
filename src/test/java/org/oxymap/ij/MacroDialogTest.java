package org.oxymap.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.Macro;
import org.junit.jupiter.api.Test;

/** Headless macro options: a checkbox is checked when its key stands as a word, as in ImageJ's own dialogs. */
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
