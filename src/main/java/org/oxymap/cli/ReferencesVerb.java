package org.oxymap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.oxymap.core.edge.CalibrationLine;
import org.oxymap.core.edge.EdgeEnergyMethod;
import org.oxymap.core.spectra.EdgeEnergy;
import org.oxymap.core.spectra.EdgeStepNormaliser;
import org.oxymap.core.spectra.NormalisedSpectrum;
import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.io.CalibrationTable;
import org.oxymap.io.OxyMapVersion;
import org.oxymap.io.ParamsJson;
import org.oxymap.io.ReferenceCsv;
import org.oxymap.io.ReferenceReader;
import org.oxymap.io.ResultsFolder;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code oxymap references}: list, convert (normalise) reference files, and fit the edge-energy calibration. */
@Command(name = "references", mixinStandardHelpOptions = true,
        description = "List reference files (groups of Athena projects), convert them to CSV (optionally "
                + "normalised), and fit the edge-energy calibration line to standards.",
        subcommands = {ReferencesVerb.ListVerb.class, ReferencesVerb.ConvertVerb.class,
            ReferencesVerb.CalibrateVerb.class, ReferencesVerb.RoiVerb.class})
final class ReferencesVerb implements Callable<Integer> {

    @Override
    public Integer call() {
        new CommandLine(this).usage(OxyMapCli.Verb.out);
        return 0;
    }

    /**
     * Reads the specifications, applying --valence and (on request) the formula guess; says which was guessed.
     *
     * @param sources receives, per reference, where its valence came from ("given", "file", "guessed from ...")
     */
    static List<ReferenceSpectrum> load(List<Path> specs, Map<String, Double> valences, boolean guess,
            List<String> sources) throws IOException {
        List<ReferenceSpectrum> out = new ArrayList<>();
        for (Path spec : specs) {
            ReferenceSpectrum r = ReferenceReader.read(spec);
            String source = Double.isFinite(r.valence()) ? "file" : "none";
            if (valences.containsKey(r.name())) {
                r = r.withValence(valences.get(r.name()));
                source = "given";
            } else if (guess && !Double.isFinite(r.valence())) {
                ReferenceReader.ValenceGuess g = ReferenceReader.guessValence(spec, null);
                r = r.withValence(g.valence());
                source = "guessed from formula " + g.formula();
                OxyMapCli.Verb.err.printf(Locale.ROOT, "oxymap: valence of %s guessed from the formula %s (%s): "
                        + "%.4g%n", r.name(), g.formula(), g.source(), g.valence());
            }
            sources.add(source);
            out.add(r);
        }
        for (String name : valences.keySet()) {
            if (out.stream().noneMatch(r -> r.name().equals(name))) {
                throw new IllegalArgumentException("valence names '" + name + "', but the references are "
                        + out.stream().map(ReferenceSpectrum::name).toList());
            }
        }
        return out;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the spectra of reference files: the groups of an Athena project, or the one "
                    + "spectrum of a CSV or XDI file.")
    static final class ListVerb implements Callable<Integer> {
        @Parameters(arity = "1..*", description = "Reference files (.csv, .xdi, .prj).")
        List<Path> files;

        @Override
        public Integer call() throws IOException {
            for (Path f : files) {
                OxyMapCli.Verb.out.println(f + ":");
                for (String line : ReferenceReader.describe(f)) {
                    OxyMapCli.Verb.out.println("  " + line);
                }
            }
            return 0;
        }
    }

    @Command(name = "convert", mixinStandardHelpOptions = true,
            description = "Write references as CSV (energy_eV, value; '# valence:' line), optionally normalised, "
                    + "e.g. an Athena group: oxymap references convert --out refs Mn.prj#MnO Mn.prj#Mn3O4.")
    static final class ConvertVerb implements Callable<Integer> {
        @Parameters(arity = "1..*", description = "Reference specifications: file.csv, file.xdi, project.prj#LABEL.")
        List<Path> specs;
        @Option(names = "--out", required = true, description = "Folder to write (one CSV per reference).")
        Path outDir;
        @Option(names = "--valence", split = ",", description = "Nominal valences, NAME=V,...")
        Map<String, Double> valences = new LinkedHashMap<>();
        @CommandLine.Mixin
        ReferenceOptions options;

