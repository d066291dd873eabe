/**
 * Distance transforms on row-major binary and label images with anisotropic pixel sizes, distances in nanometres.
 * They give each particle pixel its depth below the particle edge, which the edge-distance profiles are built on.
 */
package org.oxymap.core.distance;
