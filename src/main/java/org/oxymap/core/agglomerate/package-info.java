/**
 * Agglomerates of primary particles: detection by a disc closing of the particle mask, classification of each
 * particle as interior, exterior, small or isolated, and class statistics that stay honest about thickness
 * (thickness-weighted means with weighted standard errors over particles, comparisons within bins of pixel
 * thickness, Mann–Whitney tests and bootstrap intervals over particles).
 */
package org.oxymap.core.agglomerate;
