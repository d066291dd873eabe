package org.oxymap.core.align;

/**
 * How a stack is aligned across energies, with defaults and validation; the keys of {@code params.json} and the
 * command-line options are the snake/kebab-case forms of these names.
 *
 * @param reference      what each plane is registered to
 * @param referenceIndex the energy index used when {@code reference} is {@link Reference#INDEX} (0-based)
 * @param edgeFilter     correlate Sobel gradient-magnitude images instead of the images themselves
 * @param roi            correlate only this rectangle of each plane; null = the whole plane
 * @param maxShiftPx     largest drift looked for along each axis, pixels (a clamp on the estimate)
 * @param method         how the planes are resampled to undo the drift
 * @param logCounts      resample ln(counts), i.e. optical density up to a per-energy constant, rather than counts
 * @param crop           crop the aligned stack to the area every plane covers
 * @param windowPx       when no ROI is given, estimate the drift on the centred window of at most this many pixels
 *                       per side rather than on the whole plane (0 = whole plane); the shifts of a rigid drift are
 *                       the same everywhere, and a 256 px window of a particle field holds enough structure for
 *                       0.01 px (on the 2048 px bench phantom: 0.0115 px RMS against the true drift, 0.0111 px with
 *                       512 px, 0.0165 px with 128 px) while costing a sixty-fourth of a 2048 px plane
 */
