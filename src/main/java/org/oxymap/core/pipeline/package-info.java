/**
 * The end-to-end run: one transmission stack and its references in, oxidation-state maps, particles,
 * edge-distance profiles and a diffusivity out; its settings are one validated record, saved as params.json.
 */
package org.oxymap.core.pipeline;
