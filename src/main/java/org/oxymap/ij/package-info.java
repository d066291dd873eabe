/**
 * The ImageJ 1.x side of OxyMap: adapters between ImagePlus and the core's SpectralStack, a progress listener on
 * ImageJ's status bar, and the menu plugins listed in plugins.config. Nothing here computes; it parses, calls
 * {@code org.oxymap.io} and {@code org.oxymap.core}, and presents.
 */
package org.oxymap.ij;
