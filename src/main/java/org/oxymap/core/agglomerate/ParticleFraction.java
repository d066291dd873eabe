package org.oxymap.core.agglomerate;

/**
 * A particle's thickness-weighted mean fraction.
 *
 * @param particle        the classified particle
 * @param meanFraction    Σ t·f / Σ t over its valid pixels (NaN when it has none)
 * @param weightNm        Σ t over its valid pixels
 * @param meanThicknessNm mean thickness of its valid pixels
 * @param pixels          valid pixels: fitted, thickness &gt; 0, finite fraction
 */
public record ParticleFraction(ClassifiedParticle particle, double meanFraction, double weightNm,
        double meanThicknessNm, int pixels) {
}
