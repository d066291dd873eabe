package org.oxymap.core.stoichiometry;

/**
 * A computed value with two estimates of its standard uncertainty: first order (exact derivatives, inputs
 * independent) and Monte Carlo (standard deviation over samples of the inputs, fixed seed). They agree while the
 * model is close to linear over the inputs' spread; where they differ, the Monte Carlo value is the safer one.
 * Both are 0 when no input carries an uncertainty.
 */
public record Quantity(double value, double se, double seMonteCarlo) {
}
