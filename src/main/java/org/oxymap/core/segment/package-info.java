/**
 * Segmentation of particle images: global thresholding and connected-component labelling of row-major arrays.
 * Label images use 0 for background and 1..n for particles, numbered in raster order.
 */
package org.oxymap.core.segment;
