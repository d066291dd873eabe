package org.oxymap.core.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.oxymap.core.align.AlignmentSettings;
import org.oxymap.core.align.PixelRectangle;
import org.oxymap.core.align.Shift;
import org.oxymap.core.align.ShiftMethod;
import org.oxymap.core.align.StackAligner;
import org.oxymap.core.fit.FitMaps;
import org.oxymap.core.fit.LinearCombinationFitter;
import org.oxymap.core.model.ModelFitSettings;
import org.oxymap.core.od.EmptyRegionI0Estimator;
import org.oxymap.core.od.OpticalDensityConverter;
import org.oxymap.core.od.ProbeDeconvolution;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.PlaneSource;
import org.oxymap.core.stack.SpectralStack;

/**
 * The pipeline for a stack larger than the memory it may use: the stack-sized stages (alignment, I0, OD, per-pixel
 * fit) run on horizontal bands of full rows, all energies of a band at a time, read from a {@link PlaneSource};
 * the 2-D maps are kept whole, and everything after the fit runs on them as in {@link OxidationStatePipeline}.
 *
 * <p>Passes over the source: (0) plane by plane, whether each plane is positive everywhere (ln-count resampling)
 * and its cut to the estimation window, from which the drift is estimated exactly as in memory; (1) band by band,
 * the aligned bands' mean transmission image, whose brightest mode gives the empty mask; (2) the empty region's
 * mean count per energy, I0, summed in the same row-major order as in memory; (3) aligned band, OD and fit,
 * copied into the whole maps. Each band is read with the rows its resampling needs above and below (the drift
 * plus the kernel's reach); when the probe is deconvolved, each band is aligned with the deconvolution kernel's
 * reach beyond it and deconvolved energy by energy ({@link ProbeDeconvolution#deconvolveRows}). Every per-pixel value is computed with the same arithmetic in the same order as
 * the in-memory path, so with the same settings the maps are bit-identical and the particles the same.
 *
 * <p>Not tile-local, hence not offered here: the Fourier shift (each column's FFT spans the whole height), which is
 * replaced by the Lanczos-6 kernel (the default, band-local, and as accurate on the phantom; a run compares with the
 * in-memory path using lanczos), cropping to the common
 * area, outlier replacement and an I0 rectangle; these are refused with a message saying so.
 */
public final class TiledPipeline {

    /** Stage name reported to the {@link ProgressListener}. */
    public static final String STAGE = "Tiled run";

    private final PipelineSettings settings;
    private final List<ReferenceSpectrum> references;
    private final long maxBytes;

    /**
     * @param maxBytes the memory the run may use for its data, bytes
     * @throws IllegalArgumentException when a setting cannot be done band by band
     */
    public TiledPipeline(PipelineSettings settings, List<ReferenceSpectrum> references, long maxBytes) {
        this.settings = tileable(settings);
        this.references = List.copyOf(references);
        this.maxBytes = maxBytes;
    }

    /**
     * The settings a tiled run uses: the Fourier shift replaced by the Lanczos-6 kernel (documented in the class
     * comment); other settings that are not tile-local refused.
     *
     * @throws IllegalArgumentException naming the parameter
     */
    public static PipelineSettings tileable(PipelineSettings s) {
        s.validate();
        PreparationSettings prep = s.preparation();
        AlignmentSettings a = s.alignment();
        if (a.method() == ShiftMethod.FOURIER) {
            s = s.withAlignment(a.withMethod(ShiftMethod.LANCZOS));
        } else if (a.method() != ShiftMethod.CUBIC && a.method() != ShiftMethod.LANCZOS && s.align()) {
            throw new IllegalArgumentException("parameter align-method is " + a.method().label()
                    + ", but a run with --max-memory resamples band by band and supports lanczos and cubic (or "
                    + "fourier, which it replaces by lanczos)");
        }
        if (s.align() && a.crop()) {
            throw new IllegalArgumentException("parameter crop is not supported with --max-memory; crop the maps "
                    + "afterwards or run in memory");
        }
        if (prep.outlierSigma() > 0) {
            throw new IllegalArgumentException("parameter outliers is not supported with --max-memory; run in memory");
        }
        if (prep.i0Roi() != null) {
            throw new IllegalArgumentException("parameter i0-roi is not supported with --max-memory; give an I0 "
                    + "spectrum (--i0) or let the empty region give I0");
        }
        return s;
    }

