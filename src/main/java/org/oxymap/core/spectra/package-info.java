/**
 * Reference spectra of standards (name, nominal valence, OD against energy) and their interpolation onto a
 * stack's energies, ready for the per-pixel linear-combination fit.
 */
package org.oxymap.core.spectra;
