package org.oxymap.core.agglomerate;

import java.util.ArrayList;
import java.util.List;

import org.oxymap.core.progress.ProgressListener;

/**
 * The agglomerate step of a run: agglomerates (given, or detected by {@link AgglomerateDetector}), classes
 * ({@link AgglomerateClassifier}), per-particle and per-class statistics of one component's fraction, the
 * thickness-controlled comparison, the class differences and the profiles against boundary distance and
 * thickness.
 */
public final class AgglomerateAnalysis {

    private final AgglomerateSettings settings;

    public AgglomerateAnalysis(AgglomerateSettings settings) {
        settings.validate();
        this.settings = settings;
    }

    /**
     * @param particleLabels    primary particles (0 = background)
     * @param agglomerateLabels agglomerates of the same size, or null to detect them from the particle mask
     * @param source            "auto", a file name, "RoiManager", … (recorded only)
     * @param component         name of the component whose fraction is given
     * @param fraction          its fraction map
     * @param thicknessNm       the thickness map (weights)
     * @param include           fitted pixels (null = all)
     * @param extraWarnings     messages from reading the agglomerates (ROIs outside the image, …), passed through
     */
    public AgglomerateResult run(int[] particleLabels, int[] agglomerateLabels, String source, String component,
            float[] fraction, float[] thicknessNm, boolean[] include, int width, int height, double pixelWidthNm,
            double pixelHeightNm, List<String> extraWarnings, ProgressListener listener) {
        ProgressListener l = listener == null ? ProgressListener.NONE : listener;
        String stage = "agglomerates";
        l.checkCancelled(stage);
        int[] agglomerates = agglomerateLabels != null ? agglomerateLabels
                : AgglomerateDetector.detect(particleLabels, width, height, pixelWidthNm, pixelHeightNm,
                        settings.closingNm());
        l.progress(stage, 1, 4);
        l.checkCancelled(stage);
        AgglomerateClassification c = new AgglomerateClassifier(settings.largeDiameterUm(), settings.bandNm())
                .classify(particleLabels, agglomerates, width, height, pixelWidthNm, pixelHeightNm);
        l.progress(stage, 2, 4);
        l.checkCancelled(stage);
        List<ParticleFraction> particles = ParticleFractions.measure(c, particleLabels, fraction, thicknessNm,
                include);
        List<ClassSummary> classes = ClassMeans.summarise(particles);
        double[] edges = ThicknessControlledComparison.quantileEdges(particleLabels, fraction, thicknessNm, include,
                settings.thicknessBins());
        List<ThicknessClassBin> bins = ThicknessControlledComparison.compare(c, particleLabels, fraction,
                thicknessNm, include, edges);
        l.progress(stage, 3, 4);
        l.checkCancelled(stage);
        List<ClassDifference> comparisons = new ClassComparison(settings.bootstrap(), settings.bootstrapSeed())
                .compareAll(particles, bins);
        var vsBoundary = BoundaryDistanceProfile.profile(c, fraction, thicknessNm, include, settings.boundaryBinNm());
        var vsThickness = FractionVsThickness.profile(fraction, thicknessNm, include, settings.thicknessStepNm());
        List<String> warnings = new ArrayList<>(extraWarnings == null ? List.of() : extraWarnings);
        warnings.addAll(c.warnings());
        long noPixels = particles.stream().filter(p -> p.pixels() == 0).count();
        if (noPixels > 0) {
            warnings.add(noPixels + " particle(s) have no fitted pixel of positive thickness and are left out of "
                    + "the statistics");
        }
        l.progress(stage, 4, 4);
        return new AgglomerateResult(settings, component, source, c, particles, classes, edges, bins, comparisons,
                vsBoundary, vsThickness, List.copyOf(warnings));
    }
}
