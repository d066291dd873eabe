package org.oxymap.core.model;

/**
 * A confidence interval [low, high] in the unit of the quantity it bounds.
 *
 * @param low  lower end
 * @param high upper end
 */
public record Interval(double low, double high) {

    public Interval {
        if (!(low <= high)) {
            throw new IllegalArgumentException("interval [" + low + ", " + high + "] is empty or not a number");
        }
    }

    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    /** The interval mapped through an increasing function, e.g. from log10(D·t) to D·t. */
    public Interval map(java.util.function.DoubleUnaryOperator increasing) {
        return new Interval(increasing.applyAsDouble(low), increasing.applyAsDouble(high));
    }
}
