/**
 * Progress reporting and cancellation for the algorithms in {@code core}: a listener interface that the
 * ImageJ, SciJava and command-line front ends implement, so that the science never prints or shows anything.
 */
package org.oxymap.core.progress;