    /** The settings this run uses (see {@link #tileable}). */
    public PipelineSettings settings() {
        return settings;
    }

    /**
     * Rows per band for a stack of {@code width × height × energies} under {@link #maxBytes}, or throws when not
     * even one row fits.
     */
    public int bandRows(int width, int height, int energies, double maxShiftPx) {
        return bandRows(width, height, energies, maxShiftPx, 0);
    }

    /**
     * As {@link #bandRows(int, int, int, double)} for a run that deconvolves the probe, whose bands are aligned with
     * {@code deconvolutionReach} more rows above and below and deconvolved one energy at a time (the aligned band
     * and its row-filtered copy, both transient, are counted as two more energies per row).
     */
    public int bandRows(int width, int height, int energies, double maxShiftPx, int deconvolutionReach) {
        long fixed = MemoryEstimate.tiledFixedBytes(width, height, energies, references.size(),
                settings.alignment().estimationArea(width, height));
        long perRow = MemoryEstimate.tiledBytesPerRow(width, energies)
                + (deconvolutionReach > 0 ? 2 * 4L * width : 0);
        int margin = (int) Math.ceil(maxShiftPx) + 3 + 2 * deconvolutionReach;
        fixed += MemoryEstimate.tiledMarginBytes(width, margin);
        long rows = (maxBytes - fixed) / perRow;
        if (rows < 1) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "--max-memory %s is too small for "
                    + "this %d x %d x %d stack: the whole maps and one band need at least %s; give more",
                    MemoryEstimate.format(maxBytes), width, height, energies,
                    MemoryEstimate.format(fixed + perRow)));
        }
        return (int) Math.min(height, rows);
    }

    /**
     * Runs the pipeline from the source, band by band.
     *
     * @param particleLabels particles from outside (see {@link OxidationStatePipeline#run}), or null
     * @throws IOException when the source cannot be read
     */
    public PipelineResult run(PlaneSource source, int[] particleLabels, ProgressListener listener)
            throws IOException {
        try {
            return runBands(source, particleLabels, listener);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private PipelineResult runBands(PlaneSource source, int[] particleLabels, ProgressListener listener)
            throws IOException {
        ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
        int w = source.width();
        int h = source.height();
        int nE = source.energyCount();
        if (particleLabels != null && particleLabels.length != w * h) {
            throw new IllegalArgumentException("the particle label image has " + particleLabels.length
                    + " pixels but the stack is " + w + " x " + h);
        }
        String profileName = settings.profile() != null ? settings.profile()
                : OxidationStatePipeline.defaultProfile(references);
        if (references.stream().noneMatch(r -> r.name().equals(profileName))) {
            throw new IllegalArgumentException("parameter profile names '" + profileName + "', but the references are "
                    + references.stream().map(ReferenceSpectrum::name).toList());
        }
        double pw = source.pixelWidthNm();
        double ph = source.pixelHeightNm();
        double binNm = Double.isNaN(settings.binNm()) ? pw : settings.binNm();
        PipelineSettings used = settings.withProfile(profileName).withBinNm(binNm);
        double[] energies = source.energiesEv();
        double offset = settings.preparation().energyShiftEv();
        if (offset != 0) {
            for (int k = 0; k < nE; k++) {
                energies[k] += offset;
            }
        }
        AlignmentSettings alignment = settings.alignment();
        boolean align = settings.align() && nE > 1;
        StackAligner aligner = new StackAligner(alignment);
        alignment.validateFor(w, h, nE);

        // pass 0: plane by plane, positivity; the drift from the estimation window, read again when needed
        boolean[] inLog = new boolean[nE];
        for (int k = 0; k < nE; k++) {
            progress.checkCancelled(STAGE);
            inLog[k] = alignment.logCounts() && StackAligner.positiveEverywhere(source.readRows(k, 0, h));
            progress.progress(STAGE + ": reading planes", k + 1, nE);
        }
        Shift[] shifts = new Shift[nE];
        Arrays.fill(shifts, new Shift(0, 0));
        if (align) {
            PixelRectangle area = alignment.estimationArea(w, h);
            shifts = aligner.estimateOnArea(windows(source, area), area.width(), area.height(), progress);
        }
        double maxDy = 0;
        for (Shift s : shifts) {
            maxDy = Math.max(maxDy, Math.abs(s.dyPx()));
        }
        ModelFitSettings modelFits = settings.modelFits();
        ProbeDeconvolution deconvolution = modelFits.deconvolves()
                ? new ProbeDeconvolution(modelFits.probeFwhmNm(), pw, ph) : null;
        double blurLeftFwhmNm = deconvolution != null ? deconvolution.residualFwhmNm() : modelFits.probeFwhmNm();
        double noiseGain = deconvolution != null ? deconvolution.noiseVarianceGain() : 1.0;
        int rows = bandRows(w, h, nE, maxDy, deconvolution != null ? deconvolution.reachRows() : 0);
        Bands bands = new Bands(source, aligner, align, shifts, inLog, w, h, nE, energies, pw, ph, rows,
                deconvolution);

        // pass 1: the mean transmission image, accumulated per pixel in energy order as in memory
        float[] mean = new float[w * h];
        for (int y0 = 0; y0 < h; y0 += rows) {
            int n = Math.min(rows, h - y0);
            List<float[]> band = bands.aligned(y0, n, progress);
            int base = y0 * w;
            for (int k = 0; k < nE; k++) {
                float[] p = band.get(k);
                for (int i = 0; i < p.length; i++) {
                    mean[base + i] += p[i] / nE;
                }
            }
        }

        // pass 2: I0 from the empty region, unless the file carries one
        double[] i0 = source.i0OrNull();
        boolean[] empty = null;
        boolean[] emptyOfAligned = null;
        if (i0 == null || particleLabels == null
                && settings.threshold() == org.oxymap.core.segment.ThresholdMethod.NOISE) {
            emptyOfAligned = EmptyRegionI0Estimator.emptyMask(mean);
        }
        mean = null;
        if (i0 == null) {
            empty = emptyOfAligned;
            int pixels = 0;
            for (boolean e : empty) {
                if (e) {
                    pixels++;
                }
            }
            double[] sums = new double[nE];
            for (int y0 = 0; y0 < h; y0 += rows) {
                int n = Math.min(rows, h - y0);
                List<float[]> band = bands.aligned(y0, n, progress);
                int base = y0 * w;
                for (int k = 0; k < nE; k++) {
                    float[] p = band.get(k);
                    double s = sums[k];
                    for (int i = 0; i < p.length; i++) {
                        if (empty[base + i]) {
                            s += p[i];
                        }
                    }
                    sums[k] = s;
                }
            }
            i0 = new double[nE];
            for (int k = 0; k < nE; k++) {
                i0[k] = sums[k] / pixels;
                if (!(i0[k] > 0)) {
                    throw new IllegalArgumentException("the empty region's mean count at " + energies[k] + " eV is "
                            + i0[k] + ", expected > 0");
                }
            }
        }

        // pass 3: OD and the fit, band by band, into whole maps
        LinearCombinationFitter fitter = new LinearCombinationFitter(references, settings.fitOptions());
        double i0Readings = OxidationStatePipeline.i0Readings(empty);
        WholeMaps whole = null;
        int invalidCount = 0;
        for (int y0 = 0; y0 < h; y0 += rows) {
            int n = Math.min(rows, h - y0);
            SpectralStack band = SpectralStack.wrap(bands.aligned(y0, n, progress), w, n, energies, pw, ph, null,
                    Double.NaN);
            OpticalDensityConverter.Result od = new OpticalDensityConverter().convert(band, i0);
            invalidCount += od.invalidCount();
            FitMaps part = fitter.fit(od.od(), OxidationStatePipeline.weightCounts(band, noiseGain,
                    settings.fitOptions().weights()), i0, i0Readings, od.invalid(), ProgressListener.NONE);
            band = null;
            if (whole == null) {
                whole = new WholeMaps(part.names(), w, h);
            }
            whole.put(part, y0 * w);
            progress.progress(STAGE + ": fit", y0 + n, h);
        }
        if (invalidCount == w * h) {
            throw new IllegalArgumentException("no pixel has positive counts at every energy: nothing to fit");
        }
        FitMaps maps = whole.maps();
        boolean[] mask = emptyOfAligned;
        return new OxidationStatePipeline(settings, references).finish(used, profileName, shifts, i0, empty,
                invalidCount, maps, () -> mask, w, h, pw, ph, particleLabels, PixelRectangle.of(w, h), 0,
                blurLeftFwhmNm, progress);
    }

    /** Every plane's cut to the estimation area, each read from the source when asked for. */
    private static List<float[]> windows(PlaneSource source, PixelRectangle area) {
        int w = source.width();
        int n = source.energyCount();
        return new java.util.AbstractList<>() {
            @Override
            public float[] get(int k) {
                try {
                    float[] rows = source.readRows(k, area.y(), area.height());
                    return new PixelRectangle(area.x(), 0, area.width(), area.height()).cut(rows, w);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    /** Reads and resamples bands. */
    private record Bands(PlaneSource source, StackAligner aligner, boolean align, Shift[] shifts, boolean[] inLog,
            int w, int h, int nE, double[] energies, double pw, double ph, int rows,
            ProbeDeconvolution deconvolution) {

        /**
         * The rows {@code y0 .. y0 + n − 1} of every energy, aligned and, when the probe is deconvolved, deconvolved
         * from a band aligned with the kernel's reach above and below (as in memory: align, then deconvolve).
         */
        List<float[]> aligned(int y0, int n, ProgressListener progress) throws IOException {
            List<float[]> out = new ArrayList<>(nE);
            int reach = deconvolution == null ? 0 : deconvolution.reachRows();
            int top = Math.max(0, y0 - reach);
            int bottom = Math.min(h, y0 + n + reach);
            for (int k = 0; k < nE; k++) {
                progress.checkCancelled(STAGE);
                float[] rowsOfK = alignedRows(k, top, bottom - top);
                out.add(deconvolution == null ? rowsOfK
                        : deconvolution.deconvolveRows(rowsOfK, w, top, bottom - top, h, y0, n));
            }
            return out;
        }

        private float[] alignedRows(int k, int y0, int n) throws IOException {
            if (!align) {
                return source.readRows(k, y0, n);
            }
            int[] src = aligner.sourceRows(y0, y0 + n, h, shifts[k]);
            float[] read = source.readRows(k, src[0], src[1] - src[0]);
            return aligner.resampleRows(read, src[0], w, h, y0, n, shifts[k], inLog[k]);
        }
    }

    /** The whole maps, filled band by band. */
    private static final class WholeMaps {
        private final List<String> names;
        private final int w;
        private final int h;
        private final List<float[]> coefficients = new ArrayList<>();
        private final List<float[]> fractions = new ArrayList<>();
        private final List<float[]> sigmas = new ArrayList<>();
        private final float[] thickness;
        private final float[] valence;
        private final float[] chi2;
        private final float[] background;
        private final boolean[] fitted;
        private final float[] rFactor;
        private final float[] edgeJump;
        private final boolean[] smallJump;

        WholeMaps(List<String> names, int w, int h) {
            this.names = names;
            this.w = w;
            this.h = h;
            int n = w * h;
            for (int k = 0; k < names.size(); k++) {
                coefficients.add(new float[n]);
                fractions.add(new float[n]);
                sigmas.add(new float[n]);
            }
            thickness = new float[n];
            valence = new float[n];
            chi2 = new float[n];
            background = new float[n];
            fitted = new boolean[n];
            rFactor = new float[n];
            edgeJump = new float[n];
            smallJump = new boolean[n];
        }

        void put(FitMaps part, int offset) {
            int n = part.width() * part.height();
            for (int k = 0; k < names.size(); k++) {
                System.arraycopy(part.coefficients().get(k), 0, coefficients.get(k), offset, n);
                System.arraycopy(part.fractions().get(k), 0, fractions.get(k), offset, n);
                System.arraycopy(part.sigmas().get(k), 0, sigmas.get(k), offset, n);
            }
            System.arraycopy(part.thickness(), 0, thickness, offset, n);
            System.arraycopy(part.valence(), 0, valence, offset, n);
            System.arraycopy(part.reducedChi2(), 0, chi2, offset, n);
            System.arraycopy(part.background(), 0, background, offset, n);
            System.arraycopy(part.fitted(), 0, fitted, offset, n);
            System.arraycopy(part.rFactor(), 0, rFactor, offset, n);
            System.arraycopy(part.edgeJump(), 0, edgeJump, offset, n);
            System.arraycopy(part.smallJump(), 0, smallJump, offset, n);
        }

        FitMaps maps() {
            return new FitMaps(w, h, names, coefficients, fractions, sigmas, thickness, valence, chi2, background,
                    fitted, rFactor, edgeJump, smallJump);
        }
    }
}
