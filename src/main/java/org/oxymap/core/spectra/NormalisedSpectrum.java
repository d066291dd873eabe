package org.oxymap.core.spectra;

/**
 * The result of {@link EdgeStepNormaliser}: the normalised spectrum (pre-edge line subtracted, divided by the
 * edge step) and the quantities Athena reports for it.
 *
 * @param spectrum        the normalised spectrum, same name, valence and energies as the input
 * @param e0Ev            E0 used, eV
 * @param edgeStep        post-edge minus pre-edge at E0, in the input's units
 * @param preEdge         pre-edge line coefficients {@code [c0, c1]}: pre(E) = c0 + c1·E
 * @param postEdge        post-edge polynomial coefficients, constant first: post(E) = Σ p_k·(E − E0)^k
 * @param preEdgePoints   data points in the pre-edge range
 * @param postEdgePoints  data points in the post-edge range
 */
public record NormalisedSpectrum(ReferenceSpectrum spectrum, double e0Ev, double edgeStep, double[] preEdge,
        double[] postEdge, int preEdgePoints, int postEdgePoints) {

    public NormalisedSpectrum {
        preEdge = preEdge.clone();
        postEdge = postEdge.clone();
    }

    @Override
    public double[] preEdge() {
        return preEdge.clone();
    }

    @Override
    public double[] postEdge() {
        return postEdge.clone();
    }
}
