/**
 * SciJava commands that put OxyMap in Fiji's menus, in scripts and in headless runs. They only translate
 * parameters and call {@code org.oxymap.io.PipelineRunner} or {@code StoichiometryRunner}, so they write exactly
 * what the command line writes.
 */
package org.oxymap.command;
