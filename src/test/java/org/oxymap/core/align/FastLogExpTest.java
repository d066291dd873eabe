package org.oxymap.core.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The fast float logarithm and exponential against {@link Math}, rounded to float. */
class FastLogExpTest {

    @Test
    void logAndExpAreWithinOneUlpOfMath() {
        SplittableRandom random = new SplittableRandom(7);
        int off = 0;
        for (int i = 0; i < 200_000; i++) {
            // counts from 1e-30 to 1e30, and every mantissa
            float x = (float) Math.pow(10, -30 + 60 * random.nextDouble());
            float log = FastLogExp.log(x);
            float want = (float) Math.log(x);
            assertEquals(want, log, Math.ulp(want), "log " + x);
            float exp = FastLogExp.exp(log);
            float wantExp = (float) Math.exp(log);
            assertEquals(wantExp, exp, Math.ulp(wantExp), "exp " + log);
            off += log != want ? 1 : 0;
        }
        assertTrue(off < 2000, off + " of 200000 logs not the correctly rounded float");
        assertEquals(0f, FastLogExp.log(1f), 0f);
        assertEquals(1f, FastLogExp.exp(0f), 0f);
        assertEquals((float) Math.log(2), FastLogExp.log(2f), 0f);
        assertEquals((float) Math.E, FastLogExp.exp(1f), Math.ulp((float) Math.E));
    }

    @Test
    void specialValuesAreThoseOfMath() {
        assertEquals(Float.NEGATIVE_INFINITY, FastLogExp.log(0f));
        assertTrue(Float.isNaN(FastLogExp.log(-1f)));
        assertTrue(Float.isNaN(FastLogExp.log(Float.NaN)));
        assertEquals(Float.POSITIVE_INFINITY, FastLogExp.log(Float.POSITIVE_INFINITY));
        assertEquals((float) Math.log(Float.MIN_VALUE), FastLogExp.log(Float.MIN_VALUE), 0f);
        assertEquals(0f, FastLogExp.exp(-800f));
        assertEquals(0f, FastLogExp.exp(Float.NEGATIVE_INFINITY));
        assertEquals(Float.POSITIVE_INFINITY, FastLogExp.exp(100f));
        assertTrue(Float.isNaN(FastLogExp.exp(Float.NaN)));
    }
}
