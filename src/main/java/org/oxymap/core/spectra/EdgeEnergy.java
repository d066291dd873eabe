package org.oxymap.core.spectra;

import java.util.Locale;

/**
 * Edge positions of one spectrum: the energy of the largest first derivative (the inflection point, Athena's
 * default E0) refined below the energy spacing by a parabola, and the energy where a normalised spectrum first
 * reaches one half on its rise.
 */
public final class EdgeEnergy {

    private EdgeEnergy() {
    }

    /**
     * Energy of the largest first derivative. The derivative is taken between neighbouring points (at their
     * midpoints), and the vertex of the parabola through the largest one and its two neighbours gives the energy;
     * at the ends of the spectrum, or when the parabola does not open downwards, the midpoint itself.
     */
    public static double maxDerivativeEv(double[] e, double[] y) {
        return maxDerivativeEv(e, y, 0, e.length);
    }

    /** As {@link #maxDerivativeEv(double[], double[])}, over points {@code from} (inclusive) to {@code to}. */
    public static double maxDerivativeEv(double[] e, double[] y, int from, int to) {
        if (to - from < 2) {
            throw new IllegalArgumentException("an edge position needs at least 2 points, got " + (to - from));
        }
        int best = -1;
        double bestD = Double.NEGATIVE_INFINITY;
        for (int j = from; j < to - 1; j++) {
            double d = (y[j + 1] - y[j]) / (e[j + 1] - e[j]);
            if (d > bestD) {
                bestD = d;
                best = j;
            }
        }
        double xm = 0.5 * (e[best] + e[best + 1]);
        if (best - 1 < from || best + 2 > to - 1) {
            return xm;
        }
        double x0 = 0.5 * (e[best - 1] + e[best]);
        double x2 = 0.5 * (e[best + 1] + e[best + 2]);
        double d0 = (y[best] - y[best - 1]) / (e[best] - e[best - 1]);
        double d2 = (y[best + 2] - y[best + 1]) / (e[best + 2] - e[best + 1]);
        return parabolaVertex(x0, d0, xm, bestD, x2, d2);
    }

    /**
     * Vertex of the parabola through three points with x0 &lt; x1 &lt; x2 and y1 the largest; x1 when the three
     * are collinear. The vertex lies between x0 and x2 by construction.
     */
    static double parabolaVertex(double x0, double y0, double x1, double y1, double x2, double y2) {
        double a = (x1 - x0) * (y1 - y2);
        double b = (x1 - x2) * (y1 - y0);
        double den = a - b;
        if (den == 0) {
            return x1;
        }
        double num = (x1 - x0) * a - (x1 - x2) * b;
        return x1 - 0.5 * num / den;
    }

    /**
     * Energy where the normalised spectrum {@code y} rises through {@code level}, linearly interpolated between the
     * two energies around it; the last upward crossing within points {@code from} to {@code to} (exclusive), so
     * that noise in the pre-edge does not decide it.
     *
     * @throws IllegalArgumentException when the spectrum does not cross the level upwards in that range
     */
    public static double crossingEv(double[] e, double[] y, double level, int from, int to) {
        for (int j = to - 2; j >= from; j--) {
            if (y[j] < level && y[j + 1] >= level) {
                return e[j] + (level - y[j]) / (y[j + 1] - y[j]) * (e[j + 1] - e[j]);
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "the spectrum does not rise through %.3g between %.3f and %.3f eV", level, e[from], e[to - 1]));
    }

    /** {@link #crossingEv(double[], double[], double, int, int)} over the whole spectrum. */
    public static double crossingEv(double[] e, double[] y, double level) {
        return crossingEv(e, y, level, 0, e.length);
    }
}
