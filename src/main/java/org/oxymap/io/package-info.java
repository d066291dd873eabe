/**
 * Reading and writing what OxyMap exchanges with the world: TIFF stacks with energies, reference CSVs, result
 * tables, params.json, and results folders that appear whole or not at all.
 */
package org.oxymap.io;
