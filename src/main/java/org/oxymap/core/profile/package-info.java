/**
 * Edge-distance profiles: a map binned by each pixel's distance from its particle's edge, thickness-weighted,
 * per particle and for the ensemble.
 */
package org.oxymap.core.profile;
