package org.oxymap.ij;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ij.Executer;
import ij.IJ;
import ij.ImageJ;
import ij.Macro;
import ij.macro.Interpreter;
import ij.plugin.frame.Recorder;

/**
 * Runs in its own JVM under a virtual display (the macro recorder is a window): starts ImageJ with OxyMap in its
 * plugins folder, opens the recorder, runs each command of the input file (lines "label<TAB>options") as the menu
 * does, with the options as a macro would give them, and writes what the recorder recorded.
 * Arguments: input file, output file.
 */
public final class RecorderProbe {

    private RecorderProbe() {
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        new ImageJ(ImageJ.NO_SHOW);
        Interpreter.batchMode = true;
        Recorder recorder = new Recorder(false);
        Recorder.recordInMacros = true;
        Thread t = new Thread(() -> {
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                Macro.setOptions(Thread.currentThread(), parts.length > 1 ? parts[1] : null);
                // what a menu click runs: the Executer records the command and saves the line afterwards
                new Executer(parts[0]).run();
                Macro.setOptions(Thread.currentThread(), null);
            }
        }, "Run$_recorder-probe");
        t.start();
        t.join();
        Files.writeString(Path.of(args[1]), recorder.getText(), StandardCharsets.UTF_8);
        IJ.log("recorder probe done");
        System.exit(0);
    }
}
