package org.oxymap.core.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.segment.HoleFiller;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;

/**
 * A Mn L3-edge transmission stack of an electrode region with large agglomerates, small agglomerates and isolated
 * primary particles, with a known class for every particle ({@link AgglomeratePhantomSettings} gives the scene).
 *
 * <p>Large agglomerates fill the sites of a hexagonal lattice of spacing 2r + 1.5 px inside a wavy outline; a particle whose
 * six lattice neighbours are not all present is on the outside (true class exterior), the others are interior.
 * Neighbours nearly touch. Small agglomerates grow by attaching 2–5 particles to each other at lattice spacing; isolated particles stand
 * alone. Agglomerates and isolated particles keep at least the cluster gap apart. The spectra, I0, drift, probe and
 * Poisson noise are those of {@link PhantomGenerator}: OD = t·Σ f_k·R_k(E), counts = I0·exp(−OD) blurred by the
 * probe, one independent noisy plane per energy.
 */
public final class AgglomeratePhantomGenerator {

    /**
     * Gap added to the lattice spacing 2r, in pixels: neighbouring particles nearly touch (30–70 nm apart at 20 nm
     * pixels, as radii vary), so that a segmentation separates them as a user's primary-particle ROIs would.
     */
    static final double CONTACT_GAP_PX = 1.5;

    private static final String[] CLASS_ORDER = {"interior", "exterior", "small", "isolated"};

    private final AgglomeratePhantomSettings settings;
    private final double[] energies;
    private final double contactGapPx;

    public AgglomeratePhantomGenerator(AgglomeratePhantomSettings settings) {
        this(settings, CONTACT_GAP_PX);
    }

    /**
     * @param contactGapPx gap added to the lattice spacing 2r, in pixels (&gt;= 0); 0 = exactly touching primary
     *                     particles (the default is {@link #CONTACT_GAP_PX})
     */
    public AgglomeratePhantomGenerator(AgglomeratePhantomSettings settings, double contactGapPx) {
        settings.validate();
        if (!(contactGapPx >= 0) || !Double.isFinite(contactGapPx)) {
            throw new IllegalArgumentException("contact gap is " + contactGapPx + " px, expected >= 0");
        }
        this.settings = settings;
        this.energies = PhantomGenerator.defaultEnergiesEv();
        this.contactGapPx = contactGapPx;
    }

    /** One primary particle during construction (pixel coordinates). */
    private record Body(double x, double y, double radiusPx, double centralThicknessNm, int agglomerate,
            String classLabel, double offset) {
    }

