package org.oxymap.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.oxymap.core.align.AlignmentSettings;
import org.oxymap.core.align.PixelRectangle;
import org.oxymap.core.align.ShiftMethod;
import org.oxymap.core.fit.BackgroundModel;
import org.oxymap.core.phantom.FractionAccuracy;
import org.oxymap.core.agglomerate.AgglomerateSettings;
import org.oxymap.core.pipeline.ParticleSettings;
import org.oxymap.core.pipeline.PipelineResult;
import org.oxymap.core.model.ModelFitSettings;
import org.oxymap.core.model.OffsetMode;
import org.oxymap.core.pipeline.MemoryEstimate;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.core.pipeline.PreparationSettings;
import org.oxymap.core.segment.ThresholdMethod;
import org.oxymap.io.OxyMapVersion;
import org.oxymap.io.AgglomerateResultWriter;
import org.oxymap.io.ParamsJson;
import org.oxymap.io.PipelineRunner;
import org.oxymap.io.TiffStackIO;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code oxymap} command line: parses, calls {@code core}, writes results. */
@Command(name = "oxymap", mixinStandardHelpOptions = true, versionProvider = OxyMapCli.Version.class,
        description = "Oxidation-state maps, edge-distance profiles and diffusion fits from X-ray spectromicroscopy "
                + "stacks.",
        subcommands = {OxyMapCli.PhantomVerb.class, OxyMapCli.RunVerb.class, OxyMapCli.DemoVerb.class,
            BatchVerb.class, BenchVerb.class, StoichiometryVerb.class, ConvertVerb.class, ReferencesVerb.class,
            EdgeVerb.class, PcaVerb.class})
