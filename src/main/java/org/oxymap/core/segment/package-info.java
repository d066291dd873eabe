/**
 * Segmentation of particle images: global thresholds (noise level, and ImageJ's Otsu, Li, Triangle, Huang and
 * Default computed here without ImageJ), hole filling, connected-component labelling, the distance-map watershed
 * that splits touching particles, shape descriptors and the exclusion flags. Label images are row-major arrays with
 * 0 for background and 1..n for particles, numbered in raster order.
 */
package org.oxymap.core.segment;
