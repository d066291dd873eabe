package org.oxymap.core.agglomerate;

/**
 * Class a minus class b. NaN stands for "not available" (a class without particles, or fewer than two in a
 * thickness bin) and is written as an empty cell.
 *
 * @param a                     first class
 * @param b                     second class
 * @param difference            mean(a) − mean(b), thickness-weighted means
 * @param ciLow                 2.5th percentile of the bootstrap distribution of the difference over particles
 * @param ciHigh                97.5th percentile
 * @param u                     Mann–Whitney U of a over the particle means: pairs with a &gt; b, ties counting ½
 * @param p                     two-sided p of the Mann–Whitney test (normal approximation, commons-math3)
 * @param controlledDifference  thickness-controlled difference: per-bin differences averaged with weights
 *                              n_a·n_b/(n_a+n_b) (pixel counts of the two classes in the bin)
 * @param controlledSe          its SE from the per-bin SEs, treating bins as independent
 * @param bins                  thickness bins that hold both classes
 * @param nA                    particles of a
 * @param nB                    particles of b
 */
public record ClassDifference(AgglomerateClass a, AgglomerateClass b, double difference, double ciLow,
        double ciHigh, double u, double p, double controlledDifference, double controlledSe, int bins, int nA,
        int nB) {

    /** "interior-exterior" etc. */
    public String pair() {
        return a.label() + "-" + b.label();
    }
}