    public AgglomeratePhantom generate(ProgressListener listener) {
        SplittableRandom random = new SplittableRandom(settings.seed());
        int size = settings.sizePx();
        double px = settings.pixelNm();
        List<Body> bodies = place(random);

        double[] driftX = ScanImaging.drift(random, energies.length, settings.maxDriftPx());
        double[] driftY = ScanImaging.drift(random, energies.length, settings.maxDriftPx());
        int nE = energies.length;
        double[] i0 = new double[nE];
        double e0 = energies[0];
        double span = energies[nE - 1] - e0;
        for (int k = 0; k < nE; k++) {
            double u = (energies[k] - e0) / span;
            i0[k] = Math.max(1.0, settings.i0Counts() > 0 ? settings.i0Counts() : 1.0e4)
                    * (1.0 - 0.18 * u + 0.04 * Math.sin(2.5 * Math.PI * u));
        }
        List<ReferenceSpectrum> references = SyntheticMnL3References.all();
        double[][] odPerNm = new double[references.size()][nE];
        for (int r = 0; r < references.size(); r++) {
            for (int k = 0; k < nE; k++) {
                odPerNm[r][k] = SyntheticMnL3References.odPerNm(r, energies[k]);
            }
        }
        Index index = new Index(bodies, size);

        float[] thickness = new float[size * size];
        float[][] fractions = new float[3][size * size];
        int[] labels = new int[size * size];
        double[] sample = new double[2];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int id = sample(index, x, y, sample);
                if (id > 0) {
                    int i = y * size + x;
                    labels[i] = id;
                    thickness[i] = (float) sample[0];
                    fractions[0][i] = (float) settings.mn2Fraction();
                    fractions[1][i] = (float) sample[1];
                    fractions[2][i] = (float) (1.0 - settings.mn2Fraction() - sample[1]);
                }
            }
        }
        int[] agglomerates = agglomerateLabels(bodies, size);

        long[] planeSeeds = new long[nE];
        for (int k = 0; k < nE; k++) {
            planeSeeds[k] = random.nextLong();
        }
        List<float[]> planes = ScanImaging.counts(size, i0, odPerNm, settings.mn2Fraction(), driftX, driftY,
                probe(settings.probeFwhmNm() / px), settings.i0Counts() > 0, planeSeeds,
                (x, y, out) -> sample(index, x, y, out), listener);
        SpectralStack stack = SpectralStack.wrap(planes, size, size, energies, px);

        List<AgglomeratePhantomParticle> particles = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            Body b = bodies.get(i);
            particles.add(new AgglomeratePhantomParticle(i + 1, b.x, b.y, b.radiusPx * px, b.centralThicknessNm,
                    b.agglomerate, b.classLabel, b.offset));
        }
        List<AgglomeratePhantom.ClassTruth> classes = classTruth(bodies, labels, thickness, fractions[1]);
        return new AgglomeratePhantom(settings, stack, references, i0, thickness,
                List.of(fractions[0], fractions[1], fractions[2]), labels, agglomerates, particles, classes, driftX,
                driftY);
    }

    private List<AgglomeratePhantom.ClassTruth> classTruth(List<Body> bodies, int[] labels, float[] thickness,
            float[] mn3) {
        List<AgglomeratePhantom.ClassTruth> out = new ArrayList<>();
        for (String c : CLASS_ORDER) {
            double sw = 0;
            double swf = 0;
            double st = 0;
            int pixels = 0;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] > 0 && bodies.get(labels[i] - 1).classLabel.equals(c)) {
                    sw += thickness[i];
                    swf += thickness[i] * mn3[i];
                    st += thickness[i];
                    pixels++;
                }
            }
            int n = (int) bodies.stream().filter(b -> b.classLabel.equals(c)).count();
            out.add(new AgglomeratePhantom.ClassTruth(c, sw > 0 ? swf / sw : Double.NaN, settings.classFraction(c), n,
                    pixels, pixels > 0 ? st / pixels : Double.NaN));
        }
        return out;
    }

    /** Thickness and Mn3+ fraction at a continuous pixel position; returns the particle id (0 = none). */
    private int sample(Index index, double x, double y, double[] out) {
        for (int i : index.candidates(x, y)) {
            Body b = index.bodies.get(i);
            double dx = x - b.x;
            double dy = y - b.y;
            double q = (dx * dx + dy * dy) / (b.radiusPx * b.radiusPx);
            if (q < 1) {
                double t = b.centralThicknessNm * Math.sqrt(1 - q);
                double f = b.offset + settings.thicknessSlope() * (1 - t / settings.referenceThicknessNm());
                out[0] = t;
                out[1] = Math.max(0.0, Math.min(1.0 - settings.mn2Fraction(), f));
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * Truth agglomerates: per agglomerate, the union of discs of the lattice radius (half the spacing) around its
     * particles, holes filled, so the lattice gaps between touching particles belong to it.
     */
    private int[] agglomerateLabels(List<Body> bodies, int size) {
        int[] out = new int[size * size];
        double r = settings.particleRadiusNm() / settings.pixelNm();
        int max = bodies.stream().mapToInt(Body::agglomerate).max().orElse(0);
        for (int a = 1; a <= max; a++) {
            boolean[] mask = new boolean[size * size];
            boolean any = false;
            for (Body b : bodies) {
                if (b.agglomerate != a) {
                    continue;
                }
                any = true;
                double reach = b.classLabel.equals("isolated") ? b.radiusPx : r + contactGapPx / 2 + 0.5;
                int x0 = Math.max(0, (int) Math.floor(b.x - reach));
                int x1 = Math.min(size - 1, (int) Math.ceil(b.x + reach));
                int y0 = Math.max(0, (int) Math.floor(b.y - reach));
                int y1 = Math.min(size - 1, (int) Math.ceil(b.y + reach));
                for (int y = y0; y <= y1; y++) {
                    for (int x = x0; x <= x1; x++) {
                        if (Math.hypot(x - b.x, y - b.y) < reach) {
                            mask[y * size + x] = true;
                        }
                    }
                }
            }
            if (!any) {
                continue;
            }
            boolean[] filled = HoleFiller.fill(mask, size, size);
            for (int i = 0; i < out.length; i++) {
                if (filled[i] && out[i] == 0) {
                    out[i] = a;
                }
            }
        }
        return out;
    }

    /** A cluster being placed: particle centres relative to its centre (px) and its bounding radius (px). */
    private record Cluster(List<double[]> sites, List<String> classes, double boundPx) {
    }

    private List<Body> place(SplittableRandom random) {
        double px = settings.pixelNm();
        double r = settings.particleRadiusNm() / px;
        List<Cluster> clusters = new ArrayList<>();
        for (int k = 0; k < settings.largeAgglomerates(); k++) {
            clusters.add(largeCluster(random, r));
        }
        for (int k = 0; k < settings.smallAgglomerates(); k++) {
            clusters.add(smallCluster(random, r, 2 + random.nextInt(4)));
        }
        for (int k = 0; k < settings.isolatedParticles(); k++) {
            List<double[]> one = new ArrayList<>();
            one.add(new double[] {0, 0});
            clusters.add(new Cluster(one, List.of("isolated"), r));
        }
        int size = settings.sizePx();
        double margin = settings.maxDriftPx() + 3;
        double gap = settings.clusterGapNm() / px;
        List<double[]> centres = new ArrayList<>(); // x, y, bound
        List<Body> bodies = new ArrayList<>();
        int agglomerate = 0;
        for (int c = 0; c < clusters.size(); c++) {
            Cluster cl = clusters.get(c);
            boolean large = c < settings.largeAgglomerates();
            double lo = margin + cl.boundPx;
            double hiX = size - 1 - margin - cl.boundPx;
            double loY = settings.emptyBandPx() + margin + cl.boundPx;
            boolean placed = false;
            for (int attempt = 0; attempt < 5000 && hiX > lo && hiX > loY && !placed; attempt++) {
                double x = lo + random.nextDouble() * (hiX - lo);
                double y = loY + random.nextDouble() * (hiX - loY);
                boolean free = true;
                for (double[] o : centres) {
                    if (Math.hypot(o[0] - x, o[1] - y) < o[2] + cl.boundPx + gap) {
                        free = false;
                        break;
                    }
                }
                if (free) {
                    centres.add(new double[] {x, y, cl.boundPx});
                    agglomerate++;
                    for (int i = 0; i < cl.sites.size(); i++) {
                        String cls = cl.classes.get(i);
                        double[] t = settings.classThicknessNm(cls);
                        double thick = t[0] + random.nextDouble() * (t[1] - t[0]);
                        double offset = settings.classFraction(cls)
                                + (2 * random.nextDouble() - 1) * settings.particleSpread();
                        double radius = r * (0.85 + 0.15 * random.nextDouble());
                        bodies.add(new Body(x + cl.sites.get(i)[0], y + cl.sites.get(i)[1], radius, thick,
                                agglomerate, cls, offset));
                    }
                    placed = true;
                }
            }
            if (!placed && large) {
                throw new IllegalArgumentException("agglomerate phantom: large agglomerate " + (c + 1) + " of "
                        + settings.largeAgglomerates() + " does not fit into " + size + " px of " + px
                        + " nm; enlarge the image or reduce the large-agglomerate radius");
            }
        }
        return bodies;
    }

    /** Hexagonal lattice sites of spacing 2r inside a wavy outline; exterior = a lattice neighbour is missing. */
    private Cluster largeCluster(SplittableRandom random, double r) {
        double radius = settings.largeRadiusNm() / settings.pixelNm();
        double phase = random.nextDouble() * 2 * Math.PI;
        double d = 2 * r + contactGapPx;
        double rowStep = d * Math.sqrt(3) / 2;
        int n = (int) Math.ceil(radius * 1.2 / rowStep) + 1;
        java.util.Map<Long, double[]> sites = new java.util.LinkedHashMap<>();
        for (int j = -n; j <= n; j++) {
            for (int i = -n; i <= n; i++) {
                double x = (i + (j & 1) * 0.5) * d;
                double y = j * rowStep;
                double angle = Math.atan2(y, x);
                double outline = radius * (1 + 0.1 * Math.sin(3 * angle + phase)) - r;
                if (Math.hypot(x, y) <= outline) {
                    sites.put(key(i, j), new double[] {x, y, i, j});
                }
            }
        }
        List<double[]> positions = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        double bound = 0;
        for (double[] s : sites.values()) {
            int i = (int) s[2];
            int j = (int) s[3];
            // hexagonal neighbours of (i, j) in offset rows: odd rows are shifted by half a spacing
            int shift = (j & 1) == 1 ? 0 : -1;
            long[] nb = {key(i - 1, j), key(i + 1, j), key(i + shift, j - 1), key(i + shift + 1, j - 1),
                key(i + shift, j + 1), key(i + shift + 1, j + 1)};
            boolean inner = true;
            for (long k : nb) {
                inner &= sites.containsKey(k);
            }
            positions.add(new double[] {s[0], s[1]});
            classes.add(inner ? "interior" : "exterior");
            bound = Math.max(bound, Math.hypot(s[0], s[1]) + r);
        }
        return new Cluster(positions, classes, bound);
    }

    private static long key(int i, int j) {
        return ((long) i << 32) ^ (j & 0xffffffffL);
    }

    /** {@code count} particles, each attached at lattice spacing to a random earlier one without overlap. */
    private Cluster smallCluster(SplittableRandom random, double r, int count) {
        List<double[]> sites = new ArrayList<>();
        sites.add(new double[] {0, 0});
        double d = 2 * r + contactGapPx;
        for (int attempt = 0; attempt < 1000 && sites.size() < count; attempt++) {
            double[] anchor = sites.get(random.nextInt(sites.size()));
            double angle = random.nextDouble() * 2 * Math.PI;
            double x = anchor[0] + d * Math.cos(angle);
            double y = anchor[1] + d * Math.sin(angle);
            boolean free = true;
            for (double[] s : sites) {
                free &= Math.hypot(s[0] - x, s[1] - y) >= d * 0.999;
            }
            if (free) {
                sites.add(new double[] {x, y});
            }
        }
        double cx = sites.stream().mapToDouble(s -> s[0]).average().orElse(0);
        double cy = sites.stream().mapToDouble(s -> s[1]).average().orElse(0);
        double bound = 0;
        List<String> classes = new ArrayList<>();
        for (double[] s : sites) {
            s[0] -= cx;
            s[1] -= cy;
            bound = Math.max(bound, Math.hypot(s[0], s[1]) + r);
            classes.add("small");
        }
        return new Cluster(sites, classes, bound);
    }

    /**
     * The probe quadrature of {@link PhantomGenerator#probe}, on a 3 × 3 grid while the FWHM is below a pixel (the
     * electrode-scale case, where a 7 × 7 grid would cost five times as much for no visible difference).
     */
    static double[][] probe(double fwhmPx) {
        if (fwhmPx <= 0 || fwhmPx >= 1) {
            return PhantomGenerator.probe(fwhmPx);
        }
        double sigma = fwhmPx / (2 * Math.sqrt(2 * Math.log(2)));
        double[][] q = new double[9][];
        double sum = 0;
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 3; i++) {
                double dx = (i - 1) * 1.5 * sigma;
                double dy = (j - 1) * 1.5 * sigma;
                double w = Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
                q[j * 3 + i] = new double[] {dx, dy, w};
                sum += w;
            }
        }
        for (double[] e : q) {
            e[2] /= sum;
        }
        return q;
    }

    /** The bodies with a {@link DiscGrid} over them (each disc reaching its radius + 2 px). */
    private static final class Index {
        final List<Body> bodies;
        private final DiscGrid grid;

        Index(List<Body> bodies, int size) {
            this.bodies = bodies;
            grid = new DiscGrid(bodies.stream().mapToDouble(Body::x).toArray(),
                    bodies.stream().mapToDouble(Body::y).toArray(),
                    bodies.stream().mapToDouble(b -> b.radiusPx() + 2).toArray(), size);
        }

        int[] candidates(double x, double y) {
            return grid.candidates(x, y);
        }
    }
}
