package org.oxymap.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.oxymap.core.spectra.ReferenceSpectrum;
import org.oxymap.core.stack.SpectralStack;

/**
 * Writes any readable stack as the TIFF OxyMap exchanges: {@code FILE.tif} (32-bit, slice labels "E eV", pixel
 * size in nm in the calibration), {@code FILE.energies.txt}, and, when the source carries an I0 spectrum,
 * {@code FILE.i0.csv} (energy_eV,i0) that {@code --i0} reads back. The files are written under temporary names and
 * renamed at the end, so a failed conversion leaves no half-written output.
 */
public final class StackConverter {

    private StackConverter() {
    }

    /** The I0 spectrum file written next to a converted TIFF. */
    public static Path i0FileOf(Path tiff) {
        String name = tiff.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return tiff.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".i0.csv");
    }

    /** Writes {@code stack} to {@code tiff} (which must end in .tif or .tiff) and its sidecars; returns the files. */
    public static List<Path> write(SpectralStack stack, Path tiff) throws IOException {
        String lower = tiff.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".tif") && !lower.endsWith(".tiff")) {
            throw new IllegalArgumentException("parameter out is '" + tiff + "': expected a file name ending in .tif");
        }
        Path dir = tiff.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new java.nio.file.NoSuchFileException(String.valueOf(dir), null, "output folder not found");
        }
        String tmpBase = "." + tiff.getFileName() + ".partial-" + ProcessHandle.current().pid();
        Path tmpTif = dir.resolve(tmpBase + ".tif");
        Path tmpEnergies = EnergyListFile.sidecarOf(tmpTif);
        Path tmpI0 = i0FileOf(tmpTif);
        List<Path> written = new ArrayList<>();
        try {
            TiffStackIO.write(stack, tmpTif);
            double[] i0 = stack.i0OrNull();
            if (i0 != null && i0.length >= 2) {
                ReferenceCsv.write(new ReferenceSpectrum("I0", Double.NaN, stack.energiesEv(), i0), tmpI0, "i0");
            }
            Path target = tiff.toAbsolutePath();
            Files.move(tmpTif, target, StandardCopyOption.REPLACE_EXISTING);
            written.add(target);
            Files.move(tmpEnergies, EnergyListFile.sidecarOf(target), StandardCopyOption.REPLACE_EXISTING);
            written.add(EnergyListFile.sidecarOf(target));
            if (Files.exists(tmpI0)) {
                Files.move(tmpI0, i0FileOf(target), StandardCopyOption.REPLACE_EXISTING);
                written.add(i0FileOf(target));
            }
            return written;
        } finally {
            Files.deleteIfExists(tmpTif);
            Files.deleteIfExists(tmpEnergies);
            Files.deleteIfExists(tmpI0);
        }
    }
}
