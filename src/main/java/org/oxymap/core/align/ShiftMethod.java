package org.oxymap.core.align;

import java.util.Arrays;
import java.util.List;

/** How the measured drift is undone when the planes are resampled. */
public enum ShiftMethod {
    /** Phase ramp in Fourier space ({@link FourierShifter}): exact for band-limited images. */
    FOURIER("fourier"),
    /** Keys' cubic convolution ({@link ImageShifter}). */
    CUBIC("cubic"),
    /** Bilinear interpolation between the four nearest pixels ({@link BilinearShifter}). */
    BILINEAR("bilinear"),
    /** Whole-pixel translation by the rounded shift: no interpolation at all ({@link IntegerShifter}). */
    INTEGER("integer"),
    /**
     * Lanczos-windowed sinc of radius 6 (12 taps per axis, {@link SeparableKernelShifter}): the default. On the
     * drifted phantom it gives fraction maps and profiles as close to the undrifted stack as the Fourier shift does,
     * at a fraction of its cost (see {@link StackAligner}).
     */
    LANCZOS("lanczos");

    private final String label;

    ShiftMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(ShiftMethod::label).toList();
    }

    /** @throws IllegalArgumentException naming the accepted labels */
    public static ShiftMethod fromLabel(String text) {
        for (ShiftMethod m : values()) {
            if (m.label.equalsIgnoreCase(text == null ? "" : text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("parameter align-method is '" + text + "', expected one of " + labels());
    }

    /** Resamples one plane so that {@code out(x, y) = plane(x + dx, y + dy)}. */
    public float[] shift(float[] plane, int width, int height, double dx, double dy) {
        return switch (this) {
            case FOURIER -> FourierShifter.shift(plane, width, height, dx, dy);
            case CUBIC -> ImageShifter.shift(plane, width, height, dx, dy);
            case BILINEAR -> BilinearShifter.shift(plane, width, height, dx, dy);
            case INTEGER -> IntegerShifter.shift(plane, width, height, dx, dy);
            case LANCZOS -> SeparableKernelShifter.shift(plane, width, height, dx, dy,
                    SeparableKernelShifter.Kernel.LANCZOS6, false);
        };
    }
}
