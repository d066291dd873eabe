/**
 * {@code oxymap bench}: times every stage of the pipeline on phantoms of fixed seed and size, next to a yardstick
 * measured in the same run (one plain pass over the same data), so that speed is stated as ratios that carry
 * over between machines and commits.
 */
package org.oxymap.bench;
