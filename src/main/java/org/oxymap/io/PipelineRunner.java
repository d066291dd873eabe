package org.oxymap.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.oxymap.core.agglomerate.AgglomerateAnalysis;
import org.oxymap.core.agglomerate.AgglomerateResult;
import org.oxymap.core.agglomerate.AgglomerateSettings;
import org.oxymap.core.align.PixelRectangle;
import org.oxymap.core.fit.BackgroundModel;
import org.oxymap.core.phantom.AgglomeratePhantom;
import org.oxymap.core.phantom.AgglomeratePhantomGenerator;
import org.oxymap.core.phantom.AgglomeratePhantomSettings;
import org.oxymap.core.phantom.Phantom;
import org.oxymap.core.phantom.PhantomGenerator;
import org.oxymap.core.phantom.PhantomSettings;
import org.oxymap.core.pipeline.MemoryEstimate;
import org.oxymap.core.pipeline.OxidationStatePipeline;
import org.oxymap.core.pipeline.PipelineResult;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.core.pipeline.TiledPipeline;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.segment.ThresholdMethod;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.PlaneSource;
import org.oxymap.core.stack.SpectralStack;

/**
 * File in, results folder out: the one place where a run's inputs are loaded, the pipeline is run and the folder
 * is written, so that every front end (command line, SciJava command, ImageJ 1.x plugin) leaves the same folder
 * behind for the same inputs.
 */
public final class PipelineRunner {

    private PipelineRunner() {
    }

    /**
     * The loaded inputs of a run together with the files they came from, which params.json records and which the
     * results folder may never contain.
     */
    public record Inputs(Path stackFile, Path energiesFile, List<Path> referenceFiles, Path i0File,
            SpectralStack stack, List<ReferenceSpectrum> references, Path particlesFile, int[] particleLabels,
            Map<String, Object> referencePreparation, String particlesSource) {

        /** Particles from a file or none ({@code particlesSource} null). */
        public Inputs(Path stackFile, Path energiesFile, List<Path> referenceFiles, Path i0File, SpectralStack stack,
                List<ReferenceSpectrum> references, Path particlesFile, int[] particleLabels,
                Map<String, Object> referencePreparation) {
            this(stackFile, energiesFile, referenceFiles, i0File, stack, references, particlesFile, particleLabels,
                    referencePreparation, null);
        }

        /** Inputs whose references are used as read (no normalisation, no energy shift). */
        public Inputs(Path stackFile, Path energiesFile, List<Path> referenceFiles, Path i0File, SpectralStack stack,
                List<ReferenceSpectrum> references, Path particlesFile, int[] particleLabels) {
            this(stackFile, energiesFile, referenceFiles, i0File, stack, references, particlesFile, particleLabels,
                    Map.of());
        }

        /**
         * The same inputs with prepared references (normalised, shifted; same order and names) and a description
         * of the preparation for params.json ("reference_preparation").
         */
        public Inputs withReferences(List<ReferenceSpectrum> prepared, Map<String, Object> preparation) {
            return new Inputs(stackFile, energiesFile, referenceFiles, i0File, stack, List.copyOf(prepared),
                    particlesFile, particleLabels, Map.copyOf(preparation), particlesSource);
        }

        /**
         * The same inputs with particles from outside: a label or mask TIFF, a {@code .roi} or a RoiManager
         * {@code .zip} ({@link ParticleFileReader}); the run then skips the segmentation.
         */
        public Inputs withParticles(Path file) throws IOException {
            int[] labels = ParticleFileReader.read(file, stack.width(), stack.height());
            return new Inputs(stackFile, energiesFile, referenceFiles, i0File, stack, references, file, labels,
                    referencePreparation, null);
        }

        /**
         * The same inputs with particles that come from no file (the RoiManager of a Fiji session): a label image
         * of the stack's size, and what params.json records as their source.
         */
        public Inputs withParticles(int[] labels, String source) {
            if (labels.length != stack.width() * stack.height()) {
                throw new IllegalArgumentException(source + ": the particle labels have " + labels.length
                        + " pixels, the stack " + stack.width() + " x " + stack.height());
            }
            return new Inputs(stackFile, energiesFile, referenceFiles, i0File, stack, references, null,
                    labels.clone(), referencePreparation, source);
        }

        /** Every input file (nulls for the absent optional ones), for {@link ResultsFolder#open}. */
        public Path[] files() {
            List<Path> all = new ArrayList<>();
            for (Path f : referenceFiles) {
                all.add(ReferenceReader.fileOf(f));
            }
            all.add(stackFile);
            all.add(energiesFile);
            all.add(i0File);
            all.add(particlesFile);
            return all.toArray(new Path[0]);
        }

        /** params.json's "inputs" section: paths with checksums, references with name and valence. */
        public Map<String, Object> describe() throws IOException {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stack", ParamsJson.describeInput(stackFile));
            if (energiesFile != null) {
                m.put("energies", ParamsJson.describeInput(energiesFile));
            }
            List<Object> refs = new ArrayList<>();
            for (int k = 0; k < referenceFiles.size(); k++) {
                Map<String, Object> r = ParamsJson.describeInput(ReferenceReader.fileOf(referenceFiles.get(k)));
                if (ReferenceReader.groupOf(referenceFiles.get(k)) != null) {
                    r.put("group", ReferenceReader.groupOf(referenceFiles.get(k)));
                }
                r.put("name", references.get(k).name());
                r.put("valence", Double.isFinite(references.get(k).valence()) ? references.get(k).valence() : null);
                refs.add(r);
            }
            m.put("references", refs);
            if (referencePreparation != null && !referencePreparation.isEmpty()) {
                m.put("reference_preparation", referencePreparation);
            }
            if (i0File != null) {
                m.put("i0", ParamsJson.describeInput(i0File));
            }
            if (particlesFile != null) {
                m.put("particles", ParamsJson.describeInput(particlesFile));
            } else if (particlesSource != null) {
                m.put("particles", Map.of("source", particlesSource));
            }
            return m;
        }
    }