        @Override
        public Integer call() throws IOException {
            List<String> sources = new ArrayList<>();
            List<ReferenceSpectrum> refs = load(specs, valences, options.guessValence, sources);
            List<Path> inputs = new ArrayList<>();
            for (Path s : specs) {
                inputs.add(ReferenceReader.fileOf(s));
            }
            try (ResultsFolder folder = ResultsFolder.open(outDir, inputs.toArray(new Path[0]))) {
                List<Object> described = new ArrayList<>();
                for (int k = 0; k < refs.size(); k++) {
                    ReferenceSpectrum r = refs.get(k);
                    Map<String, Object> d = ParamsJson.describeInput(inputs.get(k));
                    d.put("name", r.name());
                    if (options.normalise) {
                        NormalisedSpectrum n = EdgeStepNormaliser.normalise(r, options.normalisation());
                        r = n.spectrum();
                        d.put("e0_ev", n.e0Ev());
                        d.put("edge_step", n.edgeStep());
                    }
                    if (options.shiftEv != null) {
                        try {
                            r = r.withShift(Double.parseDouble(options.shiftEv.trim()));
                        } catch (NumberFormatException ex) {
                            throw new IllegalArgumentException("--shift-ev is '" + options.shiftEv + "': convert "
                                    + "takes a number of eV ('fit' needs a stack, see oxymap run)");
                        }
                        d.put("shift_ev", Double.parseDouble(options.shiftEv.trim()));
                    }
                    d.put("valence", Double.isFinite(r.valence()) ? r.valence() : null);
                    d.put("valence_source", sources.get(k));
                    Path csv = folder.dir().resolve(r.name() + ".csv");
                    if (Files.exists(csv)) {
                        throw new IOException("two references are named '" + r.name() + "': rename one");
                    }
                    ReferenceCsv.write(r, csv, options.normalise ? "norm_mu" : "mu");
                    described.add(d);
                    OxyMapCli.Verb.out.printf(Locale.ROOT, "oxymap: %s -> %s.csv (%d points%s)%n", specs.get(k),
                            r.name(), r.energiesEv().length, d.containsKey("edge_step") ? String.format(Locale.ROOT,
                                    ", E0 %.2f eV, step %.4g", (double) d.get("e0_ev"), (double) d.get("edge_step"))
                                    : "");
                }
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("oxymap_version", OxyMapVersion.get());
                root.put("analysis", "references_convert");
                root.put("normalise", options.normalise);
                root.put("references", described);
                ParamsJson.write(folder.dir().resolve("params.json"), root);
                folder.commit();
            }
            return 0;
        }
    }

    @Command(name = "calibrate", mixinStandardHelpOptions = true,
            description = "Normalise standards, measure their edge energies and fit edge energy against valence "
                    + "(least squares; standard errors from the scatter); writes a calibration table for "
                    + "'oxymap edge --calibration'.")
    static final class CalibrateVerb implements Callable<Integer> {
        @Parameters(arity = "2..*", description = "Standards: file.csv, file.xdi, project.prj#LABEL (each with a "
                + "valence).")
        List<Path> specs;
        @Option(names = "--out", required = true, description = "Calibration table to write (CSV).")
        Path out;
        @Option(names = "--valence", split = ",", description = "Nominal valences, NAME=V,...")
        Map<String, Double> valences = new LinkedHashMap<>();
        @Option(names = "--edge-method", defaultValue = "half-height",
                description = "half-height or max-derivative (default ${DEFAULT-VALUE}).")
        String method;
        @CommandLine.Mixin
        ReferenceOptions options;

