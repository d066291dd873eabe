package org.oxymap.core.align;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.stack.SpectralStack;

/**
 * Aligns the energy planes of a transmission stack as {@link AlignmentSettings} says: estimate each plane's drift
 * by sub-pixel phase correlation ({@link PhaseCorrelationAligner}) against the chosen reference, optionally on Sobel
 * edge images and inside a region of interest, then resample every plane to undo it and optionally crop to the
 * area all planes cover.
 *
 * <p>Why the defaults (measured on the phantom of {@code PhantomSettings.defaults()}, 128 px, 33 energies, drift up
 * to 1.5 px, seeds 20211 and 987654321; Mn3+ fraction RMSE over pixels ≥ 20 nm; the undrifted twin gives 0.0158):
 * the shift estimates are within 0.005–0.010 px RMS of the truth, so the estimate is not what limits the maps.
 * Resampling is. With the true shifts, cubic convolution of the counts gives 0.025 / 0.022; resampling ln(counts)
 * instead of counts gives 0.021 / 0.018; the Fourier phase ramp on counts 0.024 / 0.020; Fourier on ln(counts)
 * 0.020 / 0.017. Interpolating ln(counts) matters most: Beer–Lambert makes OD, not transmission, linear in the
 * amount of each species, so a weighted mean of neighbouring ODs is a spectrum of a mixture of the neighbours'
 * compositions, while a weighted mean of counts, once logged, is not (the steep particle rims, where OD jumps by
 * ~1 within a pixel, are where this bites). The Fourier ramp adds a little because it has the same unit transfer
 * function at every sub-pixel shift, whereas a local kernel blurs a half-pixel-shifted plane more than an unshifted
 * one, and a spectrum built from planes of different resolution is distorted at every edge. The default is now the
 * Lanczos-6 kernel ({@link SeparableKernelShifter}, 12 taps per axis) on ln(counts). With the estimated shifts
 * Lanczos-4 (8 taps) gives 0.0195 / 0.0193 (Fourier 0.0199 / 0.0201, Keys cubic 0.0201 / 0.0215, Lanczos-3 0.0194 /
 * 0.0203; undrifted 0.0158), but the edge-distance profiles show the shorter kernel's ripple: on the bundled-image
 * phantom 86 of 109 profile bins agree with the truth within 2 SE with Lanczos-4, 98 with Lanczos-6, 96 with
 * Lanczos-8 and 95 with the Fourier ramp. Being a fixed-weight FIR filter per plane it costs a fraction of the two
 * FFT passes (at 2048² the 12 taps cost no more wall time than 8: the pass is log/exp- and memory-bound). The remaining gap to the
 * undrifted stack is aliasing: the probe (10 nm FWHM on 10 nm pixels) passes 41% of the contrast at the Nyquist
 * frequency, so the planes are not quite band-limited and no resampling can recover them exactly.
 *
 * <p>ln(counts) is used only where every count of a plane is positive; a plane with a count ≤ 0 is resampled in
 * counts (and the later OD step masks the pixel), so no NaN or infinity is ever produced.
 */
public final class StackAligner {

    /** Stage name for the resampling step reported to the {@link ProgressListener}. */
    public static final String RESAMPLE_STAGE = "Resampling";

    /** Passes of the mean reference: the first mean is blurred by the drift, the second is built after aligning. */
    private static final int MEAN_PASSES = 2;

    private final AlignmentSettings settings;

    public StackAligner(AlignmentSettings settings) {
        settings.validate();
        this.settings = settings;
    }

    /** The settings this aligner uses. */
    public AlignmentSettings settings() {
        return settings;
    }

