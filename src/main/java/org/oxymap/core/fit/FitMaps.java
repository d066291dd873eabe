package org.oxymap.core.fit;

import java.util.List;

/**
 * Per-pixel results of the linear-combination fit, row-major maps of {@code width × height}.
 *
 * <p>Pixels outside {@code fitted} (counts that could not be converted to OD) hold 0 in every map. Fractions and
 * valence are 0 where the thickness is not positive (nothing to take a fraction of); {@code fitted} still says
 * which pixels were fitted, and thickness says where fractions mean something.
 *
 * @param names        reference names, in the order of the lists below
 * @param coefficients c_k per reference (nm of material when references are OD per nm)
 * @param fractions    f_k = c_k / Σ c_j
 * @param sigmas       σ(c_k) = sqrt(diag((AᵀA)⁻¹)·χ²_red) unweighted, sqrt(diag((AᵀWA)⁻¹)) with Poisson weights
 *                     (with sum-to-one, the diagonal of the equality-constrained covariance)
 * @param thickness    Σ c_k
 * @param valence      Σ f_k·v_k (0 where references carry no valence)
 * @param reducedChi2  (weighted) residual sum of squares over the degrees of freedom (energies − parameters, + 1
 *                     with sum-to-one)
 * @param background   the constant background term a0 (0 when none was fitted)
 * @param fitted       pixels that were fitted
 * @param rFactor      Σ r² / Σ OD² per pixel (unweighted residuals r; 0 where the OD is all zero)
 * @param edgeJump     post-edge minus pre-edge mean OD ({@link EdgeJump})
 * @param smallJump    fitted pixels whose edge jump is below the threshold of {@link FitOptions#jumpThresholdOd()}
 */
public record FitMaps(int width, int height, List<String> names, List<float[]> coefficients, List<float[]> fractions,
        List<float[]> sigmas, float[] thickness, float[] valence, float[] reducedChi2, float[] background,
        boolean[] fitted, float[] rFactor, float[] edgeJump, boolean[] smallJump) {

    /** The maps without R-factor, edge jump and jump mask (all zero / false). */
    public FitMaps(int width, int height, List<String> names, List<float[]> coefficients, List<float[]> fractions,
            List<float[]> sigmas, float[] thickness, float[] valence, float[] reducedChi2, float[] background,
            boolean[] fitted) {
        this(width, height, names, coefficients, fractions, sigmas, thickness, valence, reducedChi2, background, fitted,
                new float[width * height], new float[width * height], new boolean[width * height]);
    }

    /** Index of the reference with the given name; the error lists the names there are. */
    public int indexOf(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no reference named '" + name + "'; the references are " + names);
        }
        return i;
    }
}
