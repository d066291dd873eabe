package org.oxymap.core.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.oxymap.core.model.LamellaProjection;
import org.oxymap.core.model.ProjectedRadialProfile;
import org.oxymap.core.model.RadialConcentration;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;

/**
 * OxyMap's forward model: a Mn L3-edge transmission stack of spherical primary particles cut by a lamella, with a
 * known answer (DESIGN.md §2).
 *
 * <p>Each particle is a sphere of radius a, cut by a lamella of thickness h at a random offset z0 from its centre.
 * Its Mn3+ fraction follows Crank's sphere solution (eq. 6.18) for the given D and t, or a two-phase core–shell
 * profile for a few particles; Mn2+ is constant and Mn4+ makes up the rest. The beam sees the chord through the
 * lamella, so a pixel's thickness is the chord length and its fraction is the depth average over the chord.
 * Optical density is Σ f_k·L·R_k(E) with R_k the synthetic references in OD per nm; counts follow Beer–Lambert
 * with a smooth I0(E), then Poisson noise. Every energy image is drawn with its own sub-pixel drift, sampling the
 * continuous scene at the displaced pixel centres. The top rows are left empty for I0. Particles keep a minimum
 * gap, or (for testing the split of touching particles) come in contact pairs; where two discs overlap, the pixel
 * belongs to the particle placed first.
 */
public final class PhantomGenerator {

    /** Energies of the phantom stack: coarse pre- and post-edge, 0.5 eV steps across the L3 edge. */
    public static double[] defaultEnergiesEv() {
        List<Integer> tenths = new ArrayList<>();
        for (int t = 6300; t <= 6360; t += 20) {
            tenths.add(t);
        }
        tenths.add(6370);
        for (int t = 6380; t <= 6460; t += 5) {
            tenths.add(t);
        }
        for (int t = 6470; t <= 6540; t += 10) {
            tenths.add(t);
        }
        for (int t = 6560; t <= 6600; t += 20) {
            tenths.add(t);
        }
        double[] e = new double[tenths.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = tenths.get(i) / 10.0;
        }
        return e;
    }

    private final PhantomSettings settings;
    private final double[] energies;

    public PhantomGenerator(PhantomSettings settings) {
        this(settings, defaultEnergiesEv());
    }

    /** A phantom at other energies (e.g. the benchmark's 90); the references cover 625–665 eV. */
    public PhantomGenerator(PhantomSettings settings, double[] energiesEv) {
        settings.validate();
        if (energiesEv.length < 5 || energiesEv[0] < SyntheticMnL3References.GRID_FIRST_TENTH / 10.0
                || energiesEv[energiesEv.length - 1] > SyntheticMnL3References.GRID_LAST_TENTH / 10.0) {
            throw new IllegalArgumentException("phantom energies must be at least 5 within 625–665 eV");
        }
        this.settings = settings;
        this.energies = energiesEv.clone();
    }

