package org.oxymap.io;

import java.util.ArrayList;
import java.util.List;

import org.oxymap.core.edge.EdgeEnergyMap;
import org.oxymap.core.edge.EdgeEnergyMapper;
import org.oxymap.core.edge.EdgeMapSettings;
import org.oxymap.core.od.OpticalDensityConverter;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.spectra.EdgeStepNormaliser;
import org.oxymap.core.spectra.EnergyShiftFit;
import org.oxymap.core.spectra.EnergyShiftFitter;
import org.oxymap.core.spectra.NormalisationSettings;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.spectra.RegionSpectrum;
import org.oxymap.core.stack.SpectralStack;

/**
 * Reference preparation before a run: Athena-style normalisation of every reference, and one energy shift for all
 * of them, given or fitted to the stack's mean optical-density spectrum over the pixels with a clear edge (edge
 * jump at least {@code minJump}, {@link EdgeEnergyMapper} with its default ranges). The mean is taken over the
 * unaligned stack: drift moves pixels between images, but hardly changes the mean of thousands of them.
 */
public final class ReferencePreparer {

    private ReferencePreparer() {
    }

    /** Every reference normalised with the same settings; errors name the reference. */
    public static List<ReferenceSpectrum> normalise(List<ReferenceSpectrum> refs, NormalisationSettings settings) {
        List<ReferenceSpectrum> out = new ArrayList<>();
        for (ReferenceSpectrum r : refs) {
            out.add(EdgeStepNormaliser.normalise(r, settings).spectrum());
        }
        return out;
    }

    /** The mean OD spectrum of the stack's pixels with an edge jump of at least {@code minJump}. */
    public static ReferenceSpectrum meanEdgeSpectrum(SpectralStack stack, double minJump, ProgressListener listener) {
        OpticalDensityConverter.Result od = EdgeMapRunner.toOd(stack);
        EdgeEnergyMap edges = new EdgeEnergyMapper(EdgeMapSettings.defaults().withMinJump(minJump)).map(od.od(),
                listener);
        boolean[] mask = edges.valid().clone();
        int count = 0;
        for (int i = 0; i < mask.length; i++) {
            mask[i] &= !od.invalid()[i];
            count += mask[i] ? 1 : 0;
        }
        if (count == 0) {
            throw new IllegalArgumentException("no pixel of the stack has an edge jump of at least " + minJump
                    + " OD: cannot fit an energy shift (give --shift-ev as a number)");
        }
        return RegionSpectrum.mean(od.od(), mask, "stack mean", Double.NaN);
    }

    /** Fits one shift for all references to the stack's mean edge spectrum. */
    public static EnergyShiftFit fitShift(SpectralStack stack, List<ReferenceSpectrum> refs, int backgroundTerms,
            double maxShiftEv, double minJump, ProgressListener listener) {
        ReferenceSpectrum mean = meanEdgeSpectrum(stack, minJump, listener);
        return new EnergyShiftFitter(refs, backgroundTerms, maxShiftEv).fit(mean);
    }
}