    /**
     * Estimates the drift of every plane and resamples the stack to undo it.
     *
     * @param listener progress receiver and cancellation, or null for none
     * @throws IllegalArgumentException if the settings do not fit the stack (reference index, ROI), or a plane has
     *                                  no contrast to correlate on
     */
    public AlignmentResult align(SpectralStack stack, ProgressListener listener) {
        ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
        int w = stack.width();
        int h = stack.height();
        int n = stack.energyCount();
        settings.validateFor(w, h, n);
        Shift[] shifts = estimate(stack, progress);
        List<float[]> planes = resample(stack.planes(), w, h, shifts, progress);
        PixelRectangle common = commonArea(shifts, w, h);
        SpectralStack aligned = stack.withPlanes(planes);
        if (settings.crop()) {
            List<float[]> cut = new ArrayList<>(n);
            for (float[] p : planes) {
                cut.add(common.cut(p, w));
            }
            double[] i0 = stack.i0OrNull();
            aligned = SpectralStack.wrap(cut, common.width(), common.height(), stack.energiesEv(),
                    stack.pixelWidthNm(), stack.pixelHeightNm(), i0, stack.dwellMs().orElse(Double.NaN));
        }
        return new AlignmentResult(aligned, shifts, common, settings.crop());
    }

    /** The drift of every plane, in the convention of {@link Shift}, relative to the frame the settings choose. */
    public Shift[] estimate(SpectralStack stack, ProgressListener listener) {
        int n = stack.energyCount();
        int w = stack.width();
        int h = stack.height();
        settings.validateFor(w, h, n);
        PixelRectangle area = settings.estimationArea(w, h);
        List<float[]> cuts = new ArrayList<>(n);
        for (float[] p : stack.planes()) {
            cuts.add(area.x() == 0 && area.y() == 0 && area.width() == w && area.height() == h ? p
                    : area.cut(p, w));
        }
        return estimateOnArea(cuts, area.width(), area.height(), listener);
    }

    /**
     * The drift of every plane from its cut to {@link AlignmentSettings#estimationArea} (e.g. read one at a time from
     * a file too large to hold whole), in the convention of {@link Shift}.
     *
     * @param cuts one image of {@code width × height} per energy, the planes cut to the estimation area; it may be
     *             a list that reads each cut when asked for it (each is asked for a few times), so that no more
     *             than a few cuts are held at once
     */
    public Shift[] estimateOnArea(List<float[]> cuts, int width, int height, ProgressListener listener) {
        ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
        int n = cuts.size();
        if (n == 1) {
            return new Shift[] {new Shift(0, 0)};
        }
        List<float[]> images = !settings.edgeFilter() ? cuts : new java.util.AbstractList<>() {
            @Override
            public float[] get(int k) {
                return correlationImage(cuts.get(k), width, height);
            }

            @Override
            public int size() {
                return n;
            }
        };
        PhaseCorrelationAligner aligner = new PhaseCorrelationAligner(settings.maxShiftPx());
        return switch (settings.reference()) {
            case INDEX -> aligner.estimateShifts(images, width, height, settings.referenceIndex(), progress);
            case PREVIOUS -> cascade(aligner, images, width, height, progress);
            case MEAN -> againstMean(aligner, cuts, images, width, height, progress);
        };
    }

    private float[] correlationImage(float[] cut, int width, int height) {
        return settings.edgeFilter() ? SobelEdgeFilter.magnitude(cut, width, height) : cut;
    }

    private static Shift[] cascade(PhaseCorrelationAligner aligner, List<float[]> images, int w, int h,
                                   ProgressListener progress) {
        int n = images.size();
        Shift[] shifts = new Shift[n];
        shifts[0] = new Shift(0, 0);
        for (int k = 1; k < n; k++) {
            progress.checkCancelled(PhaseCorrelationAligner.STAGE);
            Shift step = aligner.estimateShifts(List.of(images.get(k - 1), images.get(k)), w, h, 0, null)[1];
            shifts[k] = new Shift(shifts[k - 1].dxPx() + step.dxPx(), shifts[k - 1].dyPx() + step.dyPx());
            progress.progress(PhaseCorrelationAligner.STAGE, k, n - 1);
        }
        return PhaseCorrelationAligner.relativeToMean(shifts);
    }