public record AlignmentSettings(Reference reference, int referenceIndex, boolean edgeFilter, PixelRectangle roi,
        double maxShiftPx, ShiftMethod method, boolean logCounts, boolean crop, int windowPx) {

    /** Default {@link #windowPx()}. */
    public static final int DEFAULT_WINDOW_PX = 256;

    /** Settings with the default estimation window. */
    public AlignmentSettings(Reference reference, int referenceIndex, boolean edgeFilter, PixelRectangle roi,
            double maxShiftPx, ShiftMethod method, boolean logCounts, boolean crop) {
        this(reference, referenceIndex, edgeFilter, roi, maxShiftPx, method, logCounts, crop, DEFAULT_WINDOW_PX);
    }

    /** What each plane is registered to. */
    public enum Reference {
        /**
         * The mean image of the stack, refined once after a first alignment; the aligned frame is the mean drift
         * position, which is the best estimate of the true frame when the drift is a zero-mean random walk.
         */
        MEAN,
        /**
         * The previous energy's plane (cascade), accumulating the shifts; follows slow contrast changes across an
         * edge, but errors add up along the stack. The result is re-centred on the mean position.
         */
        PREVIOUS,
        /** One chosen energy's plane, whose frame the aligned stack keeps. */
        INDEX
    }

    /**
     * Mean reference, no edge filter, no ROI (the centred {@value #DEFAULT_WINDOW_PX} px window), 10 px clamp,
     * Lanczos-6 resampling of ln(counts), no crop.
     */
    public static AlignmentSettings defaults() {
        return new AlignmentSettings(Reference.MEAN, 0, false, null, 10.0, ShiftMethod.LANCZOS, true, false);
    }

    /**
     * The reference as the command line writes it: {@code mean}, {@code previous} or an energy index.
     *
     * @throws IllegalArgumentException naming the parameter and what it accepts
     */
    public AlignmentSettings withReference(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("mean")) {
            return withReference(Reference.MEAN, 0);
        }
        if (t.equals("previous")) {
            return withReference(Reference.PREVIOUS, 0);
        }
        try {
            return withReference(Reference.INDEX, Integer.parseInt(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter align-reference is '" + text
                    + "', expected mean, previous or an energy index (0-based)", e);
        }
    }

    /** The reference in the form {@link #withReference(String)} reads. */
    public String referenceLabel() {
        return switch (reference) {
            case MEAN -> "mean";
            case PREVIOUS -> "previous";
            case INDEX -> String.valueOf(referenceIndex);
        };
    }

    public AlignmentSettings withReference(Reference r, int index) {
        return new AlignmentSettings(r, index, edgeFilter, roi, maxShiftPx, method, logCounts, crop, windowPx);
    }

    public AlignmentSettings withEdgeFilter(boolean v) {
        return new AlignmentSettings(reference, referenceIndex, v, roi, maxShiftPx, method, logCounts, crop, windowPx);
    }

    public AlignmentSettings withRoi(PixelRectangle v) {
        return new AlignmentSettings(reference, referenceIndex, edgeFilter, v, maxShiftPx,
                method, logCounts, crop, windowPx);
    }

    public AlignmentSettings withMaxShiftPx(double v) {
        return new AlignmentSettings(reference, referenceIndex, edgeFilter, roi, v, method, logCounts, crop, windowPx);
    }

    public AlignmentSettings withMethod(ShiftMethod v) {
        return new AlignmentSettings(reference, referenceIndex, edgeFilter, roi, maxShiftPx,
                v, logCounts, crop, windowPx);
    }

    public AlignmentSettings withLogCounts(boolean v) {
        return new AlignmentSettings(reference, referenceIndex, edgeFilter, roi, maxShiftPx, method, v, crop, windowPx);
    }

    public AlignmentSettings withCrop(boolean v) {
        return new AlignmentSettings(reference, referenceIndex, edgeFilter, roi, maxShiftPx,
                method, logCounts, v, windowPx);
    }

    public AlignmentSettings withWindowPx(int v) {
        return new AlignmentSettings(reference, referenceIndex, edgeFilter, roi, maxShiftPx,
                method, logCounts, crop, v);
    }

    /**
     * The rectangle the drift is estimated on in a {@code width × height} plane: the ROI when given, else the centred
     * window of {@link #windowPx()} (whole plane when 0 or larger than the plane).
     */
    public PixelRectangle estimationArea(int width, int height) {
        if (roi != null) {
            return roi;
        }
        int ww = windowPx > 0 ? Math.min(windowPx, width) : width;
        int wh = windowPx > 0 ? Math.min(windowPx, height) : height;
        return new PixelRectangle((width - ww) / 2, (height - wh) / 2, ww, wh);
    }

    /** Throws IllegalArgumentException naming the first parameter out of range. */
    public void validate() {
        if (reference == null || method == null) {
            throw new IllegalArgumentException("parameters align-reference and align-method must be given");
        }
        if (!(maxShiftPx > 0) || Double.isInfinite(maxShiftPx)) {
            throw new IllegalArgumentException("parameter max-shift-px is " + maxShiftPx
                    + ", expected a positive number of pixels");
        }
        if (windowPx != 0 && windowPx < 16) {
            throw new IllegalArgumentException("parameter align-window is " + windowPx
                    + ", expected 0 (whole plane) or at least 16 pixels");
        }
        if (reference == Reference.INDEX && referenceIndex < 0) {
            throw new IllegalArgumentException("parameter align-reference is " + referenceIndex
                    + ", expected an energy index >= 0");
        }
    }

    /**
     * Checks the settings against a stack's size.
     *
     * @throws IllegalArgumentException naming the parameter when the reference index or the ROI does not fit
     */
    public void validateFor(int width, int height, int energies) {
        validate();
        if (reference == Reference.INDEX && referenceIndex >= energies) {
            throw new IllegalArgumentException("parameter align-reference is " + referenceIndex
                    + ", but the stack has energy indices 0.." + (energies - 1));
        }
        if (roi != null) {
            if (!roi.fitsIn(width, height)) {
                throw new IllegalArgumentException("parameter align-roi is " + roi + ", which is not inside the "
                        + width + " x " + height + " px image");
            }
            if (roi.width() < 8 || roi.height() < 8) {
                throw new IllegalArgumentException("parameter align-roi is " + roi
                        + ", expected at least 8 x 8 pixels to correlate on");
            }
        }
    }
}
