package org.oxymap.core.stoichiometry;

/**
 * What one measurement (Li:TM or density) says about the two structure models.
 *
 * @param observable            "li_tm" or "density"
 * @param measured              the measured value (for density: relative to the pristine density)
 * @param vacancyPrediction     the oxygen-vacancy model's value
 * @param densifiedPrediction   the densified model's value
 * @param densificationFraction φ of the linear mix (1 − φ)·vacancy + φ·densified matching the measurement
 * @param verdict               {@code vacancy} or {@code densified} when only that end (φ = 0 or 1) lies within 2σ
 *                              of φ; {@code undecided} when both do; {@code mixed} when neither does but
 *                              0 ≤ φ ≤ 1; {@code neither} when φ lies outside [0, 1] by more than 2σ
 */
public record ModelSupport(String observable, Quantity measured, Quantity vacancyPrediction,
        Quantity densifiedPrediction, Quantity densificationFraction, String verdict) {

    static String verdict(double phi, double se) {
        boolean vacancy = Math.abs(phi) <= 2 * se;
        boolean densified = Math.abs(phi - 1) <= 2 * se;
        if (vacancy && densified) {
            return "undecided";
        }
        if (vacancy) {
            return "vacancy";
        }
        if (densified) {
            return "densified";
        }
        return phi >= 0 && phi <= 1 ? "mixed" : "neither";
    }
}
