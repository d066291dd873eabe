package org.oxymap.core.spectra;

import java.util.Arrays;

/**
 * A reference spectrum of a standard (e.g. Mn2+, Mn3+ or Mn4+ oxide) with its nominal oxidation state.
 *
 * <p>Values are optical density; when they are OD per nm of material, the coefficients fitted against them are
 * thicknesses in nm. The valence may be NaN when unknown; the valence map then cannot be formed.
 *
 * @param name       the reference's name (for files from disk, the file name without extension)
 * @param valence    nominal oxidation state, or NaN when not given
 * @param energiesEv strictly increasing energies in eV
 * @param values     optical density at each energy
 */
public record ReferenceSpectrum(String name, double valence, double[] energiesEv, double[] values) {

    public ReferenceSpectrum {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a reference spectrum needs a name");
        }
        if (energiesEv.length != values.length) {
            throw new IllegalArgumentException("reference '" + name + "' has " + energiesEv.length + " energies but "
                    + values.length + " values");
        }
        if (energiesEv.length < 2) {
            throw new IllegalArgumentException("reference '" + name + "' has " + energiesEv.length
                    + " points, expected at least 2");
        }
        for (int i = 0; i < energiesEv.length; i++) {
            if (!Double.isFinite(energiesEv[i]) || !Double.isFinite(values[i])) {
                throw new IllegalArgumentException("reference '" + name + "' point " + (i + 1) + " is not a finite number");
            }
            if (i > 0 && !(energiesEv[i] > energiesEv[i - 1])) {
                throw new IllegalArgumentException("reference '" + name + "': energies must be strictly increasing, but "
                        + energiesEv[i] + " eV follows " + energiesEv[i - 1] + " eV");
            }
        }
        energiesEv = energiesEv.clone();
        values = values.clone();
    }

    @Override
    public double[] energiesEv() {
        return energiesEv.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The same spectrum with another nominal valence. */
    public ReferenceSpectrum withValence(double newValence) {
        return new ReferenceSpectrum(name, newValence, energiesEv, values);
    }

    /**
     * The same spectrum moved by {@code shiftEv} along the energy axis: the feature at E appears at E + shift.
     */
    public ReferenceSpectrum withShift(double shiftEv) {
        if (!Double.isFinite(shiftEv)) {
            throw new IllegalArgumentException("reference '" + name + "': energy shift " + shiftEv
                    + " eV is not a finite number");
        }
        double[] e = energiesEv.clone();
        for (int i = 0; i < e.length; i++) {
            e[i] += shiftEv;
        }
        return new ReferenceSpectrum(name, valence, e, values);
    }

    /** The same spectrum under another name. */
    public ReferenceSpectrum withName(String newName) {
        return new ReferenceSpectrum(newName, valence, energiesEv, values);
    }

    /**
     * Linear interpolation onto the given energies. Energies outside the reference's range are an error: a
     * reference extrapolated beyond its measurement would silently bias the fit.
     */
    public double[] interpolate(double[] targetEv) {
        double lo = energiesEv[0];
        double hi = energiesEv[energiesEv.length - 1];
        double[] out = new double[targetEv.length];
        for (int i = 0; i < targetEv.length; i++) {
            double e = targetEv[i];
            if (e < lo - 1e-9 || e > hi + 1e-9) {
                throw new IllegalArgumentException("reference '" + name + "' covers " + lo + "–" + hi
                        + " eV but the stack has an energy at " + e + " eV");
            }
            int j = Arrays.binarySearch(energiesEv, e);
            if (j >= 0) {
                out[i] = values[j];
                continue;
            }
            int upper = Math.min(Math.max(-j - 1, 1), energiesEv.length - 1);
            int lower = upper - 1;
            double t = (e - energiesEv[lower]) / (energiesEv[upper] - energiesEv[lower]);
            out[i] = values[lower] + t * (values[upper] - values[lower]);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReferenceSpectrum r && r.name.equals(name) && Double.compare(r.valence, valence) == 0
                && Arrays.equals(r.energiesEv, energiesEv) && Arrays.equals(r.values, values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ReferenceSpectrum[" + name + ", valence " + valence + ", " + energiesEv.length + " points]";
    }
}
