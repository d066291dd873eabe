/**
 * Principal component analysis of an optical-density stack: the energies × energies second-moment matrix, its
 * eigenvalues as a scree table, and score maps of the leading components. Used to judge how many distinct spectra a
 * stack holds and to feed the clustering in {@code core/cluster}.
 */
package org.oxymap.core.pca;
