/**
 * Hot and dead pixels: isolated values far from their neighbourhood, found per energy against a robust noise scale
 * and replaced by the neighbourhood median before optical density is taken.
 */
package org.oxymap.core.outlier;