    /**
     * Reads the stack, the references and the optional I0 spectrum.
     *
     * @param energiesFile null = sidecar or slice labels
     * @param i0File       null = I0 from the stack's empty region
     * @param pixelNm      NaN = from the stack file (TIFF calibration, header positions, ...)
     * @param valences     nominal valences overriding those of the reference files, by reference name
     */
    public static Inputs load(Path stackFile, Path energiesFile, List<Path> referenceFiles, Path i0File,
            double pixelNm, Map<String, Double> valences) throws IOException {
        if (referenceFiles.isEmpty()) {
            throw new IllegalArgumentException("parameter references is empty: give at least one reference (CSV, XDI or Athena .prj#group)");
        }
        SpectralStack s = StackReaders.read(stackFile, energiesFile, pixelNm);
        if (i0File != null) {
            ReferenceSpectrum spectrum = i0File.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                    .endsWith(".xsp") ? AlsXspSpectrum.read(i0File) : ReferenceCsv.read(i0File);
            try {
                s = s.withI0(spectrum.interpolate(s.energiesEv()));
            } catch (IllegalArgumentException e) {
                throw new IOException(i0File + ": " + e.getMessage().replace("reference", "I0 spectrum"), e);
            }
        }
        List<ReferenceSpectrum> refs = readReferences(referenceFiles, valences);
        return new Inputs(stackFile, energiesFile, List.copyOf(referenceFiles), i0File, s, List.copyOf(refs), null,
                null);
    }

    /** The reference spectra, with nominal valences overriding those of the files, by reference name. */
    static List<ReferenceSpectrum> readReferences(List<Path> referenceFiles, Map<String, Double> valences)
            throws IOException {
        if (referenceFiles.isEmpty()) {
            throw new IllegalArgumentException("parameter references is empty: give at least one reference CSV");
        }
        List<ReferenceSpectrum> refs = new ArrayList<>();
        for (Path f : referenceFiles) {
            ReferenceSpectrum r = ReferenceReader.read(f);
            if (valences.containsKey(r.name())) {
                r = r.withValence(valences.get(r.name()));
            }
            refs.add(r);
        }
        for (String name : valences.keySet()) {
            if (refs.stream().noneMatch(r -> r.name().equals(name))) {
                throw new IllegalArgumentException("valence names '" + name + "', but the references are "
                        + refs.stream().map(ReferenceSpectrum::name).toList());
            }
        }
        return refs;
    }

    /**
     * Stops a run that will not fit in the heap before it starts: estimates the bytes an in-memory run of the stack
     * needs ({@link MemoryEstimate}) from its size (an uncompressed TIFF's header, otherwise the file size as 32-bit
     * values) and throws with the advice (tiles, a larger heap) when that exceeds {@code Runtime.maxMemory()}.
     *
     * @throws IllegalStateException with a one-line message saying what to do
     */
    public static void checkMemory(Path stackFile, Path energiesFile, int references) throws IOException {
        checkMemory(stackFile, energiesFile, references, MemoryEstimate.heapBytes(), MemoryEstimate.Front.RUN);
    }

