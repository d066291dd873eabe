package org.oxymap.core.align;

/**
 * Natural logarithm and exponential of floats to float precision, several times cheaper than {@link Math#log} and
 * {@link Math#exp} in double, for resampling count images in ln(counts) (two calls per pixel per plane, which with
 * {@code Math} cost several times the interpolation itself).
 *
 * <p>Both are table-driven (the method of P. T. P. Tang, "Table-driven implementation of the exponential function in
 * IEEE floating-point arithmetic", ACM TOMS 15, 144–157, 1989, and its logarithm counterpart, ACM TOMS 16, 378–400,
 * 1990), with short polynomials and no division or branch on the normal path. log: {@code x = m·2^e}, m in [1, 2);
 * {@code c} is m rounded to a multiple of 2⁻⁷ (one of 129 table entries), and {@code ln x = e·ln 2 + ln c + ln(1 + r)}
 * with {@code r = m/c − 1}, |r| ≤ 2⁻⁸, ln(1 + r) by its series to r³ (truncation r⁴/4 < 1.2e-10, below 2e-8 of
 * ln(1 + r) itself, a third of a float ulp); powers of two,
 * 1 among them, have r = 0 and ln c = 0 and come out exact. exp:
 * {@code y = (64q + j)·ln2/64 + r}, |r| ≤ ln2/128, {@code e^y = 2^q · 2^(j/64) · e^r}, e^r by its series to r³
 * (truncation below 4e-11). Arithmetic in double, so the results are the correctly rounded floats in all but rare
 * near-ties (then 1 ulp off). Zero, negative, subnormal, infinite and NaN arguments of log, and arguments of exp whose
 * result is not a normal float, go to {@code Math}, so the special values are those of {@code Math}.
 */
public final class FastLogExp {

    private static final double LN2 = 0.6931471805599453;

    private static final int LOG_BITS = 7;
    /** 1/c and ln c for c = 1 + i/2^7, i = 0..2^7, the mantissa in [1, 2) rounded to 7 bits. */
    private static final double[] INVERSE_CENTRE = new double[(1 << LOG_BITS) + 1];
    private static final double[] LOG_CENTRE = new double[(1 << LOG_BITS) + 1];

    private static final int EXP_STEPS = 64;
    /** 2^(j/64), j = 0..63. */
    private static final double[] TWO_TO_J = new double[EXP_STEPS];

    static {
        for (int i = 0; i < INVERSE_CENTRE.length; i++) {
            double c = 1 + i / (double) (1 << LOG_BITS);
            INVERSE_CENTRE[i] = 1 / c;
            LOG_CENTRE[i] = Math.log(c);
        }
        for (int j = 0; j < EXP_STEPS; j++) {
            TWO_TO_J[j] = Math.pow(2, j / (double) EXP_STEPS);
        }
    }

    private FastLogExp() {
    }

    /** ln x, to float precision. */
    public static float log(float x) {
        int bits = Float.floatToRawIntBits(x);
        if (bits < 0x00800000 || bits >= 0x7F800000) { // ≤ 0 (sign bit makes bits negative), subnormal, inf, NaN
            return (float) Math.log(x);
        }
        int mantissa = bits & 0x007FFFFF;
        int i = (mantissa + (1 << (22 - LOG_BITS))) >>> (23 - LOG_BITS);
        double r = Float.intBitsToFloat(mantissa | 0x3F800000) * INVERSE_CENTRE[i] - 1;
        double series = r * (1 + r * (-1.0 / 2 + r * (1.0 / 3)));
        return (float) (((bits >>> 23) - 127) * LN2 + LOG_CENTRE[i] + series);
    }

    /** e^y, to float precision. */
    public static float exp(float y) {
        if (!(y > -87 && y < 88)) { // outside: a subnormal, zero or infinite float, or NaN
            return (float) Math.exp(y);
        }
        double k = Math.rint(y * (EXP_STEPS / LN2));
        double r = y - k * (LN2 / EXP_STEPS);
        long n = (long) k;
        double p = 1 + r * (1 + r * (1.0 / 2 + r * (1.0 / 6)));
        return (float) (TWO_TO_J[(int) (n & (EXP_STEPS - 1))] * p
                * Double.longBitsToDouble(((n >> 6) + 1023) << 52));
    }
}
