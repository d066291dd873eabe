package org.oxymap.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.apache.commons.math3.util.Pair;
import org.oxymap.core.progress.ProgressListener;

/**
 * Weighted least-squares fits of the diffusion and core–shell models ({@link ProfileModel}) to edge-distance
 * profiles, per particle and globally, with covariance and bootstrap intervals.
 *
 * <p><b>What is fitted.</b> Each particle p contributes its fitted bins (at least
 * {@link ProfiledParticle#MIN_PIXELS_PER_BIN} pixels) with residuals (model − data)/SE. The model of bin b is
 * {@code C_outer,p·s_b(θ) + C_inner,p·(1 − s_b(θ))}: the unit shape s (see {@link SphereDiffusionShape} and
 * {@link CoreShellShape}) is the model projected through the lamella and averaged over the bin's own pixels with
 * the data's thickness weights, so model and data are binned identically. The x-axis is therefore exactly the
 * profiles' one: distance from the visible edge = distance transform − half a pixel, bins reported at their
 * centres (see {@link org.oxymap.core.profile.EdgeDistanceProfiler}); the model never uses the bin centre, only
 * the pixels' projected distances ρ from the particle centre. The shape parameter θ — log10(D·t/nm²) or δ (nm) —
 * is shared by all particles of a fit; each particle keeps its own radius, offset and two concentrations.
 *
 * <p><b>How.</b> The concentrations enter linearly, so for a given θ they are solved exactly (2 × 2 weighted least
 * squares per particle, bounded to [0, 1]: the box minimum of a convex quadratic lies inside or on an edge), and
 * Commons Math's Levenberg–Marquardt minimises the projected residual over θ alone (variable projection, Golub
 * &amp; Pereyra 1973). The Jacobian is a central difference of the projected residual, particle block by particle
 * block, so a global fit costs P small solves per evaluation instead of a dense (1 + 2P)-column problem. θ is kept
 * within its bounds: D·t/a² between {@value SphereDiffusionShape#TAU_MIN} (for the largest particle) and
 * {@value #TAU_MAX} (for the smallest); δ between 0 and the smallest radius. Starting points: the projected χ² on a
 * grid of {@value #GRID} values of θ over the bounds; LM starts from the {@value #MAX_STARTS} lowest local
 * minima and the best optimum is kept.
 *
 * <p><b>Uncertainty.</b> var(θ) = (JᵀJ)⁻¹ of the projected residual, which for a linearised model equals the θ
 * entry of the full covariance with the concentrations free; it is multiplied by max(1, χ²_red). The 95%
 * interval uses Student's t with N − k degrees of freedom (for D·t: symmetric in log10). A concentration's
 * variance is its conditional variance at fixed θ plus (∂c/∂θ)²·var(θ). The bootstrap redraws, with a fixed seed,
 * the pixels within each bin of a particle (recomputing the bin's thickness-weighted mean; the bin keeps its
 * measured SE as its weight, because a bin of 3 to 5 pixels redrawn can come out with an SE near 0 and then
 * dominate the fit; the model stays averaged over all the bin's pixels) or, for a global fit, the particles;
 * each resample is refitted from the optimum and the 2.5% and 97.5% quantiles of θ give the interval.
 */
public final class ProfileModelFitter {

    /** Largest D·t/a² fitted: u differs from 1 by less than 3e−9 there, the profile is flat. */
    public static final double TAU_MAX = 2.0;
    private static final int GRID = 25;
    private static final int MAX_STARTS = 3;
    private static final int MIN_BOOTSTRAP = 20;
    private static final double LOG10_STEP = 1e-4;
    private static final double SHELL_STEP_NM = 0.5;

    private record ShapeKey(double[] pixels, ProfileModel model) {
    }

    private final ModelFitSettings settings;
    private final ConcurrentHashMap<ShapeKey, BinnedShape> shapes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<double[], List<LamellaSection>> sections = new ConcurrentHashMap<>();

    public ProfileModelFitter(ModelFitSettings settings) {
        settings.validate();
        this.settings = settings;
    }

    public ModelFitSettings settings() {
        return settings;
    }

    /** Model evaluations (χ² at one shape parameter, all particles of a fit) since this fitter was made. */
    private final java.util.concurrent.atomic.LongAdder modelEvaluations = new java.util.concurrent.atomic.LongAdder();

