package org.oxymap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.oxymap.core.stack.SpectralStack;
import org.oxymap.io.CxiQuantity;
import org.oxymap.io.StackConverter;
import org.oxymap.io.StackReadOptions;
import org.oxymap.io.StackReaders;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oxymap convert}: any stack OxyMap reads, written as a TIFF with its energies (CONTRACT.md). */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Write any readable stack (TIFF, ALS .hdr, NXstxm, CXI file or folder, aXis2000 .ncb, "
                + "Stony Brook .stk, other ImageJ formats) as FILE.tif + FILE.energies.txt (+ FILE.i0.csv when the "
                + "file carries I0).")
final class ConvertVerb extends OxyMapCli.Verb {

    @Option(names = "--stack", required = true, description = "Stack file, or a folder of .cxi files.")
    Path stack;
    @Option(names = "--energies", description = "Energy file, one eV per line; replaces the file's energies.")
    Path energies;
    @Option(names = "--out", required = true, description = "TIFF to write (FILE.tif).")
    Path out;
    @Option(names = "--pixel-nm", description = "Pixel size in nm (default: from the file).")
    Double pixelNm;
    @Option(names = "--region", defaultValue = "0", description = "Scan region of an ALS header (default 0).")
    int region;
    @Option(names = "--channel", defaultValue = "0",
            description = "Detector channel (ALS) or NXdata group (NXstxm), from 0 (default 0).")
    int channel;
    @Option(names = "--quantity", defaultValue = "intensity",
            description = "For CXI: intensity (|O|^2), od (-ln|O|^2) or phase (arg O) (default intensity).")
    String quantity;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(out) && Files.exists(stack) && Files.isSameFile(out, stack)) {
            throw new IllegalArgumentException("parameter out is the input stack " + stack + "; choose another file");
        }
        String name = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".tif") && !name.endsWith(".tiff")) {
            throw new IllegalArgumentException("parameter out is '" + out + "': expected a file name ending in .tif");
        }
        StackReadOptions options = new StackReadOptions(region, channel, CxiQuantity.fromLabel(quantity));
        SpectralStack s = StackReaders.read(stack, energies, pixelNm != null ? pixelNm : Double.NaN, options);
        List<Path> written = StackConverter.write(s, out);
        out().println("oxymap: " + StackReaders.detect(stack) + " " + s + " -> " + String.join(", ",
                written.stream().map(p -> p.getFileName().toString()).toList()));
        return 0;
    }

    private static java.io.PrintStream out() {
        return OxyMapCli.Verb.out;
    }
}
