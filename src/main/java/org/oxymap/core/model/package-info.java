/**
 * Physical models of a sectioned particle: Crank's diffusion into a sphere, two-phase core–shell profiles, their
 * projection through the lamella, the particle geometry behind a thickness map, and the fits of these models to
 * edge-distance profiles.
 */
package org.oxymap.core.model;
