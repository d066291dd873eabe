package org.oxymap.core.align;

/**
 * Natural logarithm and exponential of floats to float precision, several times cheaper than {@link Math#log} and
 * {@link Math#exp} in double, for resampling count images in ln(counts) (two calls per pixel per plane, which with
 * {@code Math} cost as much as the interpolation itself).
 *
 * <p>log: {@code x = m·2^e} with {@code m} in [√½, √2), {@code ln x = e·ln 2 + 2·atanh(s)}, {@code s = (m−1)/(m+1)},
 * |s| ≤ 0.172, atanh by its odd series to s¹³ (truncation below 1e-11). exp: {@code y = n·ln 2 + r}, |r| ≤ ln2/2,
 * {@code e^r} by its Taylor series to r¹⁰ (truncation below 1e-11), times {@code 2^n} built in the exponent bits.
 * Arithmetic in double, so the results are the correctly rounded floats in all but rare ties (at most 1 ulp off).
 * Zero, negative, subnormal, infinite or NaN arguments and exponentials outside the normal double range go to
 * {@code Math}, so the special values are those of {@code Math}.
 */
public final class FastLogExp {

    private static final double LN2 = 0.6931471805599453;
    /** Bits of the float just below √½, so that the mantissa range starts there. */
    private static final int SQRT_HALF_BITS = 0x3F3504F3;

    private FastLogExp() {
    }

    /** ln x, to float precision. */
    public static float log(float x) {
        int bits = Float.floatToRawIntBits(x);
        if (bits < 0x00800000 || bits >= 0x7F800000) { // ≤ 0 (sign bit makes bits negative), subnormal, inf, NaN
            return (float) Math.log(x);
        }
        // x = m·2^e with m in [√½, √2), without a branch: offset the bits by those of √½ before splitting them
        int shifted = bits - SQRT_HALF_BITS;
        int e = shifted >> 23;
        double m = Float.intBitsToFloat((shifted & 0x007FFFFF) + SQRT_HALF_BITS);
        double s = (m - 1) / (m + 1);
        double s2 = s * s;
        double series = 1 + s2 * (1.0 / 3 + s2 * (1.0 / 5 + s2 * (1.0 / 7 + s2 * (1.0 / 9 + s2 * (1.0 / 11
                + s2 * (1.0 / 13))))));
        return (float) (e * LN2 + 2 * s * series);
    }

    /** e^y, to float precision. */
    public static float exp(float y) {
        if (!(y > -700 && y < 700)) {
            return (float) Math.exp(y);
        }
        double n = Math.rint(y * (1 / LN2));
        double r = y - n * LN2;
        double p = 1 + r * (1 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720
                + r * (1.0 / 5040 + r * (1.0 / 40320 + r * (1.0 / 362880 + r * (1.0 / 3628800))))))))));
        return (float) (p * Double.longBitsToDouble(((long) n + 1023) << 52));
    }
}
