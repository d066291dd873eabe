package org.oxymap.core.od;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.oxymap.core.stack.SpectralStack;

/**
 * Beer–Lambert conversion of transmitted counts to optical density, OD = −ln(I/I0).
 *
 * <p>A count ≤ 0 (or not finite) cannot be logged: its pixel is marked invalid in the returned mask, and its OD at
 * that energy is set to 0 so that no NaN travels on. Later stages skip invalid pixels; the caller reports how many
 * there were.
 */
public final class OpticalDensityConverter {

    /** The OD stack and the pixels whose counts could not be converted at one or more energies. */
    public record Result(SpectralStack od, boolean[] invalid, int invalidCount) {
    }

    public Result convert(SpectralStack transmission, double[] i0) {
        int nE = transmission.energyCount();
        if (i0.length != nE) {
            throw new IllegalArgumentException("I0 has " + i0.length + " values but the stack has " + nE + " energies");
        }
        for (int k = 0; k < nE; k++) {
            if (!(i0[k] > 0) || !Double.isFinite(i0[k])) {
                throw new IllegalArgumentException("I0 at " + transmission.energyEv(k) + " eV is " + i0[k]
                        + ", expected a positive count");
            }
        }
        int n = transmission.width() * transmission.height();
        boolean[] invalid = new boolean[n];
        List<float[]> od = new ArrayList<>(nE);
        for (int k = 0; k < nE; k++) {
            od.add(new float[n]);
        }
        IntStream.range(0, nE).parallel().forEach(k -> {
            float[] in = transmission.plane(k);
            float[] out = od.get(k);
            double logI0 = Math.log(i0[k]);
            for (int i = 0; i < n; i++) {
                float c = in[i];
                if (c > 0 && Float.isFinite(c)) {
                    out[i] = (float) (logI0 - Math.log(c));
                } else {
                    invalid[i] = true; // benign race: every writer stores true
                }
            }
        });
        int count = 0;
        for (boolean b : invalid) {
            if (b) {
                count++;
            }
        }
        return new Result(transmission.withPlanes(od).withI0(i0), invalid, count);
    }
}
