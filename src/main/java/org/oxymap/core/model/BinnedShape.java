package org.oxymap.core.model;

/**
 * A model's unit shape s (0 ≤ s ≤ 1, the weight of the outer concentration) projected through the lamella and
 * averaged over each profile bin's pixels with the data's weights, as a function of the model's one shape
 * parameter θ. The particle's prediction for bin b is {@code C_outer·s_b(θ) + C_inner·(1 − s_b(θ))}.
 */
interface BinnedShape {

    /** Fills {@code out[b]} = s_b(θ) for every bin b of the particle (bins without pixels get 0). */
    void unit(double theta, double[] out);
}