    /** How many times the projected model was evaluated by this fitter so far (grid, LM steps, Jacobians). */
    public long modelEvaluations() {
        return modelEvaluations.sum();
    }

    /** Fits one particle on its own, with a bootstrap over its pixels. */
    public ModelFit fitParticle(ProfiledParticle particle, ProfileModel model) {
        return fit(particle.geometry().label(), List.of(particle), model, ProgressListener.NONE);
    }

    /** Fits every particle on its own (in parallel); one row per particle, fitted or with the reason why not. */
    public List<ModelFit> fitEach(List<ProfiledParticle> particles, ProfileModel model, ProgressListener listener) {
        ModelFit[] out = new ModelFit[particles.size()];
        AtomicInteger done = new AtomicInteger();
        String task = model.label() + " fits per particle";
        IntStream.range(0, particles.size()).parallel().forEach(i -> {
            listener.checkCancelled(task);
            out[i] = fitParticle(particles.get(i), model);
            int n = done.incrementAndGet();
            synchronized (listener) {
                listener.progress(task, n, particles.size());
            }
        });
        return List.of(out);
    }

    /** Fits all the particles together, sharing θ (D·t or δ); bootstrap over particles. */
    public ModelFit fitGlobal(List<ProfiledParticle> particles, ProfileModel model, ProgressListener listener) {
        return fit(0, particles, model, listener);
    }

    // ---------------------------------------------------------------------------------------------------------

