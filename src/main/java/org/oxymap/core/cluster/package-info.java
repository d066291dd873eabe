/**
 * Grouping pixels by the shape of their spectra: k-means with k-means++ seeding, and the thickness-corrected
 * clustering of an OD stack whose mean cluster spectra can be saved as reference spectra.
 */
package org.oxymap.core.cluster;
