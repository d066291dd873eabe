package org.oxymap.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.oxymap.core.spectra.NormalisationSettings;
import org.oxymap.io.PipelineRunner;
import org.oxymap.io.ReferencePreparationSettings;

import picocli.CommandLine.Option;

/**
 * Options of {@code oxymap run} (and {@code oxymap references}) that prepare the reference spectra: valence guessed
 * from the formula, Athena-style normalisation, and one energy shift (given or fitted).
 */
class ReferenceOptions {
    @Option(names = "--guess-valence", description = "Guess missing valences from the formula (XDI Sample.formula, "
            + "else the start of the name: MnO -> 2, Mn3O4 -> 8/3, Mn2O3 -> 3, MnO2 -> 4); the guesses are printed.")
    boolean guessValence;
    @Option(names = "--normalise", description = "Normalise the references as Athena does (pre-edge line "
            + "subtracted, edge step at E0 set to 1).")
    boolean normalise;
    @Option(names = "--norm-e0", description = "E0 in eV (default: largest first derivative).")
    Double normE0;
    @Option(names = "--norm-pre", split = ",", description = "Pre-edge range relative to E0, eV: a,b "
            + "(default -150,-30).")
    List<Double> normPre;
    @Option(names = "--norm-post", split = ",", description = "Post-edge range relative to E0, eV: a or a,b "
            + "(default 150, to the end).")
    List<Double> normPost;
    @Option(names = "--norm-degree", description = "Post-edge polynomial degree: 2 quadratic (Athena's default, "
            + "bkg_nnorm 3), 1 line, 0 constant.")
    Integer normDegree;
    @Option(names = "--shift-ev", description = "Shift every reference by X eV, or 'fit': one shift fitted to the "
            + "stack's mean spectrum of pixels with a clear edge.")
    String shiftEv;
    @Option(names = "--max-shift-ev", description = "Largest |shift| searched by --shift-ev fit (default 5 eV).")
    double maxShiftEv = 5;
    @Option(names = "--shift-min-jump", description = "Smallest edge jump (OD) of the pixels averaged for "
            + "--shift-ev fit (default 0.05).")
    double shiftMinJump = 0.05;

    boolean active() {
        return guessValence || normalise || shiftEv != null;
    }

    NormalisationSettings normalisation() {
        return normalisation(NormalisationSettings.athenaDefaults());
    }

    /** The {@code --norm-*} options given here over {@code s}. */
    NormalisationSettings normalisation(NormalisationSettings s) {
        if (normE0 != null) {
            s = s.withE0Ev(normE0);
        }
        if (normPre != null) {
            if (normPre.size() != 2) {
                throw new IllegalArgumentException("--norm-pre takes two numbers a,b (eV relative to E0), got "
                        + normPre);
            }
            s = s.withPreEdge(normPre.get(0), normPre.get(1));
        }
        if (normPost != null) {
            if (normPost.isEmpty() || normPost.size() > 2) {
                throw new IllegalArgumentException("--norm-post takes a or a,b (eV relative to E0), got " + normPost);
            }
            s = s.withPostEdge(normPost.get(0), normPost.size() == 2 ? normPost.get(1) : Double.NaN);
        }
        if (normDegree != null) {
            s = s.withPostEdgeDegree(normDegree);
        }
        return s;
    }

    /** The inputs with prepared references; what was done goes to {@code log} and into params.json. */
    PipelineRunner.Inputs apply(PipelineRunner.Inputs in, Map<String, Double> givenValences, int backgroundTerms,
            PrintStream log) throws IOException {
        return settings(ReferencePreparationSettings.none()).apply(in, givenValences, backgroundTerms, log);
    }

    /**
     * The preparation asked for on the command line over {@code base} (e.g. what a params.json recorded): valence
     * guessing, normalisation and shift each come from the command line when given there, else from {@code base};
     * the {@code --norm-*} ranges given here refine the normalisation of either.
     */
    ReferencePreparationSettings settings(ReferencePreparationSettings base) {
        boolean guess = guessValence || base.guessValence();
        NormalisationSettings norm = base.normalisation();
        if (normalise || (norm != null && (normE0 != null || normPre != null || normPost != null
                || normDegree != null))) {
            norm = normalisation(norm != null && !normalise ? norm : NormalisationSettings.athenaDefaults());
        }
        double shift = base.shiftEv();
        boolean fit = base.fitShift();
        double maxShift = base.fitShift() && maxShiftEv == 5 ? base.maxShiftEv() : maxShiftEv;
        double minJump = base.fitShift() && shiftMinJump == 0.05 ? base.shiftMinJump() : shiftMinJump;
        if (shiftEv != null) {
            fit = shiftEv.trim().equalsIgnoreCase("fit");
            if (fit) {
                shift = Double.NaN;
            } else {
                try {
                    shift = Double.parseDouble(shiftEv.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--shift-ev is '" + shiftEv + "': expected a number of eV "
                            + "or 'fit'");
                }
            }
        }
        return new ReferencePreparationSettings(guess, norm, shift, fit, maxShift, minJump);
    }
}
