package org.oxymap.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;
import org.oxymap.io.ParamsJson;
import org.oxymap.io.ReferenceCsv;
import org.oxymap.io.TiffStackIO;

/** Loads the inputs of a run (stack, references, I0) and describes them for params.json. */
final class RunInputs {

    final Path stackFile;
    final Path energiesFile;
    final List<Path> referenceFiles;
    final Path i0File;
    final SpectralStack stack;
    final List<ReferenceSpectrum> references;

    RunInputs(Path stackFile, Path energiesFile, List<Path> referenceFiles, Path i0File, double pixelNm,
            Map<String, Double> valences) throws IOException {
        this.stackFile = stackFile;
        this.energiesFile = energiesFile;
        this.referenceFiles = List.copyOf(referenceFiles);
        this.i0File = i0File;
        SpectralStack s = TiffStackIO.read(stackFile, energiesFile, pixelNm);
        if (i0File != null) {
            s = s.withI0(readI0(i0File, s.energiesEv()));
        }
        this.stack = s;
        List<ReferenceSpectrum> refs = new ArrayList<>();
        for (Path f : referenceFiles) {
            ReferenceSpectrum r = ReferenceCsv.read(f);
            if (valences.containsKey(r.name())) {
                r = r.withValence(valences.get(r.name()));
            }
            refs.add(r);
        }
        for (String name : valences.keySet()) {
            if (refs.stream().noneMatch(r -> r.name().equals(name))) {
                throw new IllegalArgumentException("--valence names '" + name + "', but the references are "
                        + refs.stream().map(ReferenceSpectrum::name).toList());
            }
        }
        this.references = refs;
    }

    /** An I0 spectrum from a two-column CSV (energy eV, counts) interpolated onto the stack's energies. */
    private static double[] readI0(Path file, double[] energies) throws IOException {
        ReferenceSpectrum spectrum = ReferenceCsv.read(file);
        try {
            return spectrum.interpolate(energies);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage().replace("reference", "I0 spectrum"), e);
        }
    }

    Path[] files() {
        List<Path> all = new ArrayList<>(referenceFiles);
        all.add(stackFile);
        all.add(energiesFile);
        all.add(i0File);
        return all.toArray(new Path[0]);
    }

    Map<String, Object> describe() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stack", ParamsJson.describeInput(stackFile));
        if (energiesFile != null) {
            m.put("energies", ParamsJson.describeInput(energiesFile));
        }
        List<Object> refs = new ArrayList<>();
        for (int k = 0; k < referenceFiles.size(); k++) {
            Map<String, Object> r = ParamsJson.describeInput(referenceFiles.get(k));
            r.put("name", references.get(k).name());
            r.put("valence", Double.isFinite(references.get(k).valence()) ? references.get(k).valence() : null);
            refs.add(r);
        }
        m.put("references", refs);
        if (i0File != null) {
            m.put("i0", ParamsJson.describeInput(i0File));
        }
        return m;
    }
}