    /**
     * As {@link #checkMemory(Path, Path, int)}, against a given heap ({@link MemoryEstimate#heapBytes()}, or a share
     * of it), with the advice worded for the front end that started the run.
     *
     * @throws IllegalStateException with a one-line message saying what to do
     */
    public static void checkMemory(Path stackFile, Path energiesFile, int references, long heapBytes,
            MemoryEstimate.Front front) throws IOException {
        long needed = inMemoryBytes(stackFile, energiesFile, references);
        if (needed > heapBytes) {
            throw new IllegalStateException(MemoryEstimate.advice(needed, heapBytes, front));
        }
    }

    /**
     * The bytes an in-memory run of the stack needs ({@link MemoryEstimate#inMemoryBytes}), from its size as its
     * header gives it (an uncompressed TIFF, an NXstxm file), otherwise from the file size taken as 32-bit values;
     * -1 when it cannot be told (a folder, a file the readers will refuse anyway).
     */
    public static long inMemoryBytes(Path stackFile, Path energiesFile, int references) throws IOException {
        StackReaders.Format format;
        try {
            format = StackReaders.detect(stackFile);
        } catch (IOException | RuntimeException e) {
            return -1; // missing or unreadable: the reader itself reports it
        }
        if (format == StackReaders.Format.TIFF || format == StackReaders.Format.NXSTXM) {
            try (PlaneSource s = openPlanes(stackFile, energiesFile, 1.0)) {
                return MemoryEstimate.inMemoryBytes(s.width(), s.height(), s.energyCount(), references);
            } catch (IOException | RuntimeException e) {
                // compressed, no energies or unusual: fall back to the file size
            }
        }
        if (java.nio.file.Files.isRegularFile(stackFile)) {
            return MemoryEstimate.STACK_COPIES * java.nio.file.Files.size(stackFile);
        }
        return -1;
    }

    /**
     * A stack file opened for reading in bands of rows: an uncompressed TIFF ({@link TiffPlaneSource}) or an NXstxm
     * file ({@link Hdf5PlaneSource}).
     *
     * @throws IOException naming the file when its format cannot be read in bands
     */
    public static PlaneSource openPlanes(Path stackFile, Path energiesFile, double pixelNm) throws IOException {
        StackReaders.Format format = StackReaders.detect(stackFile);
        if (format == StackReaders.Format.TIFF) {
            return TiffPlaneSource.open(stackFile, energiesFile, pixelNm);
        }
        if (format == StackReaders.Format.NXSTXM) {
            return Hdf5PlaneSource.openNxStxm(stackFile, 0, pixelNm);
        }
        throw new IOException(stackFile + ": --max-memory reads uncompressed TIFF and NXstxm stacks band by band; "
                + "write a TIFF with oxymap convert, or run without --max-memory");
    }

