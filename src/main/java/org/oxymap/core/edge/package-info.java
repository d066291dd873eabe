/**
 * Edge-energy maps: per pixel, the energy of the absorption edge (half-height of the normalised edge, or the
 * largest first derivative), and their conversion to valence through a calibration line fitted to standards
 * (edge energy against nominal valence), with the error propagated from the line's parameter covariance.
 */
package org.oxymap.core.edge;
