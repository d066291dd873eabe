package org.oxymap.io;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.spectra.EnergyShiftFit;
import org.oxymap.core.spectra.EnergyShiftFitter;
import org.oxymap.core.spectra.NormalisationSettings;
import org.oxymap.core.spectra.ReferenceSpectrum;

/**
 * How the references of a run are prepared before the fit (valence guessed from the formula, Athena-style
 * normalisation, one energy shift given or fitted), as {@code oxymap run} takes it from its options and as
 * params.json records it under {@code inputs.reference_preparation}; {@link #fromParams} reads it back, so that
 * {@code oxymap run --params} and {@code oxymap batch} prepare the references exactly as the recorded run did.
 *
 * @param guessValence  guess missing valences from the formula
 * @param normalisation normalisation settings, or null for none
 * @param shiftEv       a given shift in eV, or NaN for none (ignored when {@code fitShift})
 * @param fitShift      fit one shift to the stack's mean spectrum (refitted for every stack)
 * @param maxShiftEv    largest |shift| searched by the fit
 * @param shiftMinJump  smallest edge jump (OD) of the pixels averaged for the fit
 */
public record ReferencePreparationSettings(boolean guessValence, NormalisationSettings normalisation, double shiftEv,
        boolean fitShift, double maxShiftEv, double shiftMinJump) {

    /** Default largest |shift| of the fit, eV. */
    public static final double DEFAULT_MAX_SHIFT_EV = 5;
    /** Default smallest edge jump of the pixels averaged for the fit, OD. */
    public static final double DEFAULT_SHIFT_MIN_JUMP = 0.05;

    /** Nothing to do: the references are used as read. */
    public static ReferencePreparationSettings none() {
        return new ReferencePreparationSettings(false, null, Double.NaN, false, DEFAULT_MAX_SHIFT_EV,
                DEFAULT_SHIFT_MIN_JUMP);
    }

    public boolean active() {
        return guessValence || normalisation != null || fitShift || !Double.isNaN(shiftEv);
    }

    /** True when a shift (given or fitted) is asked for. */
    public boolean shifts() {
        return fitShift || !Double.isNaN(shiftEv);
    }

    /**
     * The preparation recorded in {@code inputs.reference_preparation} of a params.json; {@link #none()} when there
     * is none. A fitted shift is fitted again (to the stack of the new run); a given shift is applied as recorded.
     *
     * @throws IOException naming the file and the key when the section cannot be read
     */
    public static ReferencePreparationSettings fromParams(Path paramsJson) throws IOException {
        JsonObject prep;
        try {
            JsonObject root = JsonParser.parseString(Files.readString(paramsJson, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            JsonObject inputs = root.has("inputs") && root.get("inputs").isJsonObject()
                    ? root.getAsJsonObject("inputs") : null;
            if (inputs == null || !inputs.has("reference_preparation")
                    || !inputs.get("reference_preparation").isJsonObject()) {
                return none();
            }
            prep = inputs.getAsJsonObject("reference_preparation");
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException(paramsJson + ": not a params.json (" + e.getMessage() + ")", e);
        }
        try {
            boolean guess = prep.has("guessed_valences");
            NormalisationSettings norm = null;
            if (prep.has("normalise") && prep.get("normalise").isJsonObject()) {
                JsonObject n = prep.getAsJsonObject("normalise");
                NormalisationSettings s = NormalisationSettings.athenaDefaults();
                if (n.has("e0_ev") && n.get("e0_ev").isJsonPrimitive() && n.get("e0_ev").getAsJsonPrimitive()
                        .isNumber()) {
                    s = s.withE0Ev(n.get("e0_ev").getAsDouble());
                }
                if (n.has("pre_ev")) {
                    double[] pre = numbers(n.get("pre_ev"), "normalise.pre_ev", 2, 2);
                    s = s.withPreEdge(pre[0], pre[1]);
                }
                if (n.has("post_ev")) {
                    double[] post = numbers(n.get("post_ev"), "normalise.post_ev", 1, 2);
                    s = s.withPostEdge(post[0], post.length == 2 ? post[1] : Double.NaN);
                }
                if (n.has("post_degree")) {
                    s = s.withPostEdgeDegree(n.get("post_degree").getAsInt());
                }
                norm = s;
            }
            boolean fit = prep.has("shift_fitted") && prep.get("shift_fitted").getAsBoolean();
            double shift = prep.has("shift_ev") && !prep.get("shift_ev").isJsonNull()
                    ? prep.get("shift_ev").getAsDouble() : Double.NaN;
            double maxShift = prep.has("max_shift_ev") ? prep.get("max_shift_ev").getAsDouble()
                    : DEFAULT_MAX_SHIFT_EV;
            double minJump = prep.has("shift_min_jump") ? prep.get("shift_min_jump").getAsDouble()
                    : DEFAULT_SHIFT_MIN_JUMP;
            return new ReferencePreparationSettings(guess, norm, fit ? Double.NaN : shift, fit, maxShift, minJump);
        } catch (RuntimeException e) {
            throw new IOException(paramsJson + ": inputs.reference_preparation cannot be read: " + e.getMessage(), e);
        }
    }

    private static double[] numbers(JsonElement e, String key, int min, int max) {
        if (!e.isJsonArray()) {
            throw new IllegalArgumentException(key + " is " + e + ", expected a list of numbers");
        }
        JsonArray a = e.getAsJsonArray();
        if (a.size() < min || a.size() > max) {
            throw new IllegalArgumentException(key + " has " + a.size() + " numbers, expected " + min
                    + (max > min ? " or " + max : ""));
        }
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).getAsDouble();
        }
        return d;
    }

    /**
     * The inputs with prepared references and the description of the preparation for params.json; what was
     * guessed or fitted is printed to {@code log}.
     *
     * @param givenValences   valences given by the user (never guessed over)
     * @param backgroundTerms background terms of the shift fit (as the pixel fit's)
     */
    public PipelineRunner.Inputs apply(PipelineRunner.Inputs in, Map<String, Double> givenValences,
            int backgroundTerms, PrintStream log) throws IOException {
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
        if (normalisation != null) {
            NormalisationSettings s = normalisation;
            refs = ReferencePreparer.normalise(refs, s);
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("e0_ev", Double.isNaN(s.e0Ev()) ? "max derivative" : s.e0Ev());
            n.put("pre_ev", List.of(s.pre1Ev(), s.pre2Ev()));
            n.put("post_ev", Double.isNaN(s.nor2Ev()) ? List.of(s.nor1Ev()) : List.of(s.nor1Ev(), s.nor2Ev()));
            n.put("post_degree", s.postEdgeDegree());
            notes.put("normalise", n);
        }
        if (shifts()) {
            double shift;
            if (fitShift) {
                EnergyShiftFit f = ReferencePreparer.fitShift(in.stack(), refs, backgroundTerms, maxShiftEv,
                        shiftMinJump, ProgressListener.NONE);
                shift = f.shiftEv();
                log.printf(Locale.ROOT, "oxymap: fitted reference energy shift %+.3f eV (residual %.4g, %.4g "
                        + "unshifted)%n", shift, f.residualSumSq(), f.unshiftedSumSq());
                notes.put("shift_fitted", true);
                notes.put("max_shift_ev", maxShiftEv);
                notes.put("shift_min_jump", shiftMinJump);
            } else {
                shift = shiftEv;
            }
            refs = EnergyShiftFitter.shifted(refs, shift);
            notes.put("shift_ev", shift);
        }
        return in.withReferences(refs, notes);
    }
}