        @Override
        public Integer call() throws IOException {
            EdgeEnergyMethod m = EdgeEnergyMethod.fromLabel(method);
            List<String> sources = new ArrayList<>();
            List<ReferenceSpectrum> refs = load(specs, valences, options.guessValence, sources);
            List<CalibrationTable.Standard> rows = new ArrayList<>();
            double[] v = new double[refs.size()];
            double[] e = new double[refs.size()];
            for (int k = 0; k < refs.size(); k++) {
                ReferenceSpectrum r = refs.get(k);
                if (!Double.isFinite(r.valence())) {
                    throw new IllegalArgumentException("standard " + r.name() + " (" + specs.get(k) + ") has no "
                            + "valence: give --valence " + r.name() + "=V or --guess-valence");
                }
                NormalisedSpectrum n = EdgeStepNormaliser.normalise(r, options.normalisation());
                double edge = m == EdgeEnergyMethod.HALF_HEIGHT ? EdgeEnergy.crossingEv(r.energiesEv(),
                        n.spectrum().values(), 0.5) : EdgeEnergy.maxDerivativeEv(r.energiesEv(), r.values());
                v[k] = r.valence();
                e[k] = edge;
                rows.add(new CalibrationTable.Standard(r.name(), specs.get(k).getFileName().toString(), r.valence(),
                        sources.get(k), n.e0Ev(), n.edgeStep(), edge));
            }
            CalibrationLine line = CalibrationLine.fit(v, e, null);
            Path abs = out.toAbsolutePath().normalize();
            for (Path s : specs) {
                if (ReferenceReader.fileOf(s).toAbsolutePath().normalize().equals(abs)) {
                    throw new IOException("--out " + out + " is one of the inputs: choose another file");
                }
            }
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".partial");
            try {
                CalibrationTable.write(tmp, line, m.label(), rows);
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            for (CalibrationTable.Standard s : rows) {
                OxyMapCli.Verb.out.printf(Locale.ROOT, "  %-14s valence %.3f  edge %.2f eV%n", s.name(), s.valence(),
                        s.edgeEv());
            }
            OxyMapCli.Verb.out.printf(Locale.ROOT, "oxymap: calibration %s; slope %.3f ± %.3f eV per valence unit; "
                    + "written to %s%n", line, line.slopeEvPerValence(), line.slopeSeEvPerValence(), out);
            return 0;
        }
    }

    @Command(name = "roi", mixinStandardHelpOptions = true,
            description = "A reference from a region of a stack (e.g. a particle of a standard): the mean "
                    + "optical-density spectrum over a rectangle or a mask TIFF, written as CSV with '# valence:'.")
    static final class RoiVerb implements Callable<Integer> {
        @Option(names = "--stack", required = true, description = "Stack file (transmission counts, or OD with --od).")
        Path stack;
        @Option(names = "--energies", description = "Energy file, one eV per line (default: sidecar or slice "
                + "labels).")
        Path energies;
        @Option(names = "--od", description = "The stack already holds optical density.")
        boolean od;
        @Option(names = "--roi", description = "Rectangle x,y,width,height in pixels.")
        String roi;
        @Option(names = "--mask", description = "Mask TIFF of the stack's size, non-zero = inside.")
        Path mask;
        @Option(names = "--name", description = "Reference name (default: the output file name).")
        String name;
        @Option(names = "--valence", description = "Nominal valence of the region's material.")
        Double valence;
        @Option(names = "--out", required = true, description = "CSV file to write.")
        Path out;

        @Override
        public Integer call() throws IOException {
            if ((roi == null) == (mask == null)) {
                throw new IllegalArgumentException("give exactly one of --roi x,y,width,height and --mask FILE");
            }
            org.oxymap.core.stack.SpectralStack s = org.oxymap.io.StackReaders.read(stack, energies, Double.NaN);
            org.oxymap.core.stack.SpectralStack odStack = od ? s : org.oxymap.io.EdgeMapRunner.toOd(s).od();
            String n = name != null ? name : out.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            double v = valence != null ? valence : Double.NaN;
            ReferenceSpectrum r;
            if (roi != null) {
                r = org.oxymap.core.spectra.RegionSpectrum.mean(odStack,
                        org.oxymap.core.align.PixelRectangle.parse(roi, "roi"), n, v);
            } else {
                float[] m = org.oxymap.io.TiffStackIO.readMap(mask);
                if (m.length != s.width() * s.height()) {
                    throw new IOException(mask + ": " + m.length + " pixels, but the stack has " + s.width() + " x "
                            + s.height());
                }
                boolean[] inside = new boolean[m.length];
                for (int i = 0; i < m.length; i++) {
                    inside[i] = m[i] != 0;
                }
                r = org.oxymap.core.spectra.RegionSpectrum.mean(odStack, inside, n, v);
            }
            Path abs = out.toAbsolutePath().normalize();
            for (Path in : new Path[] {stack, energies, mask}) {
                if (in != null && in.toAbsolutePath().normalize().equals(abs)) {
                    throw new IOException("--out " + out + " is one of the inputs: choose another file");
                }
            }
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".partial");
            try {
                ReferenceCsv.write(r, tmp, "od");
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            OxyMapCli.Verb.out.printf(Locale.ROOT, "oxymap: reference %s (%d energies) -> %s%n", n,
                    r.energiesEv().length, out);
            return 0;
        }
    }
}
