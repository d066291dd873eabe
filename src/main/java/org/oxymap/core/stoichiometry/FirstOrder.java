package org.oxymap.core.stoichiometry;

/**
 * A value with its exact first derivatives with respect to the uncertain inputs (forward-mode automatic
 * differentiation). The model is written once with these numbers; the first-order ("delta method", GUM §5.1.2)
 * variance is then Σ_k (∂f/∂p_k)²·σ_k² with analytic, not finite-difference, derivatives, and the same code run
 * with plain values gives the Monte Carlo samples.
 */
final class FirstOrder {

    /** Number of uncertain inputs: pristine charge, cycled charge, measured Li:TM, measured density. */
    static final int N = 4;
    static final int Q_PRISTINE = 0;
    static final int Q_CYCLED = 1;
    static final int LI_TM = 2;
    static final int DENSITY = 3;

    final double v;
    final double[] g;

    private FirstOrder(double v, double[] g) {
        this.v = v;
        this.g = g;
    }

    static FirstOrder constant(double v) {
        return new FirstOrder(v, new double[N]);
    }

    static FirstOrder variable(double v, int index) {
        double[] g = new double[N];
        g[index] = 1;
        return new FirstOrder(v, g);
    }

    FirstOrder plus(FirstOrder o) {
        double[] r = new double[N];
        for (int k = 0; k < N; k++) {
            r[k] = g[k] + o.g[k];
        }
        return new FirstOrder(v + o.v, r);
    }

    FirstOrder minus(FirstOrder o) {
        return plus(o.times(-1));
    }

    FirstOrder plus(double c) {
        return new FirstOrder(v + c, g.clone());
    }

    FirstOrder times(double c) {
        double[] r = new double[N];
        for (int k = 0; k < N; k++) {
            r[k] = g[k] * c;
        }
        return new FirstOrder(v * c, r);
    }

    FirstOrder times(FirstOrder o) {
        double[] r = new double[N];
        for (int k = 0; k < N; k++) {
            r[k] = g[k] * o.v + v * o.g[k];
        }
        return new FirstOrder(v * o.v, r);
    }

    FirstOrder div(FirstOrder o) {
        double[] r = new double[N];
        for (int k = 0; k < N; k++) {
            r[k] = (g[k] * o.v - v * o.g[k]) / (o.v * o.v);
        }
        return new FirstOrder(v / o.v, r);
    }

    /** c / this. */
    FirstOrder inverseTimes(double c) {
        return constant(c).div(this);
    }

    /** First-order standard uncertainty for independent inputs with standard uncertainties sigma[k]. */
    double se(double[] sigma) {
        double var = 0;
        for (int k = 0; k < N; k++) {
            double t = g[k] * sigma[k];
            var += t * t;
        }
        return Math.sqrt(var);
    }
}
