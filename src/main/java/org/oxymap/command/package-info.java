/**
 * SciJava commands that put OxyMap in Fiji's menus, in scripts and in headless runs. They only translate
 * parameters and call {@code org.oxymap.io.PipelineRunner}, so they write exactly the folders the command line writes.
 */
package org.oxymap.command;
