/**
 * Reading and writing what OxyMap exchanges with the world: spectral stacks in the beamlines' formats (ALS STXM
 * .hdr/.xim, NeXus NXstxm, CXI ptychography, aXis2000 .ncb, Stony Brook .stk, TIFF with energies; see
 * {@link org.oxymap.io.StackReaders}), reference CSVs and I0 spectra, result tables, params.json, and results
 * folders that appear whole or not at all.
 */
package org.oxymap.io;
