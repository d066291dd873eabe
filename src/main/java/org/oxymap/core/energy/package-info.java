/**
 * Energy-axis calibration: shifting a stack's energies by a known offset, or by the offset that brings a feature
 * (peak or edge) of a reference sample's spectrum to its known energy.
 */
package org.oxymap.core.energy;
