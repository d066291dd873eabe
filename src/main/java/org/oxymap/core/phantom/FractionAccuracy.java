package org.oxymap.core.phantom;

/**
 * How well a fitted fraction map matches the phantom's truth: the root-mean-square error over pixels at least
 * a given true thickness (thin edge pixels carry little signal, so the spine's acceptance test leaves them out).
 */
public final class FractionAccuracy {

    private FractionAccuracy() {
    }

    /**
     * @throws IllegalArgumentException when no pixel is thick enough
     */
    public static double rmse(float[] fitted, float[] truth, float[] truthThicknessNm, double minThicknessNm) {
        if (fitted.length != truth.length || truth.length != truthThicknessNm.length) {
            throw new IllegalArgumentException("fitted, true and thickness maps differ in size");
        }
        double s = 0;
        int n = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truthThicknessNm[i] >= minThicknessNm) {
                double d = fitted[i] - truth[i];
                s += d * d;
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no pixel is at least " + minThicknessNm + " nm thick");
        }
        return Math.sqrt(s / n);
    }
}
