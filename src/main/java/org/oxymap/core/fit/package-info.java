/**
 * Fitting spectra: exact non-negative least squares and the per-pixel linear combination of reference spectra
 * that turns an optical-density stack into coefficient, fraction, valence, thickness and residual maps.
 */
package org.oxymap.core.fit;
