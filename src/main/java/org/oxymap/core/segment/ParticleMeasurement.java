package org.oxymap.core.segment;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Measurements of one particle in the maps.
 *
 * @param label             label in the label image
 * @param xPx               centroid x (pixels)
 * @param yPx               centroid y (pixels)
 * @param pixels            pixel count
 * @param areaNm2           area
 * @param radiusNm          area-equivalent radius sqrt(area/π)
 * @param meanFraction      thickness-weighted mean of the profiled fraction
 * @param meanThicknessNm   mean thickness
 * @param circularity       4πA/P², Crofton perimeter ({@link RegionShapeAnalyzer}); about 1 for a disc
 * @param solidity          area / convex area, in pixels; 1 for a digitally convex particle
 * @param flags             why the particle is not profiled; empty when it is
 */
public record ParticleMeasurement(int label, double xPx, double yPx, int pixels, double areaNm2, double radiusNm,
        double meanFraction, double meanThicknessNm, double circularity, double solidity, Set<ExclusionFlag> flags) {

    public ParticleMeasurement {
        flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }

    /** True when the particle touches the image border. */
    public boolean touchesBorder() {
        return flags.contains(ExclusionFlag.TOUCHES_BORDER);
    }

    /** True when no flag excludes it: it is profiled and fitted. */
    public boolean profiled() {
        return flags.isEmpty();
    }

    /** The flags in declaration order, '+'-joined ("" for none). */
    public String flagLabels() {
        return ExclusionFlag.join(flags);
    }

    /**
     * Measures every particle of {@code segmentation} on the given fraction and thickness maps with only the
     * border flag (no other limits).
     */
    public static ParticleMeasurement[] measureAll(Segmentation segmentation, int width, double pixelWidthNm,
            double pixelHeightNm, float[] fraction, float[] thicknessNm) {
        return measureAll(segmentation, width, pixelWidthNm, pixelHeightNm, fraction, thicknessNm,
                ExclusionLimits.none());
    }

    /** Measures and flags every particle of {@code segmentation}. */
    public static ParticleMeasurement[] measureAll(Segmentation segmentation, int width, double pixelWidthNm,
            double pixelHeightNm, float[] fraction, float[] thicknessNm, ExclusionLimits limits) {
        limits.validate();
        int count = segmentation.count();
        int[] labels = segmentation.labels();
        int height = labels.length / width;
        double[] sx = new double[count];
        double[] sy = new double[count];
        int[] n = new int[count];
        double[] swf = new double[count];
        double[] sw = new double[count];
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i] - 1;
            if (l < 0) {
                continue;
            }
            sx[l] += i % width;
            sy[l] += i / width;
            n[l]++;
            double w = Math.max(0, thicknessNm[i]);
            sw[l] += w;
            swf[l] += w * fraction[i];
        }
        RegionShape[] shapes = RegionShapeAnalyzer.analyze(labels, count, width, height, pixelWidthNm, pixelHeightNm);
        ParticleMeasurement[] out = new ParticleMeasurement[count];
        for (int l = 0; l < count; l++) {
            if (n[l] == 0) {
                throw new IllegalArgumentException("particle " + (l + 1) + " has no pixels (labels must be 1.."
                        + count + " without gaps)");
            }
            double area = n[l] * pixelWidthNm * pixelHeightNm;
            RegionShape shape = shapes[l];
            double circularity = shape.circularity(pixelWidthNm, pixelHeightNm);
            double solidity = shape.solidity();
            EnumSet<ExclusionFlag> flags = EnumSet.noneOf(ExclusionFlag.class);
            if (segmentation.touchesBorder()[l]) {
                flags.add(ExclusionFlag.TOUCHES_BORDER);
            }
            if (limits.excludeTouching() && shape.touchesOther()) {
                flags.add(ExclusionFlag.TOUCHES_PARTICLE);
            }
            if (area < limits.minAreaNm2()) {
                flags.add(ExclusionFlag.TOO_SMALL);
            }
            if (area > limits.maxAreaNm2()) {
                flags.add(ExclusionFlag.TOO_LARGE);
            }
            if (solidity < limits.minSolidity() || circularity < limits.minCircularity()) {
                flags.add(ExclusionFlag.NON_CONVEX);
            }
            if (!shape.hasInterior()) {
                flags.add(ExclusionFlag.NO_INTERIOR);
            }
            out[l] = new ParticleMeasurement(l + 1, sx[l] / n[l], sy[l] / n[l], n[l], area, Math.sqrt(area / Math.PI),
                    sw[l] > 0 ? swf[l] / sw[l] : 0.0, sw[l] / n[l], circularity, solidity, flags);
        }
        return out;
    }
}
