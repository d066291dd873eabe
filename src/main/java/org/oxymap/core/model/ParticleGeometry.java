package org.oxymap.core.model;

/**
 * Where a sectioned sphere sits: its projected centre in the image, its radius a and the lamella's offset |z0|
 * from its centre, with the residual of the thickness fit that found them.
 *
 * @param label        particle label
 * @param xPx          projected centre x (pixels)
 * @param yPx          projected centre y (pixels)
 * @param radiusNm     sphere radius a
 * @param offsetNm     |z0|, the lamella mid-plane's distance from the sphere centre
 * @param sectionNm    lamella thickness h
 * @param rmsNm        root-mean-square misfit of the thickness map (nm)
 */
public record ParticleGeometry(int label, double xPx, double yPx, double radiusNm, double offsetNm, double sectionNm,
        double rmsNm) {

    public LamellaProjection projection() {
        return new LamellaProjection(radiusNm, sectionNm, offsetNm);
    }
}