    private ModelFit fit(int id, List<ProfiledParticle> particles, ProfileModel model, ProgressListener listener) {
        int k = 1 + 2 * particles.size();
        String who = id == 0 ? "over " + particles.size() + " particles" : "";
        if (particles.isEmpty()) {
            return ModelFit.notFitted(id, model, 0, 0, 1, "no particle to fit");
        }
        if (id != 0 && particles.get(0).pixelCount() == 0) {
            return ModelFit.notFitted(id, model, 1, 0, k, "no pixel has a positive thickness weight");
        }
        int n = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ProfiledParticle p : particles) {
            for (int b = 0; b < p.binCount(); b++) {
                if (p.fitBin[b]) {
                    n++;
                    if (!Double.isFinite(p.dataMean[b]) || !(p.dataSe[b] > 0) || !Double.isFinite(p.dataSe[b])) {
                        return ModelFit.notFitted(id, model, particles.size(), n, k, "particle " + p.geometry().label()
                                + ", bin at " + p.binCentreNm(b) + " nm has mean " + p.dataMean[b] + " and SE "
                                + p.dataSe[b] + "; expected finite numbers and SE > 0");
                    }
                    lo = Math.min(lo, p.dataMean[b]);
                    hi = Math.max(hi, p.dataMean[b]);
                }
            }
        }
        if (n <= k) {
            return ModelFit.notFitted(id, model, particles.size(), n, k, n + " bin" + (n == 1 ? "" : "s")
                    + (who.isEmpty() ? "" : " " + who) + " with at least " + ProfiledParticle.MIN_PIXELS_PER_BIN
                    + " pixels, the model needs " + (k + 1));
        }
        if (hi - lo <= 1e-9 * Math.max(1.0, Math.abs(hi))) {
            return ModelFit.notFitted(id, model, particles.size(), n, k, "all " + n + " bins have the same value "
                    + new java.math.BigDecimal(hi).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString()
                    + "; a flat profile has no shape to fit");
        }
        Problem problem = new Problem(model, particles, null);
        listener.checkCancelled(model.label() + " fit");
        Solution best = null;
        for (double start : problem.starts()) {
            Solution s = problem.optimise(start);
            if (s != null && (best == null || s.chi2 < best.chi2)) {
                best = s;
            }
        }
        if (best == null) {
            return ModelFit.notFitted(id, model, particles.size(), n, k,
                    "Levenberg-Marquardt did not converge from any starting point");
        }
        return result(id, problem, best, listener);
    }

    private ModelFit result(int id, Problem problem, Solution best, ProgressListener listener) {
        ProfileModel model = problem.model;
        int n = problem.rows;
        int k = 1 + 2 * problem.particles.size();
        int dof = n - k;
        double scale = Math.max(1.0, best.chi2 / dof);
        double varTheta = best.jtj > 0 ? scale / best.jtj : Double.POSITIVE_INFINITY;
        double seTheta = Math.sqrt(varTheta);
        double t95 = new TDistribution(dof).inverseCumulativeProbability(0.975);
        boolean diffusion = model == ProfileModel.DIFFUSION;
        double shape = diffusion ? Math.pow(10, best.theta) : best.theta;
        double shapeSe = diffusion ? shape * Math.log(10) * seTheta : seTheta;
        Interval ci = null;
        List<String> notes = new ArrayList<>();
        if (Double.isFinite(seTheta)) {
            double a = best.theta - t95 * seTheta;
            double b = best.theta + t95 * seTheta;
            ci = diffusion ? new Interval(Math.pow(10, a), Math.pow(10, b)) : new Interval(Math.max(0, a), b);
        } else {
            notes.add("the data do not determine " + (diffusion ? "D" : "the shell thickness") + " (singular covariance)");
        }
        double span = problem.thetaHi - problem.thetaLo;
        if (best.theta <= problem.thetaLo + 1e-6 * span) {
            notes.add(diffusion ? "D·t at its lower bound (D·t/a² = " + SphereDiffusionShape.TAU_MIN
                    + "): the profile is a step, D is an upper limit" : "shell thickness at 0: no shell");
        } else if (best.theta >= problem.thetaHi - 1e-6 * span) {
            notes.add(diffusion ? "D·t at its upper bound (D·t/a² = " + TAU_MAX
                    + "): the profile is flat, D is a lower limit" : "shell thickness at the radius: no core");
        }

        // Concentrations with their standard errors.
        double[] cPlus = problem.concentrationsAt(Math.min(problem.thetaHi, best.theta + problem.step()));
        double[] cMinus = problem.concentrationsAt(Math.max(problem.thetaLo, best.theta - problem.step()));
        double dTheta = Math.min(problem.thetaHi, best.theta + problem.step())
                - Math.max(problem.thetaLo, best.theta - problem.step());
        List<ParticleConcentrations> conc = new ArrayList<>();
        for (int p = 0; p < problem.particles.size(); p++) {
            double[] cond = problem.conditionalVariance(p, best.theta);
            double se0 = Math.sqrt(scale * cond[0] + sq((cPlus[2 * p] - cMinus[2 * p]) / dTheta) * varTheta);
            double se1 = Math.sqrt(scale * cond[1] + sq((cPlus[2 * p + 1] - cMinus[2 * p + 1]) / dTheta) * varTheta);
            conc.add(new ParticleConcentrations(problem.particles.get(p).geometry().label(), best.c[2 * p], se0,
                    best.c[2 * p + 1], se1));
        }

        // Bootstrap.
        Interval boot = null;
        int used = 0;
        if (settings.bootstrapReplicates() > 0) {
            if (id != 0 && problem.particles.get(0).value == null) {
                notes.add("no bootstrap: the pixel values were not given");
            } else if (id == 0 && problem.particles.size() < 2) {
                notes.add("no bootstrap: a bootstrap over particles needs at least 2");
            } else {
                double[] thetas = bootstrap(id, problem, best.theta, listener);
                used = thetas.length;
                if (used >= MIN_BOOTSTRAP) {
                    double a = quantile(thetas, 0.025);
                    double b = quantile(thetas, 0.975);
                    boot = diffusion ? new Interval(Math.pow(10, a), Math.pow(10, b)) : new Interval(a, b);
                } else {
                    notes.add("no bootstrap interval: only " + used + " of " + settings.bootstrapReplicates()
                            + " resamples converged");
                }
            }
        }

        String status = notes.isEmpty() ? "ok" : "ok; " + String.join("; ", notes);
        double radius = id == 0 ? medianRadius(problem) : problem.radius(0);
        return new ModelFit(id, model, status, true, problem.particles.size(), n, k, best.chi2, shape, shapeSe, ci, boot,
                used, List.copyOf(conc), radius, problem.residuals(best, id == 0));
    }

    /**
     * The bootstrap's refitted shape parameters. The resamples are drawn first, in order, from the seeded generator
     * (so the draws do not depend on threads), then refitted from the optimum: a global fit's resamples in
     * parallel (its particles' fits are one task), a particle's in sequence (the particles already run in
     * parallel). Each refit is Gauss–Newton from the optimum ({@link Problem#refine}).
     */
    private double[] bootstrap(int id, Problem problem, double theta, ProgressListener listener) {
        long seed = settings.bootstrapSeed() * 0x9E3779B97F4A7C15L + 31L * id + problem.model.ordinal();
        SplittableRandom random = new SplittableRandom(seed);
        int replicates = settings.bootstrapReplicates();
        Problem[] resampled = new Problem[replicates];
        for (int r = 0; r < replicates; r++) {
            if (id == 0) {
                List<ProfiledParticle> drawn = new ArrayList<>();
                for (int i = 0; i < problem.particles.size(); i++) {
                    drawn.add(problem.particles.get(random.nextInt(problem.particles.size())));
                }
                resampled[r] = new Problem(problem.model, drawn, null);
            } else {
                resampled[r] = new Problem(problem.model, problem.particles,
                        resampleBins(problem.particles.get(0), random));
            }
        }
        double[] thetas = new double[replicates];
        AtomicInteger done = new AtomicInteger();
        IntStream indices = IntStream.range(0, replicates);
        (id == 0 ? indices.parallel() : indices).forEach(r -> {
            if (id == 0) {
                listener.checkCancelled("bootstrap");
            }
            Solution s = resampled[r].refine(theta, true);
            thetas[r] = s == null ? Double.NaN : s.theta;
            resampled[r] = null;
            if (id == 0) {
                int n = done.incrementAndGet();
                synchronized (listener) {
                    listener.progress(problem.model.label() + " bootstrap", n, replicates);
                }
            }
        });
        return Arrays.stream(thetas).filter(Double::isFinite).toArray();
    }

    /** Means of each bin after drawing its pixels with replacement; the standard errors stay the measured ones. */
    private static double[][] resampleBins(ProfiledParticle p, SplittableRandom random) {
        int bins = p.binCount();
        int[] count = new int[bins];
        for (int b : p.bin) {
            count[b]++;
        }
        int[][] members = new int[bins][];
        for (int b = 0; b < bins; b++) {
            members[b] = new int[count[b]];
        }
        int[] fill = new int[bins];
        for (int i = 0; i < p.bin.length; i++) {
            members[p.bin[i]][fill[p.bin[i]]++] = i;
        }
        double[] mean = p.dataMean.clone();
        double[] se = p.dataSe.clone();
        for (int b = 0; b < bins; b++) {
            if (!p.fitBin[b] || count[b] == 0) {
                continue;
            }
            double sw = 0;
            double swx = 0;
            for (int j = 0; j < count[b]; j++) {
                int i = members[b][random.nextInt(count[b])];
                sw += p.weight[i];
                swx += p.weight[i] * p.value[i];
            }
            mean[b] = swx / sw;
        }
        return new double[][] {mean, se};
    }

    private static double quantile(double[] values, double q) {
        double[] v = values.clone();
        Arrays.sort(v);
        double pos = q * (v.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(v.length - 1, i + 1);
        return v[i] + (pos - i) * (v[j] - v[i]);
    }

    private static double medianRadius(Problem problem) {
        double[] r = new double[problem.particles.size()];
        for (int p = 0; p < r.length; p++) {
            r[p] = problem.radius(p);
        }
        Arrays.sort(r);
        return r.length % 2 == 1 ? r[r.length / 2] : 0.5 * (r[r.length / 2 - 1] + r[r.length / 2]);
    }

    private static double sq(double v) {
        return v * v;
    }

    List<LamellaSection> sectionsOf(ProfiledParticle p) {
        return sections.computeIfAbsent(p.rhoNm, key -> LamellaSection.of(p.geometry(), settings));
    }

    BinnedShape shapeOf(ProfiledParticle p, ProfileModel model) {
        ShapeKey key = new ShapeKey(p.rhoNm, model);
        BinnedShape s = shapes.get(key);
        if (s == null) {
            RadialProbeBlur probe = new RadialProbeBlur(settings.probeFwhmNm());
            s = model == ProfileModel.DIFFUSION ? new SphereDiffusionShape(p, sectionsOf(p), probe)
                    : new CoreShellShape(p, sectionsOf(p), probe);
            BinnedShape previous = shapes.putIfAbsent(key, s);
            if (previous != null) {
                s = previous;
            }
        }
        return s;
    }

    /**
     * {shape parameter, χ²} refitted to {@code particle}'s data from {@code start} as the bootstrap refits a
     * resample (Gauss–Newton), or with Levenberg–Marquardt from the same start (as the bootstrap did before);
     * null when it fails. For the tests.
     */
    double[] refitShape(ProfiledParticle particle, ProfileModel model, double start, boolean gaussNewton) {
        Problem problem = new Problem(model, List.of(particle), null);
        Solution s = gaussNewton ? problem.refine(start) : problem.optimise(start);
        return s == null ? null
                : new double[] {model == ProfileModel.DIFFUSION ? Math.pow(10, s.theta) : s.theta, s.chi2};
    }

    private record Solution(double theta, double[] c, double chi2, double jtj) {
    }

    /** One least-squares problem: particles, their fitted bins' data, and the projected residual. */
    private final class Problem {
        final ProfileModel model;
        final List<ProfiledParticle> particles;
        final BinnedShape[] shape;
        final int[][] bins;
        final double[][] y;
        final double[][] se;
        final int rows;
        final double thetaLo;
        final double thetaHi;
        final double[][] unit;

        /** @param data replacement {mean, se} per bin of the single particle (bootstrap), or null */
        Problem(ProfileModel model, List<ProfiledParticle> particles, double[][] data) {
            this.model = model;
            this.particles = particles;
            int np = particles.size();
            shape = new BinnedShape[np];
            bins = new int[np][];
            y = new double[np][];
            se = new double[np][];
            unit = new double[np][];
            int r = 0;
            double maxA = 0;
            double minA = Double.POSITIVE_INFINITY;
            for (int p = 0; p < np; p++) {
                ProfiledParticle q = particles.get(p);
                shape[p] = shapeOf(q, model);
                unit[p] = new double[q.binCount()];
                bins[p] = IntStream.range(0, q.binCount()).filter(b -> q.fitBin[b]).toArray();
                double[] mean = data == null ? q.dataMean : data[0];
                double[] err = data == null ? q.dataSe : data[1];
                y[p] = Arrays.stream(bins[p]).mapToDouble(b -> mean[b]).toArray();
                se[p] = Arrays.stream(bins[p]).mapToDouble(b -> err[b]).toArray();
                r += bins[p].length;
                for (LamellaSection s : sectionsOf(q)) {
                    maxA = Math.max(maxA, s.radiusNm());
                    minA = Math.min(minA, s.radiusNm());
                }
            }
            rows = r;
            if (model == ProfileModel.DIFFUSION) {
                thetaLo = Math.log10(SphereDiffusionShape.TAU_MIN * maxA * maxA);
                thetaHi = Math.max(thetaLo + 1, Math.log10(TAU_MAX * minA * minA));
            } else {
                thetaLo = 0.0;
                double max = Double.POSITIVE_INFINITY;
                for (BinnedShape s : shape) {
                    max = Math.min(max, ((CoreShellShape) s).maxShellNm());
                }
                thetaHi = max;
            }
        }

        double step() {
            return model == ProfileModel.DIFFUSION ? LOG10_STEP : SHELL_STEP_NM;
        }

        double radius(int p) {
            double a = 0;
            for (LamellaSection s : sectionsOf(particles.get(p))) {
                a += s.weight() * s.radiusNm();
            }
            return a;
        }

        double clamp(double theta) {
            return Math.max(thetaLo, Math.min(thetaHi, theta));
        }

        /** Local minima of the projected χ² on a grid over the bounds, best first. */
        List<Double> starts() {
            double[] grid = new double[GRID];
            double[] cost = new double[GRID];
            double[] r = new double[rows];
            double[] c = new double[2 * particles.size()];
            for (int i = 0; i < GRID; i++) {
                double frac = (i + 0.5) / GRID;
                grid[i] = thetaLo + frac * (thetaHi - thetaLo);
                cost[i] = project(grid[i], r, c);
            }
            List<Integer> minima = new ArrayList<>();
            for (int i = 0; i < GRID; i++) {
                boolean left = i == 0 || cost[i] <= cost[i - 1];
                boolean right = i == GRID - 1 || cost[i] <= cost[i + 1];
                if (left && right) {
                    minima.add(i);
                }
            }
            minima.sort((a, b) -> Double.compare(cost[a], cost[b]));
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < Math.min(MAX_STARTS, minima.size()); i++) {
                out.add(grid[minima.get(i)]);
            }
            return out;
        }

        /** Levenberg–Marquardt over θ from {@code start}; null if it fails. */
        Solution optimise(double start) {
            double[] r0 = new double[rows];
            double[] rp = new double[rows];
            double[] rm = new double[rows];
            double[] c = new double[2 * particles.size()];
            MultivariateJacobianFunction f = point -> {
                double theta = clamp(point.getEntry(0));
                project(theta, r0, c);
                double[][] jac = jacobian(theta, rp, rm, c);
                return new Pair<RealVector, RealMatrix>(new ArrayRealVector(r0, true),
                        new Array2DRowRealMatrix(jac, false));
            };
            LeastSquaresOptimizer.Optimum optimum;
            try {
                optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                        .model(f)
                        .target(new double[rows])
                        .start(new double[] {clamp(start)})
                        .parameterValidator(v -> {
                            v.setEntry(0, clamp(v.getEntry(0)));
                            return v;
                        })
                        .maxEvaluations(500)
                        .maxIterations(200)
                        .build());
            } catch (RuntimeException e) {
                return null;
            }
            return solutionAt(clamp(optimum.getPoint().getEntry(0)), r0, rp, rm, c);
        }

        /**
         * The solution at θ: concentrations, χ² and the curvature JᵀJ of the residual; null when χ² is not finite.
         * The arrays are work space.
         */
        private Solution solutionAt(double theta, double[] r, double[] rp, double[] rm, double[] scratch) {
            double[] c = new double[2 * particles.size()];
            double chi2 = project(theta, r, c);
            double jtj = 0;
            for (double[] row : jacobian(theta, rp, rm, scratch)) {
                jtj += row[0] * row[0];
            }
            return Double.isFinite(chi2) ? new Solution(theta, c, chi2, jtj) : null;
        }

        /**
         * The optimum near {@code start} by Gauss–Newton on the one shape parameter, each step halved until χ²
         * falls, kept within the bounds; for a bootstrap resample, whose optimum lies close to the original
         * one. Converged when a step moves θ by less than 1e−7 of its range (or χ² no longer falls); typically 2–4
         * steps of 3 model evaluations, where Levenberg–Marquardt (Commons Math, with its set-up) needs about
         * twice as many. When no fraction of a large step lowers χ² (a kink of the core–shell χ², where a core edge
         * crosses a pixel's chord) it takes {@link #kinkMinimum}; it falls back to {@link #optimise} when it does not
         * converge in 20 steps.
         */
        Solution refine(double start) {
            return refine(start, false);
        }

        /** @param thetaOnly only θ is wanted (the bootstrap): no χ² or curvature recomputed at the end */
        Solution refine(double start, boolean thetaOnly) {
            double[] r = new double[rows];
            double[] rp = new double[rows];
            double[] rm = new double[rows];
            double[] c = new double[2 * particles.size()];
            double theta = clamp(start);
            double chi2 = project(theta, r, c);
            double tolerance = 1e-7 * (thetaHi - thetaLo);
            for (int iteration = 0; iteration < 20; iteration++) {
                double[][] jac = jacobian(theta, rp, rm, c);
                double jtj = 0;
                double jtr = 0;
                for (int i = 0; i < rows; i++) {
                    jtj += jac[i][0] * jac[i][0];
                    jtr += jac[i][0] * r[i];
                }
                if (!(jtj > 0)) {
                    break;
                }
                double step = -jtr / jtj;
                double fullStep = Math.abs(clamp(theta + step) - theta);
                boolean improved = false;
                for (int halving = 0; halving < 30; halving++) {
                    double next = clamp(theta + step);
                    if (Math.abs(next - theta) < tolerance) {
                        break;
                    }
                    double nextChi2 = project(next, rp, c);
                    if (nextChi2 < chi2) {
                        theta = next;
                        chi2 = nextChi2;
                        System.arraycopy(rp, 0, r, 0, rows);
                        improved = true;
                        break;
                    }
                    step *= 0.5;
                }
                if (!improved && fullStep > 1e3 * tolerance) {
                    // stalled on a kink of χ² (core–shell): the minimum within a full step either side
                    Solution s = kinkMinimum(theta, chi2, fullStep, tolerance, thetaOnly);
                    return s != null ? s : optimise(theta);
                }
                if (!improved || Math.abs(step) < tolerance) {
                    return thetaOnly ? new Solution(theta, c, chi2, Double.NaN) : solutionAt(theta, r, rp, rm, c);
                }
            }
            return optimise(start);
        }

        /**
         * The minimum of χ²(θ) on [θ − span, θ + span] (within the bounds) by Brent's method (Commons Math), which
         * needs no derivative and so is not stopped by a kink: where a core edge crosses a pixel's chord the
         * core–shell χ² has one, Gauss–Newton's step then lowers χ² by no fraction, and Levenberg–Marquardt from
         * there took up to hundreds of evaluations with a Jacobian each (with it, the core–shell fits per particle
         * and their bootstrap took 6.9 s on the 1024² bench phantom; with this search 2.9 s). Keeps θ when nothing
         * in the interval is lower; null if the search fails.
         */
        private Solution kinkMinimum(double theta, double chi2, double span, double tolerance, boolean thetaOnly) {
            double lo = clamp(theta - span);
            double hi = clamp(theta + span);
            if (!(hi > lo)) {
                return null;
            }
            double[] r = new double[rows];
            double[] c = new double[2 * particles.size()];
            UnivariatePointValuePair best;
            try {
                best = new BrentOptimizer(1e-10, tolerance).optimize(new MaxEval(200),
                        new UnivariateObjectiveFunction(t -> project(clamp(t), r, c)), GoalType.MINIMIZE,
                        new SearchInterval(lo, hi, theta));
            } catch (RuntimeException e) {
                return null;
            }
            double found = best.getValue() < chi2 ? clamp(best.getPoint()) : theta;
            if (thetaOnly) {
                double[] c1 = new double[2 * particles.size()];
                double finalChi2 = project(found, r, c1);
                return Double.isFinite(finalChi2) ? new Solution(found, c1, finalChi2, Double.NaN) : null;
            }
            return solutionAt(found, r, new double[rows], new double[rows], c);
        }

        /** Central difference of the projected residual (one-sided at a bound). */
        private double[][] jacobian(double theta, double[] rp, double[] rm, double[] scratch) {
            double h = step();
            double up = Math.min(thetaHi, theta + h);
            double down = Math.max(thetaLo, theta - h);
            project(up, rp, scratch);
            project(down, rm, scratch);
            double[][] jac = new double[rows][1];
            for (int i = 0; i < rows; i++) {
                jac[i][0] = (rp[i] - rm[i]) / (up - down);
            }
            return jac;
        }

        double[] concentrationsAt(double theta) {
            double[] c = new double[2 * particles.size()];
            project(theta, new double[rows], c);
            return c;
        }

        /**
         * Weighted residuals (model − data)/SE at θ with each particle's best bounded concentrations; returns χ².
         */
        double project(double theta, double[] r, double[] c) {
            modelEvaluations.increment();
            double chi2 = 0;
            int row = 0;
            for (int p = 0; p < particles.size(); p++) {
                shape[p].unit(theta, unit[p]);
                int[] b = bins[p];
                double sA = 0;
                double sB = 0;
                double sC = 0;
                double sD1 = 0;
                double sD2 = 0;
                double sYY = 0;
                for (int j = 0; j < b.length; j++) {
                    double u = unit[p][b[j]];
                    double v = 1 - u;
                    double w = 1 / (se[p][j] * se[p][j]);
                    sA += w * u * u;
                    sB += w * u * v;
                    sC += w * v * v;
                    sD1 += w * u * y[p][j];
                    sD2 += w * v * y[p][j];
                    sYY += w * y[p][j] * y[p][j];
                }
                double[] best = boxLeastSquares(sA, sB, sC, sD1, sD2, sYY);
                c[2 * p] = best[0];
                c[2 * p + 1] = best[1];
                for (int j = 0; j < b.length; j++) {
                    double u = unit[p][b[j]];
                    double res = (best[0] * u + best[1] * (1 - u) - y[p][j]) / se[p][j];
                    r[row++] = res;
                    chi2 += res * res;
                }
            }
            return chi2;
        }

        /** [Var(c_outer), Var(c_inner)] at fixed θ, from the 2 × 2 normal matrix (unscaled). */
        double[] conditionalVariance(int p, double theta) {
            shape[p].unit(theta, unit[p]);
            double sA = 0;
            double sB = 0;
            double sC = 0;
            for (int j = 0; j < bins[p].length; j++) {
                double u = unit[p][bins[p][j]];
                double w = 1 / (se[p][j] * se[p][j]);
                sA += w * u * u;
                sB += w * u * (1 - u);
                sC += w * (1 - u) * (1 - u);
            }
            double det = sA * sC - sB * sB;
            if (!(det > 1e-12 * sA * sC)) {
                return new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
            }
            return new double[] {sC / det, sA / det};
        }

        /** Data against model per fitted bin; for a global fit also the ensemble (particle 0). */
        List<BinResidual> residuals(Solution s, boolean withEnsemble) {
            List<BinResidual> out = new ArrayList<>();
            int maxBins = 0;
            for (ProfiledParticle q : particles) {
                maxBins = Math.max(maxBins, q.binCount());
            }
            double[] sw = new double[maxBins];
            double[] swm = new double[maxBins];
            double[] swx = new double[maxBins];
            double[] swxx = new double[maxBins];
            double[] sww = new double[maxBins];
            int[] count = new int[maxBins];
            for (int p = 0; p < particles.size(); p++) {
                ProfiledParticle q = particles.get(p);
                shape[p].unit(s.theta, unit[p]);
                double cOut = s.c[2 * p];
                double cIn = s.c[2 * p + 1];
                for (int j = 0; j < bins[p].length; j++) {
                    int b = bins[p][j];
                    out.add(new BinResidual(q.geometry().label(), q.binCentreNm(b), y[p][j], se[p][j],
                            cOut * unit[p][b] + cIn * (1 - unit[p][b])));
                }
                if (withEnsemble) {
                    for (int i = 0; i < q.rhoNm.length; i++) {
                        int b = q.bin[i];
                        double w = q.weight[i];
                        double x = q.value != null ? q.value[i] : q.dataMean[b];
                        sw[b] += w;
                        swm[b] += w * (cOut * unit[p][b] + cIn * (1 - unit[p][b]));
                        swx[b] += w * x;
                        swxx[b] += w * x * x;
                        sww[b] += w * w;
                        count[b]++;
                    }
                }
            }
            if (withEnsemble) {
                double binWidth = particles.get(0).binWidthNm;
                for (int b = 0; b < maxBins; b++) {
                    if (count[b] < ProfiledParticle.MIN_PIXELS_PER_BIN) {
                        continue;
                    }
                    double m = swx[b] / sw[b];
                    double var = Math.max(0, swxx[b] / sw[b] - m * m);
                    double err = Math.max(ProfiledParticle.MIN_SE, Math.sqrt(var) / Math.sqrt(sw[b] * sw[b] / sww[b]));
                    out.add(new BinResidual(0, (b + 0.5) * binWidth, m, err, swm[b] / sw[b]));
                }
            }
            return List.copyOf(out);
        }
    }

    /**
     * Minimum of {@code A x² + 2B x y + C y² − 2 D1 x − 2 D2 y} over 0 ≤ x, y ≤ 1: the unconstrained minimum if it
     * lies in the box, else the best of the four edges' one-dimensional minima.
     */
    static double[] boxLeastSquares(double a, double b, double c, double d1, double d2, double yy) {
        double det = a * c - b * b;
        if (det > 1e-12 * a * c) {
            double x = (d1 * c - b * d2) / det;
            double y = (a * d2 - b * d1) / det;
            if (x >= 0 && x <= 1 && y >= 0 && y <= 1) {
                return new double[] {x, y};
            }
        }
        double[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int edge = 0; edge < 4; edge++) {
            double x;
            double y;
            if (edge < 2) {
                x = edge;
                y = c > 0 ? clamp01((d2 - b * x) / c) : x;
            } else {
                y = edge - 2;
                x = a > 0 ? clamp01((d1 - b * y) / a) : y;
            }
            double cost = a * x * x + 2 * b * x * y + c * y * y - 2 * d1 * x - 2 * d2 * y + yy;
            if (cost < bestCost) {
                bestCost = cost;
                best = new double[] {x, y};
            }
        }
        return best;
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
