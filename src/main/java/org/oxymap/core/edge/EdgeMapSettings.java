package org.oxymap.core.edge;

import java.util.Locale;

/**
 * Parameters of {@link EdgeEnergyMapper}.
 *
 * @param method        half-height or largest derivative
 * @param preEdgeMaxEv  energies at or below this are the pre-edge (a line is fitted to them, or their mean when
 *                      there is one); NaN = the lowest quarter of the energies (at least one)
 * @param postEdgeMinEv energies at or above this are the post-edge, fitted the same way; NaN = the highest quarter
 * @param minJump       pixels whose edge jump (post-edge minus pre-edge at the edge, in the stack's units, OD)
 *                      is below this are masked
 */
public record EdgeMapSettings(EdgeEnergyMethod method, double preEdgeMaxEv, double postEdgeMinEv, double minJump) {

    /** Fill value of masked pixels in the edge-energy and valence maps (documented in the README). */
    public static final float FILL_VALUE = 0f;

    public EdgeMapSettings {
        if (method == null) {
            throw new IllegalArgumentException("edge method missing: expected one of "
                    + String.join(", ", EdgeEnergyMethod.labels()));
        }
        if (!(minJump >= 0) || !Double.isFinite(minJump)) {
            throw new IllegalArgumentException("smallest edge jump " + minJump + ": expected a number >= 0");
        }
        if (!Double.isNaN(preEdgeMaxEv) && !Double.isNaN(postEdgeMinEv) && !(preEdgeMaxEv < postEdgeMinEv)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "pre-edge ends at %.3f eV but the post-edge starts at %.3f eV: expected pre < post",
                    preEdgeMaxEv, postEdgeMinEv));
        }
    }

    /** Half-height, quarter ranges, smallest jump 0.05 OD. */
    public static EdgeMapSettings defaults() {
        return new EdgeMapSettings(EdgeEnergyMethod.HALF_HEIGHT, Double.NaN, Double.NaN, 0.05);
    }

    public EdgeMapSettings withMethod(EdgeEnergyMethod m) {
        return new EdgeMapSettings(m, preEdgeMaxEv, postEdgeMinEv, minJump);
    }

    public EdgeMapSettings withRanges(double preMax, double postMin) {
        return new EdgeMapSettings(method, preMax, postMin, minJump);
    }

    public EdgeMapSettings withMinJump(double j) {
        return new EdgeMapSettings(method, preEdgeMaxEv, postEdgeMinEv, j);
    }
}
