package org.oxymap.core.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.stack.SpectralStack;

/** Every alignment option on the smooth synthetic scene with known sub-pixel shifts. */
class StackAlignerTest {

    private static final double[][] DRIFT = {{0.4, -0.3}, {1.3, 0.2}, {-0.8, 1.1}, {0.0, 0.0}, {-1.2, -0.9}};
    private static final int W = SyntheticScene.WIDTH;
    private static final int H = SyntheticScene.HEIGHT;

    private static SpectralStack stack() {
        List<float[]> planes = new ArrayList<>();
        double[] e = new double[DRIFT.length];
        for (int k = 0; k < DRIFT.length; k++) {
            planes.add(SyntheticScene.transmission(DRIFT[k][0], DRIFT[k][1]));
            e[k] = 640 + k;
        }
        return SpectralStack.wrap(planes, W, H, e, 10.0);
    }

    /** The truth in the frame of the mean position. */
    private static double truthX(int k) {
        double m = 0;
        for (double[] d : DRIFT) {
            m += d[0] / DRIFT.length;
        }
        return DRIFT[k][0] - m;
    }

    private static double truthY(int k) {
        double m = 0;
        for (double[] d : DRIFT) {
            m += d[1] / DRIFT.length;
        }
        return DRIFT[k][1] - m;
    }

    private static void assertShiftsMatch(Shift[] s, double tolerance, boolean meanFrame, int referenceIndex) {
        for (int k = 0; k < DRIFT.length; k++) {
            double ex = meanFrame ? truthX(k) : DRIFT[k][0] - DRIFT[referenceIndex][0];
            double ey = meanFrame ? truthY(k) : DRIFT[k][1] - DRIFT[referenceIndex][1];
            assertEquals(ex, s[k].dxPx(), tolerance, "dx of plane " + k);
            assertEquals(ey, s[k].dyPx(), tolerance, "dy of plane " + k);
        }
    }

    @Test
    void meanPreviousAndIndexReferencesRecoverTheDrift() {
        AlignmentSettings d = AlignmentSettings.defaults();
        assertShiftsMatch(new StackAligner(d).estimate(stack(), null), 0.01, true, 0);
        assertShiftsMatch(new StackAligner(d.withReference("previous")).estimate(stack(), null), 0.02, true, 0);
        assertShiftsMatch(new StackAligner(d.withReference("2")).estimate(stack(), null), 0.01, false, 2);
        assertEquals(0.0, new StackAligner(d.withReference("2")).estimate(stack(), null)[2].dxPx(), 0.0);
    }

    @Test
    void edgeFilterAndRoiRecoverTheDrift() {
        AlignmentSettings d = AlignmentSettings.defaults();
        assertShiftsMatch(new StackAligner(d.withEdgeFilter(true)).estimate(stack(), null), 0.03, true, 0);
        // the ROI holds the blobs at (60,60), (75,45), (100,70)
        PixelRectangle roi = new PixelRectangle(48, 32, 64, 56);
        assertShiftsMatch(new StackAligner(d.withRoi(roi)).estimate(stack(), null), 0.03, true, 0);
    }

    @Test
    void everyMethodUndoesTheDrift() {
        SpectralStack s = stack();
        for (ShiftMethod m : ShiftMethod.values()) {
            AlignmentResult r = new StackAligner(AlignmentSettings.defaults().withMethod(m)).align(s, null);
            // plane 1 aligned to the mean frame equals the scene drawn at the mean drift
            float[] expected = SyntheticScene.transmission(DRIFT[1][0] - truthX(1), DRIFT[1][1] - truthY(1));
            double worst = maxInteriorError(r.aligned().plane(1), expected, 8);
            System.out.println("alignment method " + m + ": largest interior error " + worst);
            double limit = switch (m) {
                case FOURIER -> 1.0;
                case LANCZOS -> 4.0;
                case CUBIC -> 15.0;
                case BILINEAR -> 40.0;
                case INTEGER -> 200.0;
            };
            assertTrue(worst < limit, m + ": largest interior error " + worst + " counts of ~2000");
        }
    }

    @Test
    void integerMethodMovesByTheRoundedShift() {
        float[] p = SyntheticScene.transmission(0, 0);
        float[] q = IntegerShifter.shift(p, W, H, 1.4, -2.6);
        assertEquals(p[(10 - 3) * W + 21], q[10 * W + 20], 0f);
    }

    @Test
    void cropKeepsTheAreaEveryPlaneCovers() {
        AlignmentResult r = new StackAligner(AlignmentSettings.defaults().withCrop(true)).align(stack(), null);
        PixelRectangle c = r.crop();
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Shift s : r.shifts()) {
            minX = Math.min(minX, s.dxPx());
            maxX = Math.max(maxX, s.dxPx());
            minY = Math.min(minY, s.dyPx());
            maxY = Math.max(maxY, s.dyPx());
        }
        assertEquals((int) Math.ceil(-minX), c.x());
        assertEquals((int) Math.ceil(-minY), c.y());
        assertEquals((int) Math.floor(W - 1 - maxX), c.x() + c.width() - 1);
        assertEquals((int) Math.floor(H - 1 - maxY), c.y() + c.height() - 1);
        assertEquals(c.width(), r.aligned().width());
        assertEquals(c.height(), r.aligned().height());
        assertTrue(r.cropped());
    }

    @Test
    void badSettingsGiveClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StackAligner(AlignmentSettings.defaults().withReference("7")).align(stack(), null));
        assertTrue(e.getMessage().contains("align-reference") && e.getMessage().contains("0..4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StackAligner(AlignmentSettings.defaults()
                .withRoi(new PixelRectangle(100, 0, 64, 64))).align(stack(), null));
        assertTrue(e.getMessage().contains("align-roi"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AlignmentSettings.defaults().withReference("middle"));
        assertTrue(e.getMessage().contains("mean, previous or an energy index"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ShiftMethod.fromLabel("spline"));
        assertTrue(e.getMessage().contains("[fourier, cubic, bilinear, integer, lanczos]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PixelRectangle.parse("1,2,3", "align-roi"));
        assertTrue(e.getMessage().contains("x,y,width,height"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StackAligner.commonArea(
                new Shift[] {new Shift(-70, 0), new Shift(70, 0)}, W, H));
        assertTrue(e.getMessage().contains("no area common"), e.getMessage());
    }

    @Test
    void progressIsReportedAndCancellationHonoured() {
        long[] calls = {0};
        ProgressListener counting = (stage, done, total) -> calls[0]++;
        new StackAligner(AlignmentSettings.defaults()).align(stack(), counting);
        assertTrue(calls[0] >= DRIFT.length, "progress calls " + calls[0]);
        ProgressListener cancelled = new ProgressListener() {
            @Override
            public void progress(String stage, long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(org.oxymap.core.progress.OperationCancelledException.class,
                () -> new StackAligner(AlignmentSettings.defaults()).align(stack(), cancelled));
    }

    private static double maxInteriorError(float[] a, float[] b, int margin) {
        double worst = 0;
        for (int y = margin; y < H - margin; y++) {
            for (int x = margin; x < W - margin; x++) {
                worst = Math.max(worst, Math.abs(a[y * W + x] - b[y * W + x]));
            }
        }
        return worst;
    }
}
