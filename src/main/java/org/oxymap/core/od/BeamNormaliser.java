package org.oxymap.core.od;

import java.util.ArrayList;
import java.util.List;

import org.oxymap.core.stack.SpectralStack;

/**
 * Puts counts recorded with different dwell times or storage-ring currents on one scale. The incident flux, and so
 * every count, is proportional to the dwell time and (in top-up or decay mode) to the ring current; OD = −ln(I/I0)
 * only cancels it when I and I0 were recorded under the same conditions. Within one stack with a single dwell time
 * the dwell cancels; it matters when I0 comes from a separately recorded spectrum, and the ring current matters when
 * it changed during the stack (decay mode) and I0 is not taken from the same images.
 */
public final class BeamNormaliser {

    private BeamNormaliser() {
    }

    /**
     * Scales each plane to the mean ring current: {@code I_k · mean(current) / current_k}.
     *
     * @param ringCurrentMa storage-ring current during each energy's image, mA (from the instrument's metadata)
     * @throws IllegalArgumentException if there is not one positive finite current per energy (naming the energy)
     */
    public static SpectralStack toMeanRingCurrent(SpectralStack stack, double[] ringCurrentMa) {
        if (ringCurrentMa == null || ringCurrentMa.length != stack.energyCount()) {
            throw new IllegalArgumentException("ring current: expected one value per energy (" + stack.energyCount()
                    + "), got " + (ringCurrentMa == null ? "none" : ringCurrentMa.length));
        }
        double mean = 0;
        for (int k = 0; k < ringCurrentMa.length; k++) {
            if (!(ringCurrentMa[k] > 0) || !Double.isFinite(ringCurrentMa[k])) {
                throw new IllegalArgumentException("ring current at " + stack.energyEv(k) + " eV is " + ringCurrentMa[k]
                        + " mA, expected a positive number");
            }
            mean += ringCurrentMa[k] / ringCurrentMa.length;
        }
        List<float[]> planes = new ArrayList<>(stack.energyCount());
        for (int k = 0; k < stack.energyCount(); k++) {
            float[] in = stack.plane(k);
            float[] out = new float[in.length];
            double scale = mean / ringCurrentMa[k];
            for (int i = 0; i < in.length; i++) {
                out[i] = (float) (in[i] * scale);
            }
            planes.add(out);
        }
        return stack.withPlanes(planes);
    }

    /**
     * An I0 spectrum recorded with dwell {@code i0DwellMs}, rescaled to the stack's dwell {@code stackDwellMs}.
     *
     * @throws IllegalArgumentException if either dwell is not a positive finite number
     */
    public static double[] i0ForDwell(double[] i0, double i0DwellMs, double stackDwellMs) {
        if (!(i0DwellMs > 0) || !Double.isFinite(i0DwellMs) || !(stackDwellMs > 0) || !Double.isFinite(stackDwellMs)) {
            throw new IllegalArgumentException("dwell times must be positive, got I0 " + i0DwellMs + " ms and stack "
                    + stackDwellMs + " ms");
        }
        double[] out = new double[i0.length];
        for (int k = 0; k < i0.length; k++) {
            out[k] = i0[k] * stackDwellMs / i0DwellMs;
        }
        return out;
    }
}
