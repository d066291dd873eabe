/**
 * Edge-distance profiles: a map binned by each pixel's distance from its particle's edge, thickness-weighted,
 * per particle and for the ensemble; also against the distance normalised by the particle's radius, and per
 * angular sector to test that a profile is radial.
 */
package org.oxymap.core.profile;
