/**
 * The spectral image stack that every stage of OxyMap reads and writes: float planes over energy, with energies
 * in eV, the pixel size in nm and the instrument's I0 and dwell time where known.
 */
package org.oxymap.core.stack;