    /** {@code n} energies from 630 to 660 eV, denser across the L3 edge (the middle half spans 638–646 eV). */
    public static double[] energiesEv(int n) {
        if (n < 5) {
            throw new IllegalArgumentException("energy count is " + n + ", expected at least 5");
        }
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            double u = (double) i / (n - 1);
            // piecewise-linear map: [0, .25] -> 630–638, [.25, .75] -> 638–646, [.75, 1] -> 646–660
            e[i] = u < 0.25 ? 630 + u / 0.25 * 8 : u < 0.75 ? 638 + (u - 0.25) / 0.5 * 8 : 646 + (u - 0.75) / 0.25 * 14;
            e[i] = Math.round(e[i] * 1000) / 1000.0;
        }
        return e;
    }

    public Phantom generate(ProgressListener listener) {
        SplittableRandom random = new SplittableRandom(settings.seed());
        int size = settings.sizePx();
        double px = settings.pixelNm();
        double dtNm2 = settings.dCm2PerS() * 1e14 * settings.timeS();

        List<Placed> placed = placeParticles(random);
        SceneIndex scene = new SceneIndex(placed, size, px);
        List<PhantomParticle> particles = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            Placed p = placed.get(i);
            particles.add(new PhantomParticle(i + 1, p.x, p.y, p.radiusNm, p.offsetNm,
                    p.profile.visibleRadiusNm(), p.coreShell ? PhantomParticle.CORE_SHELL : PhantomParticle.DIFFUSION,
                    p.coreShell ? settings.shellNm() : 0.0, p.coreShell ? 0.0 : dtNm2 / (p.radiusNm * p.radiusNm)));
        }

        int nE = energies.length;
        double[] driftX = ScanImaging.drift(random, nE, settings.maxDriftPx());
        double[] driftY = ScanImaging.drift(random, nE, settings.maxDriftPx());
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

        // Truth maps in the undrifted frame.
        float[] thickness = new float[size * size];
        float[][] fractions = new float[3][size * size];
        int[] labels = new int[size * size];
        double[] sample = new double[3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int id = sampleScene(scene, x, y, px, sample);
                int i = y * size + x;
                if (id > 0) {
                    labels[i] = id;
                    thickness[i] = (float) sample[0];
                    fractions[0][i] = (float) settings.mn2Fraction();
                    fractions[1][i] = (float) sample[1];
                    fractions[2][i] = (float) (1.0 - settings.mn2Fraction() - sample[1]);
                }
            }
        }

        // One plane per energy; each has its own seed so planes can be drawn in parallel reproducibly.
        long[] planeSeeds = new long[nE];
        for (int k = 0; k < nE; k++) {
            planeSeeds[k] = random.nextLong();
        }
        List<float[]> planes = ScanImaging.counts(size, i0, odPerNm, settings.mn2Fraction(), driftX, driftY,
                probe(settings.probeFwhmNm() / px), settings.i0Counts() > 0, planeSeeds,
                (x, y, out) -> sampleScene(scene, x, y, px, out), listener);

        SpectralStack stack = SpectralStack.wrap(planes, size, size, energies, px);
        List<float[]> fractionList = List.of(fractions[0], fractions[1], fractions[2]);
        return new Phantom(settings, stack, references, i0, thickness, fractionList, labels, particles, driftX, driftY);
    }

    /** Fills {@code out} = {thickness nm, Mn3+ fraction} at continuous pixel position (x, y); returns the label. */
    private static int sampleScene(SceneIndex index, double x, double y, double px, double[] out) {
        for (int i : index.candidates(x, y)) {
            Placed p = index.placed.get(i);
            double rho = Math.hypot(x - p.x, y - p.y) * px;
            if (p.profile.contains(rho)) {
                out[0] = p.profile.chordNm(rho);
                out[1] = p.profile.meanConcentration(rho);
                return i + 1;
            }
        }
        return 0;
    }

    /** The placed particles with a {@link DiscGrid} over them (each reaching its visible radius + 2 px). */
    private static final class SceneIndex {
        final List<Placed> placed;
        private final DiscGrid grid;

        SceneIndex(List<Placed> placed, int sizePx, double pixelNm) {
            this.placed = placed;
            grid = new DiscGrid(placed.stream().mapToDouble(Placed::x).toArray(),
                    placed.stream().mapToDouble(Placed::y).toArray(),
                    placed.stream().mapToDouble(p -> p.profile().visibleRadiusNm() / pixelNm + 2).toArray(), sizePx);
        }

        int[] candidates(double x, double y) {
            return grid.candidates(x, y);
        }
    }

    /**
     * Quadrature of the probe: a Gaussian intensity profile of the given FWHM (pixels) sampled on a 7 × 7 grid
     * spanning ±2.5σ, as {dx, dy, weight} with weights summing to 1. A FWHM of 0 gives a point probe.
     */
    static double[][] probe(double fwhmPx) {
        if (fwhmPx <= 0) {
            return new double[][] {{0, 0, 1}};
        }
        double sigma = fwhmPx / (2 * Math.sqrt(2 * Math.log(2)));
        int n = 7;
        double step = 5 * sigma / (n - 1);
        double[][] q = new double[n * n][];
        double sum = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double dx = (i - (n - 1) / 2.0) * step;
                double dy = (j - (n - 1) / 2.0) * step;
                double w = Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
                q[j * n + i] = new double[] {dx, dy, w};
                sum += w;
            }
        }
        for (double[] e : q) {
            e[2] /= sum;
        }
        return q;
    }

    private record Placed(double x, double y, double radiusNm, double offsetNm, boolean coreShell,
            ProjectedRadialProfile profile) {
    }

    private List<Placed> placeParticles(SplittableRandom random) {
        int size = settings.sizePx();
        double px = settings.pixelNm();
        double h = settings.sectionNm();
        double margin = settings.maxDriftPx() + 3;
        double gapPx = settings.minGapPx();
        boolean pairs = !Double.isNaN(settings.contactGapPx());
        int lonely = -1; // a placed particle still waiting for its contact partner
        int partnerFailures = 0;
        List<double[]> discs = new ArrayList<>(); // x, y, visible radius px, a, z0
        int attempts = 200 * settings.maxParticles() + 2000;
        for (int t = 0; t < attempts && discs.size() < settings.maxParticles(); t++) {
            double a = settings.minRadiusNm() + random.nextDouble() * (settings.maxRadiusNm() - settings.minRadiusNm());
            double z0 = (random.nextDouble() * 2 - 1) * 0.6 * a;
            double zNear = Math.max(0, Math.abs(z0) - h / 2);
            double visiblePx = Math.sqrt(a * a - zNear * zNear) / px;
            if (lonely >= 0) {
                double[] partner = discs.get(lonely);
                double angle = random.nextDouble() * 2 * Math.PI;
                double distance = partner[2] + visiblePx + settings.contactGapPx();
                double x = partner[0] + distance * Math.cos(angle);
                double y = partner[1] + distance * Math.sin(angle);
                boolean free = x - visiblePx >= margin && x + visiblePx <= size - 1 - margin
                        && y - visiblePx >= settings.emptyBandPx() + margin && y + visiblePx <= size - 1 - margin;
                for (int i = 0; free && i < discs.size(); i++) {
                    double[] d = discs.get(i);
                    free = i == lonely || Math.hypot(d[0] - x, d[1] - y) >= d[2] + visiblePx + gapPx;
                }
                if (free) {
                    discs.add(new double[] {x, y, visiblePx, a, z0});
                }
                if (free || ++partnerFailures > 200) {
                    lonely = -1;
                    partnerFailures = 0;
                }
                continue;
            }
            double lo = margin + visiblePx;
            double x = lo + random.nextDouble() * (size - 1 - 2 * lo);
            double yLo = settings.emptyBandPx() + margin + visiblePx;
            double y = yLo + random.nextDouble() * (size - 1 - margin - visiblePx - yLo);
            if (size - 1 - 2 * lo <= 0 || size - 1 - margin - visiblePx - yLo <= 0) {
                continue;
            }
            boolean free = true;
            for (double[] d : discs) {
                if (Math.hypot(d[0] - x, d[1] - y) < d[2] + visiblePx + gapPx) {
                    free = false;
                    break;
                }
            }
            if (free) {
                discs.add(new double[] {x, y, visiblePx, a, z0});
                if (pairs) {
                    lonely = discs.size() - 1;
                }
            }
        }
        // Core–shell particles: a random choice among those placed.
        boolean[] coreShell = new boolean[discs.size()];
        int wanted = Math.min(settings.coreShellParticles(), discs.size());
        for (int chosen = 0; chosen < wanted;) {
            int i = random.nextInt(discs.size());
            if (!coreShell[i]) {
                coreShell[i] = true;
                chosen++;
            }
        }
        double dtNm2 = settings.dCm2PerS() * 1e14 * settings.timeS();
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < discs.size(); i++) {
            double[] d = discs.get(i);
            double a = d[3];
            LamellaProjection geometry = new LamellaProjection(a, h, d[4]);
            RadialConcentration c = coreShell[i]
                    ? RadialConcentration.coreShell(a, settings.shellNm(), settings.surfaceFraction(),
                            settings.bulkFraction())
                    : RadialConcentration.sphereDiffusion(a, dtNm2 / (a * a), settings.surfaceFraction(),
                            settings.bulkFraction());
            placed.add(new Placed(d[0], d[1], a, d[4], coreShell[i], new ProjectedRadialProfile(geometry, c, 401)));
        }
        return placed;
    }
}
