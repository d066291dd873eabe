/**
 * Oxygen stoichiometry from transition-metal oxidation states (DESIGN.md §2): a formula parser with atomic masses,
 * the electroneutrality balance that turns valences into an oxygen deficiency δ, the oxygen-vacancy and densified
 * structure models of the cycled state, and which of them a measured Li:TM ratio or density supports, with
 * uncertainties propagated both to first order and by Monte Carlo.
 */
package org.oxymap.core.stoichiometry;
