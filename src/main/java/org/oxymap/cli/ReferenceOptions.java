package org.oxymap.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.spectra.EnergyShiftFit;
import org.oxymap.core.spectra.EnergyShiftFitter;
import org.oxymap.core.spectra.NormalisationSettings;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.io.PipelineRunner;
import org.oxymap.io.ReferencePreparer;
import org.oxymap.io.ReferenceReader;

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
        NormalisationSettings s = NormalisationSettings.athenaDefaults();
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
        if (!active()) {
            return in;
        }
        Map<String, Object> notes = new LinkedHashMap<>();
        List<ReferenceSpectrum> refs = new ArrayList<>(in.references());
        if (guessValence) {
            Map<String, Object> guessed = new LinkedHashMap<>();
            for (int k = 0; k < refs.size(); k++) {
                ReferenceSpectrum r = refs.get(k);
                if (Double.isFinite(r.valence()) || givenValences.containsKey(r.name())) {
                    continue;
                }
                Path spec = in.referenceFiles().get(k);
                ReferenceReader.ValenceGuess g = ReferenceReader.guessValence(spec, null);
                refs.set(k, r.withValence(g.valence()));
                guessed.put(r.name(), g.valence());
                log.printf(Locale.ROOT, "oxymap: valence of %s guessed from the formula %s (%s): %.4g%n", r.name(),
                        g.formula(), g.source(), g.valence());
            }
            notes.put("guessed_valences", guessed);
        }
        if (normalise) {
            NormalisationSettings s = normalisation();
            refs = ReferencePreparer.normalise(refs, s);
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("e0_ev", Double.isNaN(s.e0Ev()) ? "max derivative" : s.e0Ev());
            n.put("pre_ev", List.of(s.pre1Ev(), s.pre2Ev()));
            n.put("post_ev", Double.isNaN(s.nor2Ev()) ? List.of(s.nor1Ev()) : List.of(s.nor1Ev(), s.nor2Ev()));
            n.put("post_degree", s.postEdgeDegree());
            notes.put("normalise", n);
        }
        if (shiftEv != null) {
            double shift;
            if (shiftEv.trim().equalsIgnoreCase("fit")) {
                EnergyShiftFit f = ReferencePreparer.fitShift(in.stack(), refs, backgroundTerms, maxShiftEv,
                        shiftMinJump, ProgressListener.NONE);
                shift = f.shiftEv();
                log.printf(Locale.ROOT, "oxymap: fitted reference energy shift %+.3f eV (residual %.4g, %.4g "
                        + "unshifted)%n", shift, f.residualSumSq(), f.unshiftedSumSq());
                notes.put("shift_fitted", true);
                notes.put("max_shift_ev", maxShiftEv);
            } else {
                try {
                    shift = Double.parseDouble(shiftEv.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--shift-ev is '" + shiftEv + "': expected a number of eV "
                            + "or 'fit'");
                }
            }
            refs = EnergyShiftFitter.shifted(refs, shift);
            notes.put("shift_ev", shift);
        }
        return in.withReferences(refs, notes);
    }
}