public final class OxyMapCli {

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit code (0 = success). */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new OxyMapCli());
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e.getCause() instanceof OutOfMemoryError) {
                err.println("oxymap: error: " + MemoryEstimate.outOfMemoryAdvice(Runtime.getRuntime().maxMemory()));
                return 1;
            }
            err.println("oxymap: error: " + oneLine(e));
            if (System.getenv("OXYMAP_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return 1;
        });
        Verb.out = out;
        Verb.err = err;
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // one line with what to do, never a stack trace (the heap is free again once the run has unwound)
            err.println("oxymap: error: " + MemoryEstimate.outOfMemoryAdvice(Runtime.getRuntime().maxMemory()));
            return 1;
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException nf) {
            m = (nf.getReason() == null ? "file not found" : nf.getReason()) + ": " + nf.getFile();
        }
        return (m == null ? e.getClass().getSimpleName() : m).replace('\n', ' ');
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"OxyMap " + OxyMapVersion.get()};
        }
    }

    abstract static class Verb implements Callable<Integer> {
        static PrintStream out = System.out;
        static PrintStream err = System.err;
    }

    @Command(name = "phantom", mixinStandardHelpOptions = true,
            description = "Write a synthetic stack with its known answer (stack, references, truth).")
    static final class PhantomVerb extends Verb {
        @Option(names = "--out", required = true, description = "Folder to write.")
        Path outDir;
        @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}).", defaultValue = "20211")
        long seed;
        @Option(names = "--size", description = "Image size in pixels (default 128; 256 for --kind agglomerate).")
        Integer size;
        @Option(names = "--noise", description = "Incident counts per pixel; 0 = no noise (default ${DEFAULT-VALUE}).",
                defaultValue = "30000")
        double noise;
        @Option(names = "--drift", description = "Largest per-energy drift in pixels (default ${DEFAULT-VALUE}).",
                defaultValue = "1.5")
        double drift;
        @Option(names = "--probe-nm", description = "Probe FWHM in nm; 0 = point probe (default ${DEFAULT-VALUE}).",
                defaultValue = "10")
        double probeNm;

        @Option(names = "--kind", description = "primary (particles with diffusion profiles, default) or agglomerate "
                + "(large and small agglomerates and isolated particles with class-dependent Mn3+).")
        String kind;
        @Option(names = "--pixel-nm", description = "Pixel size in nm of --kind agglomerate (default 20; every length "
                + "scales with it).")
        Double pixelNm;

        @Override
        public Integer call() throws IOException {
            out.println(PipelineRunner.writePhantom(kind, seed, size, noise, drift, probeNm, pixelNm, outDir,
                    new ConsoleProgress(err)));
            return 0;
        }
    }

    /** Options shared by run and demo. */
    static class PipelineOptions {
        @Option(names = "--params", description = "params.json of an earlier run; options given here override it.")
        Path params;
        @Option(names = "--profile", description = "Reference whose fraction is profiled (default: valence 3).")
        String profile;
        @Option(names = "--section-nm", description = "Lamella thickness in nm (default 80).")
        Double sectionNm;
        @Option(names = "--time-s", description = "Time over which diffusion acted, s; without it fits report D·t/a².")
        Double timeS;
        @Option(names = "--bin-nm", description = "Profile bin width in nm (default: one pixel).")
        Double binNm;
        @Option(names = "--background", description = "Background terms: none, constant or linear (default constant).")
        String background;
        @Option(names = "--threshold",
                description = "Particle threshold: noise, otsu, li, triangle, huang or default (default noise).")
        String threshold;
        @Option(names = "--min-area-nm2", description = "Smallest particle area in nm² (default 2000).")
        Double minAreaNm2;
        @Option(names = "--no-align", description = "Do not align the energy images.")
        boolean noAlign;
        @Option(names = "--max-shift-px", description = "Largest drift the alignment looks for (default 10).")
        Double maxShiftPx;
        @Option(names = "--align-reference", description = "Align to: mean, previous (cascade) or an energy index "
                + "(0-based); default mean.")
        String alignReference;
        @Option(names = "--align-method", description = "Resampling: lanczos, fourier, cubic, bilinear or integer "
                + "(default lanczos).")
        String alignMethod;
        @Option(names = "--align-edges", description = "Correlate Sobel edge images instead of the images.")
        boolean alignEdges;
        @Option(names = "--align-roi", description = "Correlate only this rectangle: x,y,width,height in pixels.")
        String alignRoi;
        @Option(names = "--align-window", description = "Without --align-roi, estimate the drift on the centred "
                + "window of this many pixels per side; 0 = whole plane (default 256).")
        Integer alignWindow;
        @Option(names = "--align-log-counts", arity = "1", description = "Resample ln(counts) (true, default) or "
                + "counts (false).")
        Boolean alignLogCounts;
        @Option(names = "--crop", description = "Crop the aligned stack to the area every energy covers.")
        boolean crop;
        @Option(names = "--outliers", description = "Replace isolated pixels beyond N robust σ of their 3x3 "
                + "neighbourhood (0 = off, the default).")
        Double outliers;
        @Option(names = "--energy-shift", description = "Add this many eV to the stack's energies (calibration).")
        Double energyShift;
        @Option(names = "--i0-roi", description = "Take I0 from this empty rectangle: x,y,width,height in pixels.")
        String i0Roi;
        @Option(names = "--fill-holes", arity = "0..1", description = "Fill holes in particles (default true).")
        Boolean fillHoles;
        @Option(names = "--max-area-nm2", description = "Particles above this area are not profiled (default none).")
        Double maxAreaNm2;
        @Option(names = "--watershed", arity = "0..1", description = "Split touching particles (default true).")
        Boolean watershed;
        @Option(names = "--watershed-h-nm", description = "Watershed seed depth in nm (default one pixel).")
        Double watershedHNm;
        @Option(names = "--min-solidity", description = "Smallest solidity profiled, 0..1 (default 0.9).")
        Double minSolidity;
        @Option(names = "--min-circularity", description = "Smallest circularity profiled, 0..1 (default 0.7).")
        Double minCircularity;
        @Option(names = "--exclude-touching", arity = "0..1",
                description = "Leave particles touching another one out of profiles and fits (default true).")
        Boolean excludeTouching;
        @Option(names = "--touching-counts-as-edge", arity = "0..1",
                description = "A boundary shared with another particle is an edge for the distance (default true).")
        Boolean touchingCountsAsEdge;
        @Option(names = "--normalise-distance", arity = "0..1",
                description = "Also write profiles against distance / equivalent radius (default false).")
        Boolean normaliseDistance;
        @Option(names = "--normalised-bin", description = "Bin width of those profiles, fraction of the radius "
                + "(default 0.05).")
        Double normalisedBin;
        @Option(names = "--sectors", description = "Also write profiles of N angular sectors; 0 = none (default 0).")
        Integer sectors;
        @Option(names = "--offset", description = "Lamella offset in the model fits: fitted (from the thickness "
                + "map, default), fixed or uniform (averaged over 0..offset-max-nm).")
        String offset;
        @Option(names = "--offset-nm", description = "|z0| in nm for --offset fixed.")
        Double offsetNm;
        @Option(names = "--offset-max-nm", description = "Largest |z0| in nm for --offset uniform (default: each "
                + "particle's visible radius).")
        Double offsetMaxNm;
        @Option(names = "--bootstrap", description = "Bootstrap resamples per fit; 0 = none (default 200).")
        Integer bootstrap;
        @Option(names = "--bootstrap-seed", description = "Seed of the bootstrap (default 1).")
        Long bootstrapSeed;
        @Option(names = "--sum-to-one", arity = "0..1", description = "Per-pixel fit: reference coefficients add up "
                + "to exactly 1 (only for normalised references and data; default false).")
        Boolean sumToOne;
        @Option(names = "--weights", description = "Per-pixel fit weights: none or poisson (1/var, var(OD) = 1/I + "
                + "1/(N·I0)) (default none).")
        String weights;
        @Option(names = "--jump-threshold-od", description = "Edge jump in OD below which a pixel is flagged in "
                + "maps/jump_mask.tif (default 0.02).")
        Double jumpThresholdOd;
        @Option(names = "--subpixel-edge", arity = "0..1", description = "Place each round particle's edge at the "
                + "visible radius of the sphere fitted to its thickness map, to a fraction of a pixel (default true).")
        Boolean subpixelEdge;
        @Option(names = "--probe-fwhm-nm", description = "FWHM of the probe (spatial resolution) in nm; the geometry "
                + "fit and both models are blurred by it (default 0 = point probe).")
        Double probeFwhmNm;
        @Option(names = "--deconvolve-probe", arity = "0..1", description = "With --probe-fwhm-nm: undo the probe "
                + "blur on the aligned transmission stack before the optical density; the geometry fit and the models "
                + "then carry only the blur left (default true).")
        Boolean deconvolveProbe;

        PipelineSettings settings() throws IOException {
            PipelineSettings s = params != null ? ParamsJson.readSettings(params) : PipelineSettings.defaults();
            if (profile != null) {
                s = s.withProfile(profile);
            }
            if (sectionNm != null) {
                s = s.withSectionNm(sectionNm);
            }
            if (timeS != null) {
                s = s.withTimeS(timeS);
            }
            if (binNm != null) {
                s = s.withBinNm(binNm);
            }
            if (background != null) {
                s = s.withBackground(BackgroundModel.fromLabel(background));
            }
            if (threshold != null) {
                s = s.withThreshold(ThresholdMethod.fromLabel(threshold));
            }
            if (minAreaNm2 != null) {
                s = s.withMinAreaNm2(minAreaNm2);
            }
            if (noAlign) {
                s = s.withAlign(false);
            }
            if (maxShiftPx != null) {
                s = s.withMaxShiftPx(maxShiftPx);
            }
            s = s.withPreparation(preparation(s.preparation()));
            s = s.withParticles(particleOverrides(this, s.particles()));
            ModelFitSettings f = s.modelFits();
            if (offset != null) {
                OffsetMode mode = OffsetMode.fromLabel(offset);
                f = f.withOffset(mode, mode == OffsetMode.FIXED ? (offsetNm != null ? offsetNm : f.offsetNm())
                        : mode == OffsetMode.UNIFORM ? (offsetMaxNm != null ? offsetMaxNm : f.offsetMaxNm()) : Double.NaN);
            }
            if (bootstrap != null || bootstrapSeed != null) {
                f = f.withBootstrap(bootstrap != null ? bootstrap : f.bootstrapReplicates(),
                        bootstrapSeed != null ? bootstrapSeed : f.bootstrapSeed());
            }
            if (probeFwhmNm != null) {
                f = f.withProbeFwhmNm(probeFwhmNm);
            }
            if (deconvolveProbe != null) {
                f = f.withDeconvolveProbe(deconvolveProbe);
            }
            s = s.withModelFits(f);
            org.oxymap.core.fit.FitOptions fo = s.pixelFit();
            if (sumToOne != null) {
                fo = fo.withSumToOne(sumToOne);
            }
            if (weights != null) {
                fo = fo.withWeights(org.oxymap.core.fit.FitWeights.fromLabel(weights));
            }
            if (jumpThresholdOd != null) {
                fo = fo.withJumpThresholdOd(jumpThresholdOd);
            }
            s = s.withPixelFit(fo);
            s.validate();
            return s;
        }

        /** The preparation options given on the command line, over {@code p} (defaults or params.json). */
        PreparationSettings preparation(PreparationSettings p) {
            AlignmentSettings a = p.alignment();
            if (alignReference != null) {
                a = a.withReference(alignReference);
            }
            if (alignMethod != null) {
                a = a.withMethod(ShiftMethod.fromLabel(alignMethod));
            }
            if (alignEdges) {
                a = a.withEdgeFilter(true);
            }
            if (alignRoi != null) {
                a = a.withRoi(PixelRectangle.parse(alignRoi, "align-roi"));
            }
            if (alignWindow != null) {
                a = a.withWindowPx(alignWindow);
            }
            if (alignLogCounts != null) {
                a = a.withLogCounts(alignLogCounts);
            }
            if (crop) {
                a = a.withCrop(true);
            }
            PreparationSettings out = p.withAlignment(a);
            if (outliers != null) {
                out = out.withOutlierSigma(outliers);
            }
            if (energyShift != null) {
                out = out.withEnergyShiftEv(energyShift);
            }
            if (i0Roi != null) {
                out = out.withI0Roi(PixelRectangle.parse(i0Roi, "i0-roi"));
            }
            return out;
        }
    }

    /** The particle options given on the command line, over {@code p}. */
    private static ParticleSettings particleOverrides(PipelineOptions o, ParticleSettings p) {
        if (o.fillHoles != null) {
            p = p.withFillHoles(o.fillHoles);
        }
        if (o.maxAreaNm2 != null) {
            p = p.withMaxAreaNm2(o.maxAreaNm2);
        }
        if (o.watershed != null) {
            p = p.withWatershed(o.watershed);
        }
        if (o.watershedHNm != null) {
            p = p.withWatershedHNm(o.watershedHNm);
        }
        if (o.minSolidity != null) {
            p = p.withMinSolidity(o.minSolidity);
        }
        if (o.minCircularity != null) {
            p = p.withMinCircularity(o.minCircularity);
        }
        if (o.excludeTouching != null) {
            p = p.withExcludeTouching(o.excludeTouching);
        }
        if (o.touchingCountsAsEdge != null) {
            p = p.withTouchingCountsAsEdge(o.touchingCountsAsEdge);
        }
        if (o.normaliseDistance != null) {
            p = p.withNormaliseDistance(o.normaliseDistance);
        }
        if (o.normalisedBin != null) {
            p = p.withNormalisedBin(o.normalisedBin);
        }
        if (o.sectors != null) {
            p = p.withSectors(o.sectors);
        }
        if (o.subpixelEdge != null) {
            p = p.withSubpixelEdge(o.subpixelEdge);
        }
        return p;
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the whole pipeline on one stack and write a results folder.")
    static final class RunVerb extends Verb {
        @Option(names = "--stack", required = true, description = "Stack file in any format OxyMap reads (see convert).")
        Path stack;
        @Option(names = "--energies", description = "Energy file, one eV per line (default: sidecar or slice labels).")
        Path energies;
        @Option(names = "--references", required = true, split = ",",
                description = "Reference spectra, comma-separated: CSV (energy eV, spectrum), XDI, or Athena "
                        + "project groups as Mn.prj#LABEL or Mn.prj#NUMBER.")
        List<Path> references;
        @Option(names = "--valence", split = ",", description = "Nominal valences, NAME=V,...")
        Map<String, Double> valences = new LinkedHashMap<>();
        @Option(names = "--pixel-nm", description = "Pixel size in nm (default: from the TIFF calibration).")
        Double pixelNm;
        @Option(names = "--i0",
                description = "I0 spectrum, CSV or ALS .xsp (energy eV, counts); default: the stack's empty region.")
        Path i0;
        @Option(names = "--out", required = true, description = "Results folder to write.")
        Path outDir;
        @Option(names = "--particles", description = "Particles from outside instead of the segmentation: a label or "
                + "mask TIFF, an ImageJ .roi or a RoiManager .zip.")
        Path particles;
        @Option(names = "--max-memory", description = "Process the stack in bands of rows within this much memory "
                + "(e.g. 512m, 2g), reading an uncompressed TIFF band by band; for stacks larger than the heap.")
        String maxMemory;
        @CommandLine.Mixin
        PipelineOptionsMixin options;
        @CommandLine.Mixin
        ReferenceOptions referenceOptions;
        @CommandLine.Mixin
        AgglomerateOptions agglomerateOptions;

        @Override
        public Integer call() throws IOException {
            PipelineSettings settings = options.settings();
            PipelineRunner.AgglomerateRequest agglomerates = agglomerateOptions.request(options.params);
            if (maxMemory != null) {
                org.oxymap.io.ReferencePreparationSettings preparation = options.params != null
                        ? org.oxymap.io.ReferencePreparationSettings.fromParams(options.params)
                        : org.oxymap.io.ReferencePreparationSettings.none();
                if (referenceOptions != null) {
                    preparation = referenceOptions.settings(preparation);
                }
                if (preparation.active()) {
                    throw new IllegalArgumentException("--max-memory does not combine with preparing the references "
                            + "(--normalise, --shift-ev, --guess-valence, or a preparation recorded in --params): "
                            + "prepare them first with oxymap references convert and give the prepared CSVs");
                }
                long bytes = MemoryEstimate.parseSize(maxMemory, "max-memory");
                double px = pixelNm != null ? pixelNm : options.params != null ? ParamsJson.readPixelNm(options.params)
                        : Double.NaN;
                Verb.err.println("oxymap: " + stack + " in bands within " + MemoryEstimate.format(bytes)
                        + (settings.align() && settings.alignment().method() == ShiftMethod.FOURIER
                                ? " (alignment resamples with the Lanczos kernel: the Fourier shift is not band-local)"
                                : ""));
                PipelineResult r = PipelineRunner.runTiled(stack, energies, references, i0, px, valences, particles,
                        settings, agglomerates, outDir, options.params, bytes, new ConsoleProgress(Verb.err));
                Verb.out.println("oxymap: " + PipelineRunner.summary(r, outDir));
                return 0;
            }
            PipelineRunner.checkMemory(stack, energies, references.size());
            runPipeline(stack, energies, references, valences, pixelNm, i0, particles, outDir, settings,
                    options.params, referenceOptions, agglomerates);
            return 0;
        }
    }

    /** The agglomerate options of run (issue 7). */
    static final class AgglomerateOptions {
        @Option(names = "--agglomerates", description = "auto (detect from the particle mask) or a file: an ImageJ "
                + ".roi, a RoiManager .zip or a label/mask TIFF of agglomerates; writes agglomerates/.")
        String agglomerates;
        @Option(names = "--closing-nm", description = "auto: radius of the disc closing the particle mask, nm "
                + "(default 100).")
        Double closingNm;
        @Option(names = "--large-diameter-um", description = "Agglomerates of at least this equivalent diameter are "
                + "large, µm (default 1).")
        Double largeDiameterUm;
        @Option(names = "--band-nm", description = "Particles whose centroid is within this distance of a large "
                + "agglomerate's boundary are exterior, nm (default 200).")
        Double bandNm;
        @Option(names = "--thickness-bins", description = "Equal-count thickness bins of the thickness-controlled "
                + "comparison (default 4).")
        Integer thicknessBins;
        @Option(names = "--boundary-bin-nm", description = "Bin width of the fraction against boundary distance, nm "
                + "(default 50).")
        Double boundaryBinNm;
        @Option(names = "--thickness-step-nm", description = "Bin width of the fraction against thickness, nm "
                + "(default 10).")
        Double thicknessStepNm;
        @Option(names = "--agglomerate-bootstrap", description = "Bootstrap resamples of the class differences; "
                + "0 = none (default 2000).")
        Integer bootstrap;
        @Option(names = "--agglomerate-seed", description = "Seed of that bootstrap (default 1).")
        Long seed;

        /** Null without --agglomerates; otherwise the source and the settings (params.json, then options). */
        PipelineRunner.AgglomerateRequest request(Path params) throws IOException {
            if (agglomerates == null) {
                if (closingNm != null || largeDiameterUm != null || bandNm != null || thicknessBins != null
                        || boundaryBinNm != null || thicknessStepNm != null || bootstrap != null || seed != null) {
                    throw new IllegalArgumentException("agglomerate options need --agglomerates auto|FILE");
                }
                return null;
            }
            AgglomerateSettings s = params != null
                    ? AgglomerateResultWriter.readSettings(params, AgglomerateSettings.defaults())
                    : AgglomerateSettings.defaults();
            if (closingNm != null) {
                s = s.withClosingNm(closingNm);
            }
            if (largeDiameterUm != null) {
                s = s.withLargeDiameterUm(largeDiameterUm);
            }
            if (bandNm != null) {
                s = s.withBandNm(bandNm);
            }
            if (thicknessBins != null) {
                s = s.withThicknessBins(thicknessBins);
            }
            if (boundaryBinNm != null) {
                s = s.withBoundaryBinNm(boundaryBinNm);
            }
            if (thicknessStepNm != null) {
                s = s.withThicknessStepNm(thicknessStepNm);
            }
            if (bootstrap != null || seed != null) {
                s = s.withBootstrap(bootstrap != null ? bootstrap : s.bootstrap(), seed != null ? seed : s.bootstrapSeed());
            }
            s.validate();
            Path file = agglomerates.trim().equalsIgnoreCase("auto") ? null : Path.of(agglomerates.trim());
            return new PipelineRunner.AgglomerateRequest(file, s);
        }
    }

    /** Picocli mixin carrying {@link PipelineOptions}. */
    static final class PipelineOptionsMixin extends PipelineOptions {
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Run the pipeline on the bundled phantom in test-images/ and compare with its truth.")
    static final class DemoVerb extends Verb {
        @Option(names = "--out", description = "Results folder (default ${DEFAULT-VALUE}).", defaultValue = "oxymap-demo")
        Path outDir;
        @Option(names = "--images", description = "The test-images folder (default: found next to the jar or here).")
        Path images;

        @Override
        public Integer call() throws IOException {
            Path dir = (images != null ? images : findTestImages()).resolve("primary");
            Path truthJson = dir.resolve("truth/truth.json");
            JsonObject truth = JsonParser.parseString(Files.readString(truthJson, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            List<Path> refs;
            try (Stream<Path> s = Files.list(dir.resolve("references"))) {
                refs = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
            }
            PipelineSettings settings = PipelineSettings.defaults().withTimeS(truth.get("time_s").getAsDouble())
                    .withSectionNm(truth.get("section_nm").getAsDouble());
            PipelineRunner.checkMemory(dir.resolve("stack.tif"), null, refs.size(), MemoryEstimate.heapBytes(),
                    MemoryEstimate.Front.DEMO);
            PipelineResult r = runPipeline(dir.resolve("stack.tif"), null, refs, Map.of(), null, null, null, outDir,
                    settings, null);
            String component = truth.get("profiled_component").getAsString();
            float[] fitted = r.maps().fractions().get(r.maps().indexOf(component));
            float[] trueFraction = TiffStackIO.readMap(dir.resolve("truth/fraction_" + component + ".tif"));
            float[] trueThickness = TiffStackIO.readMap(dir.resolve("truth/thickness.tif"));
            double rmse = FractionAccuracy.rmse(fitted, trueFraction, trueThickness, 20.0);
            double dTrue = truth.get("D_cm2_s").getAsDouble();
            double dFit = r.globalFit().dCm2PerS(settings.timeS());
            out.printf("demo: %s fraction RMSE vs truth %.4f (pixels >= 20 nm thick); D fitted %.3g, true %.3g cm²/s "
                    + "(%+.1f%%)%n", component, rmse, dFit, dTrue, 100 * (dFit / dTrue - 1));
            return 0;
        }
    }

    static PipelineResult runPipeline(Path stack, Path energies, List<Path> refs, Map<String, Double> valences,
            Double pixelNm, Path i0, Path particles, Path outDir, PipelineSettings settings, Path params)
            throws IOException {
        return runPipeline(stack, energies, refs, valences, pixelNm, i0, particles, outDir, settings, params, null,
                null);
    }

    /**
     * As above, with the references prepared first (valence guess, normalisation, energy shift) when asked, and the
     * agglomerate analysis when requested (either may be null).
     */
    static PipelineResult runPipeline(Path stack, Path energies, List<Path> refs, Map<String, Double> valences,
            Double pixelNm, Path i0, Path particles, Path outDir, PipelineSettings settings, Path params,
            ReferenceOptions referenceOptions, PipelineRunner.AgglomerateRequest agglomerates) throws IOException {
        PipelineRunner.Inputs inputs = PipelineRunner.load(stack, energies, refs, i0,
                pixelNm != null ? pixelNm : params != null ? ParamsJson.readPixelNm(params) : Double.NaN, valences);
        // a params.json's recorded reference preparation is applied again; options given here override its parts
        org.oxymap.io.ReferencePreparationSettings preparation = params != null
                ? org.oxymap.io.ReferencePreparationSettings.fromParams(params)
                : org.oxymap.io.ReferencePreparationSettings.none();
        if (referenceOptions != null) {
            preparation = referenceOptions.settings(preparation);
        }
        inputs = preparation.apply(inputs, valences, settings.background().terms(), Verb.err);
        if (particles != null) {
            inputs = inputs.withParticles(particles);
        }
        Verb.err.println("oxymap: " + inputs.stack());
        PipelineResult r = PipelineRunner.run(inputs, settings, agglomerates, outDir, params,
                new ConsoleProgress(Verb.err));
        Verb.out.println("oxymap: " + PipelineRunner.summary(r, outDir));
        return r;
    }

    /** test-images/ in the working folder or above the jar (target/../test-images). */
    static Path findTestImages() throws IOException {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("test-images"));
        try {
            Path jar = Path.of(OxyMapCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                candidates.add(p.resolve("test-images"));
            }
        } catch (java.net.URISyntaxException | SecurityException e) {
            // fall back to the working folder only
        }
        for (Path c : candidates) {
            if (Files.isDirectory(c.resolve("primary"))) {
                return c;
            }
        }
        throw new java.nio.file.NoSuchFileException("test-images", null,
                "bundled test images not found (looked in the working folder and above the jar); give --images");
    }
}
