/**
 * The {@code oxymap} command line (phantom, run, demo, convert, batch, bench, stoichiometry): parses options, calls
 * {@code core} through {@code io}, prints a progress line and a one-line error on bad input.
 */
package org.oxymap.cli;