    /**
     * Registers every plane to the mean image; the mean is rebuilt from the planes aligned with the first estimate,
     * since the first mean is blurred by the drift itself. The first pass makes only the first, window-biased estimate
     * (good to ~1 % of the shift, plenty for building the second mean); the second pass only refines it (no integer
     * search, resample-and-re-estimate passes until converged). Both means are built on the estimation area alone: each cut is shifted by its first
     * estimate with the Lanczos-6 kernel (in counts; a third of the estimate's time went to the Fourier shift used
     * before), so what moves in across the cut's border is its replicated edge, which the Tukey window of the
     * correlation suppresses.
     */
    private Shift[] againstMean(PhaseCorrelationAligner aligner, List<float[]> cuts, List<float[]> images,
                                int width, int height, ProgressListener progress) {
        int n = cuts.size();
        float[] mean = new float[width * height];
        for (float[] p : cuts) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += p[i] / n;
            }
        }
        Shift[] first = PhaseCorrelationAligner.relativeToMean(aligner.estimateShiftsAgainst(images,
                correlationImage(mean, width, height), width, height, MEAN_PASSES == 1, progress));
        for (int pass = 1; pass < MEAN_PASSES; pass++) {
            Shift[] current = first;
            double[] sum = new double[width * height];
            IntStream.range(0, n).parallel().forEach(k -> {
                progress.checkCancelled(PhaseCorrelationAligner.STAGE);
                float[] moved = SeparableKernelShifter.shift(cuts.get(k), width, height, current[k].dxPx(),
                        current[k].dyPx(), SeparableKernelShifter.Kernel.LANCZOS6, false);
                synchronized (sum) {
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += moved[i];
                    }
                }
            });
            for (int i = 0; i < mean.length; i++) {
                mean[i] = (float) (sum[i] / n);
            }
            first = PhaseCorrelationAligner.relativeToMean(aligner.refineShiftsAgainst(images,
                    correlationImage(mean, width, height), width, height, current, progress));
        }
        return first;
    }

    /**
     * Resamples every plane with the settings' method, in ln(counts) when asked for and every count of the plane is
     * positive.
     */
    public List<float[]> resample(List<float[]> planes, int width, int height, Shift[] shifts,
                                  ProgressListener listener) {
        ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
        if (shifts.length != planes.size()) {
            throw new IllegalArgumentException("shifts: expected one per plane (" + planes.size() + "), got "
                    + shifts.length);
        }
        ShiftMethod method = settings.method();
        return IntStream.range(0, planes.size()).parallel().mapToObj(k -> {
            progress.checkCancelled(RESAMPLE_STAGE);
            float[] p = planes.get(k);
            Shift s = shifts[k];
            if (method == ShiftMethod.LANCZOS) {
                return settings.logCounts()
                        ? SeparableKernelShifter.shiftInLogWherePositive(p, width, height, s.dxPx(), s.dyPx(),
                                SeparableKernelShifter.Kernel.LANCZOS6)
                        : SeparableKernelShifter.shift(p, width, height, s.dxPx(), s.dyPx(),
                                SeparableKernelShifter.Kernel.LANCZOS6, false);
            }
            if (settings.logCounts() && allPositive(p)) {
                float[] log = new float[p.length];
                for (int i = 0; i < p.length; i++) {
                    log[i] = (float) Math.log(p[i]);
                }
                float[] out = method.shift(log, width, height, s.dxPx(), s.dyPx());
                for (int i = 0; i < out.length; i++) {
                    out[i] = (float) Math.exp(out[i]);
                }
                return out;
            }
            return method.shift(p, width, height, s.dxPx(), s.dyPx());
        }).toList();
    }

    /**
     * The largest rectangle that every resampled plane fills from its own pixels: with {@code out(x) = in(x + dx)},
     * column x is covered by plane k when {@code 0 ≤ x + dx_k ≤ w − 1}.
     *
     * @throws IllegalArgumentException if the shifts leave no common area
     */
    public static PixelRectangle commonArea(Shift[] shifts, int width, int height) {
        double maxDx = 0;
        double minDx = 0;
        double maxDy = 0;
        double minDy = 0;
        for (Shift s : shifts) {
            maxDx = Math.max(maxDx, s.dxPx());
            minDx = Math.min(minDx, s.dxPx());
            maxDy = Math.max(maxDy, s.dyPx());
            minDy = Math.min(minDy, s.dyPx());
        }
        int x0 = (int) Math.ceil(-minDx - 1e-9);
        int y0 = (int) Math.ceil(-minDy - 1e-9);
        int x1 = (int) Math.floor(width - 1 - maxDx + 1e-9);
        int y1 = (int) Math.floor(height - 1 - maxDy + 1e-9);
        if (x1 < x0 || y1 < y0) {
            throw new IllegalArgumentException("the drift (x " + minDx + ".." + maxDx + ", y " + minDy + ".." + maxDy
                    + " px) leaves no area common to every plane of the " + width + " x " + height + " px image");
        }
        return new PixelRectangle(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    /**
     * Rows {@code outY0 .. outY0 + outRows − 1} of plane k resampled as {@link #resample} does it, from a band of
     * that plane's full rows starting at {@code bandY0} that covers {@link #sourceRows}; bit-identical to the same
     * rows of the whole-plane result. Only the cubic and Lanczos methods are local enough for this.
     *
     * @param inLog whether the whole plane is resampled in ln(counts): {@code logCounts} and
     *              {@link #positiveEverywhere} of the whole plane
     * @throws IllegalArgumentException if the settings' method is neither cubic nor lanczos
     */
    public float[] resampleRows(float[] band, int bandY0, int width, int height, int outY0, int outRows, Shift shift,
                                boolean inLog) {
        if (settings.method() == ShiftMethod.LANCZOS) {
            return SeparableKernelShifter.shiftRows(band, bandY0, width, height, outY0, outRows, shift.dxPx(),
                    shift.dyPx(), SeparableKernelShifter.Kernel.LANCZOS6, inLog);
        }
        if (settings.method() != ShiftMethod.CUBIC) {
            throw new IllegalArgumentException("band-wise resampling needs align-method cubic or lanczos, got "
                    + settings.method().label());
        }
        if (inLog) {
            float[] log = new float[band.length];
            for (int i = 0; i < band.length; i++) {
                log[i] = (float) Math.log(band[i]);
            }
            float[] out = ImageShifter.shiftRows(log, bandY0, width, height, outY0, outRows, shift.dxPx(),
                    shift.dyPx());
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) Math.exp(out[i]);
            }
            return out;
        }
        return ImageShifter.shiftRows(band, bandY0, width, height, outY0, outRows, shift.dxPx(), shift.dyPx());
    }

    /**
     * Rows of the source plane, {@code {first, end}}, that {@link #resampleRows} reads for output rows
     * {@code y0 .. y1 − 1} with the settings' method (cubic or lanczos).
     */
    public int[] sourceRows(int y0, int y1, int height, Shift shift) {
        return settings.method() == ShiftMethod.LANCZOS
                ? SeparableKernelShifter.sourceRows(y0, y1, height, shift.dyPx(),
                        SeparableKernelShifter.Kernel.LANCZOS6)
                : ImageShifter.sourceRows(y0, y1, height, shift.dyPx());
    }

    /** True when every value is positive and finite, so that the plane can be resampled in ln(counts). */
    public static boolean positiveEverywhere(float[] p) {
        return allPositive(p);
    }

    private static boolean allPositive(float[] p) {
        return SeparableKernelShifter.positive(p, 0, p.length);
    }
}
