package org.oxymap.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import ij.ImagePlus;
import ij.io.Opener;

import org.oxymap.core.stack.SpectralStack;

/**
 * Opens a spectral stack in any format OxyMap reads, choosing the reader from the file's signature and extension,
 * so that the command line, Fiji's import and the pipeline accept the same files.
 *
 * <p>An energy file, when given, replaces the energies the file carries (same count required); a pixel size other
 * than NaN replaces the file's.
 */
public final class StackReaders {

    /** The formats, with what identifies each. */
    public enum Format {
        /** Multi-page TIFF (signature II*\0 or MM\0*), energies from a list, sidecar or slice labels. */
        TIFF,
        /** ALS STXM {@code .hdr} with {@code .xim} images. */
        ALS_STXM,
        /** NeXus NXstxm (HDF5 signature, not CXI). */
        NXSTXM,
        /** CXI ptychography: a {@code .cxi} file, an HDF5 file with /entry_1/image_1/data, or a folder of them. */
        CXI,
        /** aXis2000 {@code .ncb} with its {@code .dat}. */
        AXIS_NCB,
        /** Stony Brook {@code .stk}. */
        STONY_BROOK_STK,
        /** Anything else ImageJ opens, energies as for a TIFF. */
        IMAGEJ
    }

    private StackReaders() {
    }

    public static SpectralStack read(Path stack, Path energiesOrNull, double pixelNmOrNaN) throws IOException {
        return read(stack, energiesOrNull, pixelNmOrNaN, StackReadOptions.defaults());
    }

    public static SpectralStack read(Path stack, Path energiesOrNull, double pixelNmOrNaN, StackReadOptions options)
            throws IOException {
        Format format = detect(stack);
        SpectralStack s = switch (format) {
            case TIFF -> TiffStackIO.read(stack, energiesOrNull, pixelNmOrNaN);
            case IMAGEJ -> openWithImageJ(stack, energiesOrNull, pixelNmOrNaN);
            case ALS_STXM -> AlsStxmReader.read(stack, options.region(), options.channel(), pixelNmOrNaN);
            case NXSTXM -> NxStxmReader.read(stack, options.channel(), pixelNmOrNaN);
            case CXI -> CxiReader.read(stack, options.quantity(), pixelNmOrNaN);
            case AXIS_NCB -> AxisNcbReader.read(stack, pixelNmOrNaN);
            case STONY_BROOK_STK -> StonyBrookStkReader.read(stack, pixelNmOrNaN);
        };
        if (energiesOrNull != null && format != Format.TIFF && format != Format.IMAGEJ) {
            s = withEnergies(s, energiesOrNull, stack);
        }
        return s;
    }

    /** The format of a file or folder (a folder is a CXI series). */
    public static Format detect(Path stack) throws IOException {
        if (Files.isDirectory(stack)) {
            CxiReader.files(stack); // refuses a folder without .cxi files
            return Format.CXI;
        }
        if (!Files.isRegularFile(stack)) {
            throw new NoSuchFileException(stack.toString(), null, "stack file not found");
        }
        String name = stack.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        if (Hdf5Access.isHdf5(stack)) {
            if (ext.equals("cxi")) {
                return Format.CXI;
            }
            try (var f = Hdf5Access.open(stack)) {
                return Hdf5Access.nodeOrNull(f, CxiReader.DATA) != null ? Format.CXI : Format.NXSTXM;
            } catch (RuntimeException e) {
                throw Hdf5Access.damaged(stack, e);
            }
        }
        byte[] head = new byte[4];
        try (var ch = Files.newByteChannel(stack)) {
            ByteBuffer b = ByteBuffer.wrap(head);
            while (b.hasRemaining() && ch.read(b) > 0) {
                // fill
            }
        }
        if (head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0
                || head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42) {
            return Format.TIFF;
        }
        return switch (ext) {
            case "hdr" -> Format.ALS_STXM;
            case "ncb" -> Format.AXIS_NCB;
            case "stk" -> Format.STONY_BROOK_STK;
            case "cxi", "nxs", "h5", "hdf5", "hdf" -> throw new IOException(stack + ": no HDF5 signature; expected an "
                    + "HDF5 file (NeXus NXstxm or CXI)");
            case "tif", "tiff" -> throw new IOException(stack + ": no TIFF signature; expected a TIFF file");
            case "xim" -> throw new IOException(stack + ": one image of an ALS stack; open its .hdr header instead");
            case "xsp" -> throw new IOException(stack + ": an ALS point spectrum, not a stack; give it as the I0 "
                    + "spectrum (--i0)");
            case "dat" -> {
                if (Files.isRegularFile(stack.resolveSibling(name.replaceFirst("\\.dat$", ".ncb")))
                        || Files.isRegularFile(stack.resolveSibling(stack.getFileName().toString()
                                .replaceFirst("\\.[^.]*$", ".ncb")))) {
                    yield Format.AXIS_NCB;
                }
                yield Format.IMAGEJ;
            }
            default -> Format.IMAGEJ;
        };
    }

    private static SpectralStack openWithImageJ(Path file, Path energies, double pixelNm) throws IOException {
        ImagePlus imp;
        try {
            imp = new Opener().openImage(file.toString());
        } catch (RuntimeException e) {
            throw new IOException(file + ": ImageJ could not open it (" + e + ")", e);
        }
        if (imp == null) {
            throw new IOException(file + ": not a stack format OxyMap or ImageJ can open (expected TIFF, ALS .hdr, "
                    + "NXstxm, CXI, aXis2000 .ncb, Stony Brook .stk, or another image format ImageJ reads)");
        }
        return TiffStackIO.fromImagePlus(imp, file, energies, pixelNm);
    }

    private static SpectralStack withEnergies(SpectralStack s, Path energyFile, Path stack) throws IOException {
        double[] e = EnergyListFile.read(energyFile);
        if (e.length != s.energyCount()) {
            throw new IOException(energyFile + " lists " + e.length + " energies but " + stack + " has "
                    + s.energyCount() + " images: the energy count must match the image count");
        }
        try {
            return SpectralStack.wrap(s.planes(), s.width(), s.height(), e, s.pixelWidthNm(), s.pixelHeightNm(),
                    s.i0OrNull(), s.dwellMs().orElse(Double.NaN));
        } catch (IllegalArgumentException ex) {
            throw new IOException(energyFile + ": " + ex.getMessage(), ex);
        }
    }
}
