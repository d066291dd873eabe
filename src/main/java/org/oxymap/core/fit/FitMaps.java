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
 * @param sigmas       σ(c_k) = sqrt(diag((AᵀA)⁻¹)·χ²_red)
 * @param thickness    Σ c_k
 * @param valence      Σ f_k·v_k (0 where references carry no valence)
 * @param reducedChi2  residual sum of squares over (energies − parameters)
 * @param background   the constant background term a0 (0 when none was fitted)
 * @param fitted       pixels that were fitted
 */
public record FitMaps(int width, int height, List<String> names, List<float[]> coefficients, List<float[]> fractions,
        List<float[]> sigmas, float[] thickness, float[] valence, float[] reducedChi2, float[] background,
        boolean[] fitted) {

    /** Index of the reference with the given name; the error lists the names there are. */
    public int indexOf(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no reference named '" + name + "'; the references are " + names);
        }
        return i;
    }
}
