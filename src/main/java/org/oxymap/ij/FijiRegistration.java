package org.oxymap.ij;

import java.util.Hashtable;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import ij.Menus;
import ij.WindowManager;

/**
 * Alignment by Fiji's own registration plugins, for users who trust them or whose stacks OxyMap's phase correlation
 * does not suit (rotation, large deformation). Each is run on an open stack through its menu command, as a macro
 * would; the aligned stack then goes into OxyMap with alignment switched off ({@code --no-align}, or the Run
 * Pipeline entry on the aligned image).
 *
 * <p>None of them is part of ImageJ, so each is looked for first, by its menu command (ImageJ's command table,
 * {@link Menus#getCommands()}) or by its class (through {@link IJ#getClassLoader()}); when it is missing the
 * message says so and where it comes from, instead of ImageJ's "Unrecognized command".
 */
public final class FijiRegistration {

    /** The registration plugins OxyMap knows how to call. */
    public enum Method {
        /** P. Thévenaz, U. E. Ruttimann and M. Unser, IEEE Trans. Image Process. 7, 27 (1998). */
        STACKREG("stackreg", "StackReg", "StackReg_", "transformation=Translation",
                "install it in Fiji with Help > Update... > Manage update sites > BIG-EPFL"),
        /** Feature-based (SIFT) alignment by S. Saalfeld, shipped with Fiji (mpicbg). */
        SIFT("sift", "Linear Stack Alignment with SIFT", "SIFT_Align", "expected_transformation=Translation",
                "it ships with Fiji (Plugins > Registration); plain ImageJ lacks it"),
        /** Correct 3D Drift (Parslow, Cardona and Bryson-Richardson, J. Vis. Exp. 86, e51086, 2014), a Fiji script. */
        CORRECT_3D_DRIFT("drift", "Correct 3D Drift", null, "channel=1 only=0 lowest=1 highest=1",
                "it ships with Fiji (Plugins > Registration); plain ImageJ lacks it");

        private final String key;
        private final String command;
        private final String className;
        private final String defaultOptions;
        private final String whereFrom;

        Method(String key, String command, String className, String defaultOptions, String whereFrom) {
            this.key = key;
            this.command = command;
            this.className = className;
            this.defaultOptions = defaultOptions;
            this.whereFrom = whereFrom;
        }

        /** Short key used in plugins.config and macros: stackreg, sift, drift. */
        public String key() {
            return key;
        }

        /** The ImageJ menu command that runs it. */
        public String command() {
            return command;
        }

        /** Options for {@code IJ.run} that align by translation only, as OxyMap's own alignment does. */
        public String defaultOptions() {
            return defaultOptions;
        }

        /** @throws IllegalArgumentException naming the accepted keys */
        public static Method fromKey(String text) {
            for (Method m : values()) {
                if (m.key.equals(text == null ? "" : text.trim().toLowerCase(Locale.ROOT))) {
                    return m;
                }
            }
            throw new IllegalArgumentException("registration method '" + text + "', expected stackreg, sift or drift");
        }
    }

    private FijiRegistration() {
    }

    /** True when the plugin's menu command is registered or its class can be loaded. */
    public static boolean isInstalled(Method m) {
        Hashtable<String, String> commands = Menus.getCommands();
        if (commands != null && commands.containsKey(m.command)) {
            return true;
        }
        if (m.className == null) {
            return false;
        }
        try {
            Class.forName(m.className, false, IJ.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The message shown when {@code m} is missing: what is missing, where it comes from, what to do instead. */
    public static String notInstalledMessage(Method m) {
        return "\"" + m.command + "\" is not installed in this ImageJ: " + m.whereFrom
                + ". Without it, use OxyMap's own alignment (the default of Run Pipeline and oxymap run).";
    }

    /**
     * Runs the plugin on {@code imp} with {@code options} (null = {@link Method#defaultOptions()}) and returns the
     * aligned stack: {@code imp} itself for StackReg, which works in place, or the new image the others open.
     *
     * @throws IllegalStateException with {@link #notInstalledMessage} when the plugin is missing
     */
    public static ImagePlus register(ImagePlus imp, Method m, String options) {
        if (!isInstalled(m)) {
            throw new IllegalStateException(notInstalledMessage(m));
        }
        if (imp == null || imp.getStackSize() < 2) {
            throw new IllegalArgumentException("registration needs an open stack of at least 2 slices");
        }
        IJ.run(imp, m.command, options != null ? options : m.defaultOptions);
        ImagePlus current = WindowManager.getCurrentImage();
        return m == Method.STACKREG || current == null ? imp : current;
    }
}
