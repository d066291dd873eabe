/**
 * The phantom generator: OxyMap's own forward model of a battery-electrode lamella at the Mn L3 edge, with a
 * known answer (fractions, thicknesses, labels, D and drift) for tests, the demo and the benchmark.
 */
package org.oxymap.core.phantom;