    /**
     * Runs the pipeline band by band from an uncompressed TIFF or an NXstxm file ({@link TiledPipeline}) within
     * {@code maxBytes}, and writes the results folder as {@link #run} does. The stack is never held whole.
     *
     * @throws IOException when the stack is neither an uncompressed TIFF nor NXstxm, or cannot be read
     */
    public static PipelineResult runTiled(Path stackFile, Path energiesFile, List<Path> referenceFiles, Path i0File,
            double pixelNm, Map<String, Double> valences, Path particlesFile, PipelineSettings settings,
            AgglomerateRequest agglomerates, Path outDir, Path paramsFile, long maxBytes, ProgressListener listener)
            throws IOException {
        StackReaders.Format format = StackReaders.detect(stackFile);
        if (format != StackReaders.Format.TIFF && format != StackReaders.Format.NXSTXM) {
            throw new IOException(stackFile + ": --max-memory reads uncompressed TIFF and NXstxm stacks band by band "
                    + "(this is " + format + "); write a TIFF with oxymap convert, or run without --max-memory");
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (maxBytes > heap) {
            throw new IllegalArgumentException("parameter max-memory is " + MemoryEstimate.format(maxBytes)
                    + " but the Java heap is " + MemoryEstimate.format(heap) + ": give at most that, or raise the "
                    + "heap with OXYMAP_JAVA_OPTS=-Xmx..");
        }
        List<ReferenceSpectrum> refs = readReferences(referenceFiles, valences);
        TiledPipeline pipeline = new TiledPipeline(settings, refs, maxBytes);
        try (PlaneSource tiff = openPlanes(stackFile, energiesFile, pixelNm)) {
            PlaneSource source = tiff;
            if (i0File != null) {
                ReferenceSpectrum spectrum = i0File.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                        .endsWith(".xsp") ? AlsXspSpectrum.read(i0File) : ReferenceCsv.read(i0File);
                try {
                    source = tiff.withI0(spectrum.interpolate(tiff.energiesEv()));
                } catch (IllegalArgumentException e) {
                    throw new IOException(i0File + ": " + e.getMessage().replace("reference", "I0 spectrum"), e);
                }
            }
            Inputs inputs = new Inputs(stackFile, energiesFile, List.copyOf(referenceFiles), i0File,
                    source.metadataStack(), List.copyOf(refs), null, null);
            if (particlesFile != null) {
                inputs = inputs.withParticles(particlesFile);
            }
            try (ResultsFolder folder = ResultsFolder.open(outDir, readOnlyInputs(inputs, paramsFile, agglomerates))) {
                PipelineResult r = pipeline.run(source, inputs.particleLabels(), listener);
                PipelineResultWriter.write(r, inputs.stack(), inputs.describe(), folder);
                if (agglomerates != null) {
                    AgglomerateResult a = analyseAgglomerates(r, inputs.stack(), agglomerates, listener);
                    AgglomerateResultWriter.write(a, inputs.stack().pixelWidthNm(), inputs.stack().pixelHeightNm(),
                            folder);
                }
                ReportWriter.write(folder.dir());
                folder.commit();
                return r;
            }
        }
    }

    /**
     * Runs the pipeline and writes the results folder, which appears only if the run succeeds.
     *
     * @param paramsFile an earlier params.json the settings came from (guarded like an input), or null
     */
    public static PipelineResult run(Inputs inputs, PipelineSettings settings, Path outDir, Path paramsFile,
            ProgressListener listener) throws IOException {
        return run(inputs, settings, null, outDir, paramsFile, listener);
    }

    /**
     * What the agglomerate step of a run needs: where the agglomerates come from and the parameters.
     *
     * @param file     a {@code .roi}/{@code .zip} ROI set or a label/mask TIFF of the stack's size; null = automatic
     *                 detection from the particle mask
     * @param settings the agglomerate parameters
     */
    public record AgglomerateRequest(Path file, AgglomerateSettings settings) {

        /** "auto" or the file name, as params.json records it. */
        public String source() {
            return file == null ? "auto" : file.toString();
        }
    }

    /** The files a run reads, which its results folder must never overwrite. */
    private static Path[] readOnlyInputs(Inputs inputs, Path paramsFile, AgglomerateRequest agglomerates) {
        List<Path> readOnly = new ArrayList<>(
                java.util.Arrays.stream(inputs.files()).filter(p -> p != null).toList());
        if (paramsFile != null) {
            readOnly.add(paramsFile);
        }
        if (agglomerates != null && agglomerates.file() != null) {
            readOnly.add(agglomerates.file());
        }
        return readOnly.toArray(new Path[0]);
    }

    /**
     * Runs the pipeline and, when {@code agglomerates} is given, the agglomerate step ({@code agglomerates/});
     * writes the results folder, which appears only if the run succeeds.
     *
     * @param agglomerates null = no agglomerate step
     */
    public static PipelineResult run(Inputs inputs, PipelineSettings settings, AgglomerateRequest agglomerates,
            Path outDir, Path paramsFile, ProgressListener listener) throws IOException {
        try (ResultsFolder folder = ResultsFolder.open(outDir, readOnlyInputs(inputs, paramsFile, agglomerates))) {
            PipelineResult r = new OxidationStatePipeline(settings, inputs.references()).run(inputs.stack(),
                    inputs.particleLabels(), listener);
            PipelineResultWriter.write(r, inputs.stack(), inputs.describe(), folder);
            if (agglomerates != null) {
                AgglomerateResult a = analyseAgglomerates(r, inputs.stack(), agglomerates, listener);
                AgglomerateResultWriter.write(a, inputs.stack().pixelWidthNm(), inputs.stack().pixelHeightNm(),
                        folder);
            }
            ReportWriter.write(folder.dir());
            folder.commit();
            return r;
        }
    }

    /**
     * The agglomerate step on a finished run: reads the agglomerate file (at the stack's size, cropped to the
     * maps' area) or detects them, then classifies and measures the profiled component's fraction.
     */
    public static AgglomerateResult analyseAgglomerates(PipelineResult r, SpectralStack stack,
            AgglomerateRequest request, ProgressListener listener) throws IOException {
        PixelRectangle area = r.areaPx();
        List<String> warnings = new ArrayList<>();
        int[] labels = null;
        if (request.file() != null) {
            int[] full = ParticleFileReader.readRegions(request.file(), stack.width(), stack.height(), warnings);
            labels = new int[area.width() * area.height()];
            for (int y = 0; y < area.height(); y++) {
                System.arraycopy(full, (area.y() + y) * stack.width() + area.x(), labels, y * area.width(),
                        area.width());
            }
        }
        String component = r.settings().profile();
        int k = r.maps().indexOf(component);
        return new AgglomerateAnalysis(request.settings()).run(r.segmentation().labels(), labels, request.source(),
                component, r.maps().fractions().get(k), r.maps().thickness(), r.maps().fitted(), area.width(),
                area.height(), stack.pixelWidthNm(), stack.pixelHeightNm(), warnings, listener);
    }

    /** One line for a log or status bar: particles found, the global D (or D·t) and where the results went. */
    public static String summary(PipelineResult r, Path outDir) {
        double t = r.settings().timeS();
        return String.format(Locale.ROOT, "%d particles (%d profiled); %s; results in %s", r.segmentation().count(),
                r.geometries().size(),
                Double.isFinite(t) ? String.format(Locale.ROOT, "D = %.3g ± %.2g cm²/s", r.globalFit().dCm2PerS(t),
                        r.globalFit().dSeCm2PerS(t)) : String.format(Locale.ROOT, "D·t = %.3g nm²",
                                r.globalFit().dtNm2()),
                outDir);
    }

    /** Generates a phantom and writes its folder (stack, references, truth), as {@code oxymap phantom} does. */
    public static Phantom writePhantom(PhantomSettings settings, Path outDir, ProgressListener listener)
            throws IOException {
        try (ResultsFolder folder = ResultsFolder.open(outDir)) {
            Phantom p = new PhantomGenerator(settings).generate(listener);
            PhantomWriter.write(p, folder);
            folder.commit();
            return p;
        }
    }

    /**
     * Writes a phantom of the named kind ({@code primary} or {@code agglomerate}) and returns its one-line summary;
     * the CLI, the ImageJ plugin and the SciJava command share it. {@code sizePx} and {@code pixelNm} may be null
     * for the kind's default; {@code pixelNm} applies to the agglomerate kind only.
     */
    public static String writePhantom(String kind, long seed, Integer sizePx, double noise, double drift,
            double probeNm, Double pixelNm, Path outDir, ProgressListener listener) throws IOException {
        String k = kind == null ? "primary" : kind.trim().toLowerCase(Locale.ROOT);
        if (k.equals("agglomerate")) {
            AgglomeratePhantomSettings a = AgglomeratePhantomSettings.defaults().withSeed(seed).withNoise(noise)
                    .withDrift(drift).withProbeFwhmNm(probeNm);
            if (pixelNm != null) {
                a = a.withPixelNm(pixelNm);
            }
            if (sizePx != null) {
                a = a.withSize(sizePx);
            }
            a.validate();
            return phantomSummary(writeAgglomeratePhantom(a, outDir, listener), outDir);
        }
        if (!k.equals("primary")) {
            throw new IllegalArgumentException("parameter kind is '" + kind + "', expected primary or agglomerate");
        }
        if (pixelNm != null) {
            throw new IllegalArgumentException("parameter pixel-nm applies to kind agglomerate only");
        }
        PhantomSettings s = PhantomSettings.defaults().withSize(sizePx != null ? sizePx : 128).withSeed(seed)
                .withNoise(noise).withDrift(drift).withProbeFwhmNm(probeNm);
        s.validate();
        return phantomSummary(writePhantom(s, outDir, listener), outDir);
    }

    /** Generates an agglomerate phantom and writes its folder, as {@code oxymap phantom --kind agglomerate} does. */
    public static AgglomeratePhantom writeAgglomeratePhantom(AgglomeratePhantomSettings settings, Path outDir,
            ProgressListener listener) throws IOException {
        try (ResultsFolder folder = ResultsFolder.open(outDir)) {
            AgglomeratePhantom p = new AgglomeratePhantomGenerator(settings).generate(listener);
            AgglomeratePhantomWriter.write(p, folder);
            folder.commit();
            return p;
        }
    }

    /** One line describing a written agglomerate phantom. */
    public static String phantomSummary(AgglomeratePhantom p, Path outDir) {
        AgglomeratePhantomSettings s = p.settings();
        StringBuilder counts = new StringBuilder();
        for (AgglomeratePhantom.ClassTruth c : p.classes()) {
            counts.append(counts.length() == 0 ? "" : ", ").append(c.particles()).append(' ').append(c.classLabel());
        }
        return String.format(Locale.ROOT, "agglomerate phantom: %d particles (%s), %d x %d px of %.3g nm, %d energies"
                + " -> %s", p.particles().size(), counts, s.sizePx(), s.sizePx(), s.pixelNm(),
                p.stack().energyCount(), outDir);
    }

    /** One line describing a written phantom. */
    public static String phantomSummary(Phantom p, Path outDir) {
        PhantomSettings s = p.settings();
        return String.format(Locale.ROOT, "phantom: %d particles, %d x %d px, %d energies, D = %.3g cm²/s, t = %.3g s"
                + " -> %s", p.particles().size(), s.sizePx(), s.sizePx(), p.stack().energyCount(), s.dCm2PerS(),
                s.timeS(), outDir);
    }

    /**
     * Settings from the front ends' plain fields, where a dialog cannot hold "unknown": {@code timeS} and
     * {@code binNm} of 0 (or NaN) mean unknown time and one-pixel bins.
     *
     * @throws IllegalArgumentException for a negative time or bin width (named as the command line names them; the
     *                                  Fiji steps put that in their macro keys), or settings that do not validate
     */
    public static PipelineSettings settings(double timeS, double sectionNm, double binNm, String background,
            String threshold, double minAreaNm2) {
        if (timeS < 0) {
            throw new IllegalArgumentException("parameter time-s is " + timeS
                    + ", expected a positive number of s, or 0 when the time is unknown");
        }
        if (binNm < 0) {
            throw new IllegalArgumentException("parameter bin-nm is " + binNm
                    + ", expected a positive number of nm, or 0 for one-pixel bins");
        }
        PipelineSettings s = PipelineSettings.defaults()
                .withTimeS(timeS > 0 ? timeS : Double.NaN)
                .withSectionNm(sectionNm)
                .withBinNm(binNm > 0 ? binNm : Double.NaN)
                .withMinAreaNm2(minAreaNm2);
        if (background != null && !background.isBlank()) {
            s = s.withBackground(BackgroundModel.fromLabel(background));
        }
        if (threshold != null && !threshold.isBlank()) {
            s = s.withThreshold(ThresholdMethod.fromLabel(threshold));
        }
        s.validate();
        return s;
    }

    /**
     * The probe of the Fiji dialogs: {@code probeFwhmNm} = 0 leaves the settings as they are (point probe); above 0
     * the model fits know the probe and, with {@code deconvolve}, the aligned transmission is deconvolved before the
     * logarithm (as the CLI's {@code --probe-fwhm-nm} and {@code --deconvolve-probe}).
     *
     * @throws IllegalArgumentException naming {@code probe_fwhm_nm} when it is negative or not finite
     */
    public static PipelineSettings withProbe(PipelineSettings s, double probeFwhmNm, boolean deconvolve) {
        if (!(probeFwhmNm >= 0 && Double.isFinite(probeFwhmNm))) {
            throw new IllegalArgumentException("parameter probe_fwhm_nm is " + probeFwhmNm
                    + ", expected the probe's FWHM in nm, or 0 for a point probe");
        }
        if (probeFwhmNm == 0) {
            return s;
        }
        return s.withModelFits(s.modelFits().withProbeFwhmNm(probeFwhmNm).withDeconvolveProbe(deconvolve));
    }

    /** Splits a comma-separated list of paths (as macros and the CLI give them), ignoring blanks. */
    public static List<Path> splitPaths(String commaSeparated) {
        List<Path> out = new ArrayList<>();
        if (commaSeparated != null) {
            for (String part : commaSeparated.split(",")) {
                if (!part.isBlank()) {
                    out.add(Path.of(part.trim()));
                }
            }
        }
        return out;
    }
}
