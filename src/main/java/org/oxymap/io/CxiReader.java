package org.oxymap.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;

import org.oxymap.core.stack.SpectralStack;

/**
 * Reads reconstructed ptychography images in the CXI format (HDF5; cxidb.org), one file per energy, as written by
 * the ALS COSMIC / nanosurveyor and other ptychography codes; a series of files at several energies becomes one
 * stack.
 *
 * <p>From each file: the complex transmission O at {@code /entry_1/image_1/data} (HDF5 has no complex type; it is a
 * compound of {@code r} and {@code i}, as h5py writes it); the photon energy at
 * {@code /entry_1/instrument_1/source_1/energy} in joules (CXI's unit; values between 10 and 10⁶ are taken as
 * eV, which some writers store). The pixel size, in this order: {@code /entry_1/process_1/Param/pixnm} (nm, as the
 * nanosurveyor writes it), {@code /entry_1/image_1/x_pixel_size} and {@code y_pixel_size} (m), else the far-field
 * sampling λ·z / (N·p) of the detector geometry, taking {@code /entry_1/instrument_1/detector_1/corner_position}
 * (x, y, z in m) as the corner of a detector centred on the beam, so that N·p = 2|x| (and 2|y|) and z is the
 * sample–detector distance; λ = hc/E. Which quantity of O forms the stack is a {@link CxiQuantity}.
 *
 * <p>Across a series, images must have the same size; the pixel size is the first (lowest-energy) file's (with
 * the geometry rule it scales with λ, by less than 1 % across one absorption edge, and is not resampled here).
 */
public final class CxiReader {

    /** Joules per electronvolt (CODATA 2018, exact). */
    static final double JOULE_PER_EV = 1.602176634e-19;
    /** hc in eV·nm (CODATA 2018). */
    static final double HC_EV_NM = 1239.84198;

    static final String DATA = "/entry_1/image_1/data";
    static final String ENERGY = "/entry_1/instrument_1/source_1/energy";
    private static final String PIXNM = "/entry_1/process_1/Param/pixnm";
    private static final String CORNER = "/entry_1/instrument_1/detector_1/corner_position";

    private CxiReader() {
    }

    /** One reconstructed image read from one file, before choosing the quantity. */
    record ComplexImage(Path file, double energyEv, int width, int height, float[] re, float[] im,
            double pixelWidthNm, double pixelHeightNm) {
    }

    /** A stack from one .cxi file, a folder of them, or several files. */
    public static SpectralStack read(Path fileOrFolder, CxiQuantity quantity, double pixelNm) throws IOException {
        return read(files(fileOrFolder), quantity, pixelNm);
    }

    /** The .cxi files of a folder (sorted by name), or the file itself. */
    static List<Path> files(Path fileOrFolder) throws IOException {
        if (Files.isDirectory(fileOrFolder)) {
            List<Path> out = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(fileOrFolder, "*.{cxi,CXI}")) {
                ds.forEach(out::add);
            }
            if (out.isEmpty()) {
                throw new IOException(fileOrFolder + ": no .cxi files in this folder; expected one per energy");
            }
            out.sort(Comparator.comparing(Path::toString));
            return out;
        }
        if (!Files.isRegularFile(fileOrFolder)) {
            throw new NoSuchFileException(fileOrFolder.toString(), null, "CXI file not found");
        }
        return List.of(fileOrFolder);
    }

    public static SpectralStack read(List<Path> files, CxiQuantity quantity, double pixelNm) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no CXI files given");
        }
        List<ComplexImage> images = new ArrayList<>();
        for (Path f : files) {
            images.add(readComplex(f));
        }
        images.sort(Comparator.comparingDouble(ComplexImage::energyEv));
        ComplexImage first = images.get(0);
        List<float[]> planes = new ArrayList<>();
        double[] energies = new double[images.size()];
        for (int k = 0; k < images.size(); k++) {
            ComplexImage c = images.get(k);
            if (c.width() != first.width() || c.height() != first.height()) {
                throw new IOException(c.file() + ": image is " + c.width() + " x " + c.height() + " px but "
                        + first.file().getFileName() + " is " + first.width() + " x " + first.height()
                        + "; every energy of a series must have the same size");
            }
            energies[k] = c.energyEv();
            planes.add(quantity(c, quantity));
        }
        Path name = files.size() == 1 ? files.get(0) : files.get(0).getParent() == null ? files.get(0)
                : files.get(0).getParent();
        return StackAssembly.build(name, planes, first.width(), first.height(), energies, first.pixelWidthNm(),
                first.pixelHeightNm(), pixelNm, null, null);
    }

    /** The chosen quantity of O; the optical density refuses pixels where |O| = 0 (infinite OD). */
    static float[] quantity(ComplexImage c, CxiQuantity q) throws IOException {
        float[] out = new float[c.re().length];
        int bad = 0;
        for (int i = 0; i < out.length; i++) {
            double re = c.re()[i];
            double im = c.im()[i];
            double t = re * re + im * im;
            switch (q) {
                case INTENSITY -> out[i] = (float) t;
                case PHASE -> out[i] = (float) Math.atan2(im, re);
                case OPTICAL_DENSITY -> {
                    if (!(t > 0) || !Double.isFinite(t)) {
                        bad++;
                    }
                    out[i] = (float) -Math.log(t);
                }
                default -> throw new IllegalStateException(q.toString());
            }
            if (q != CxiQuantity.OPTICAL_DENSITY && !Float.isFinite(out[i])) {
                bad++;
            }
        }
        if (bad > 0) {
            throw new IOException(c.file() + ": " + bad + " pixel(s) of " + DATA + " give no finite " + q.label()
                    + (q == CxiQuantity.OPTICAL_DENSITY ? " (|O| = 0 there)" : "")
                    + "; expected a finite, non-zero complex transmission");
        }
        return out;
    }

    static ComplexImage readComplex(Path file) throws IOException {
        try (HdfFile f = Hdf5Access.open(file)) {
            return readComplex(file, f);
        } catch (RuntimeException e) {
            throw Hdf5Access.damaged(file, e);
        }
    }

    private static ComplexImage readComplex(Path file, HdfFile f) throws IOException {
        Dataset data = Hdf5Access.dataset(file, f, DATA, "the reconstructed complex image of a CXI file");
        int[] dims = data.getDimensions();
        if (!(dims.length == 2 || dims.length == 3 && dims[0] == 1)) {
            throw new IOException(file + ": " + DATA + " has dimensions " + Arrays.toString(dims)
                    + "; expected one 2-D image (height x width)");
        }
        int h = dims[dims.length - 2];
        int w = dims[dims.length - 1];
        Hdf5Access.guardSize(file, data, DATA);
        Object flat = data.getDataFlat();
        float[] re;
        float[] im;
        if (flat instanceof Map<?, ?> m) {
            re = Hdf5Access.toFloats(m.containsKey("r") ? m.get("r") : m.get("real"));
            im = Hdf5Access.toFloats(m.containsKey("i") ? m.get("i") : m.get("imag"));
            if (re == null || im == null) {
                throw new IOException(file + ": " + DATA + " is a compound of " + m.keySet()
                        + "; expected the complex members r and i");
            }
        } else {
            throw new IOException(file + ": " + DATA + " holds " + data.getJavaType().getSimpleName()
                    + " values; expected complex numbers (a compound of r and i)");
        }
        if (re.length != (long) w * h || im.length != re.length) {
            throw new IOException(file + ": " + DATA + " holds " + re.length + " values; expected " + (long) w * h);
        }
        double[] e = Hdf5Access.doubles(file, Hdf5Access.dataset(file, f, ENERGY,
                "the photon energy in J"), ENERGY);
        if (e.length != 1) {
            throw new IOException(file + ": " + ENERGY + " has " + e.length + " values; expected one energy");
        }
        double energyEv = energyEv(file, e[0]);
        double[] pixel = pixelNm(file, f, energyEv);
        return new ComplexImage(file, energyEv, w, h, re, im, pixel[0], pixel[1]);
    }

    static double energyEv(Path file, double value) throws IOException {
        if (value > 0 && value < 1e-10) {
            return value / JOULE_PER_EV;
        }
        if (value >= 10 && value <= 1e6) {
            return value;
        }
        throw new IOException(file + ": " + ENERGY + " is " + value + "; expected a photon energy in J (CXI) or eV");
    }

    /** The pixel size (width, height) in nm by the rules in the class comment; NaN when the file has none. */
    private static double[] pixelNm(Path file, HdfFile f, double energyEv) throws IOException {
        Node pix = Hdf5Access.nodeOrNull(f, PIXNM);
        if (pix instanceof Dataset ds) {
            double[] v = Hdf5Access.doubles(file, ds, PIXNM);
            if (v.length >= 1) {
                return new double[] {v[0], v.length > 1 ? v[1] : v[0]};
            }
        }
        Node xs = Hdf5Access.nodeOrNull(f, "/entry_1/image_1/x_pixel_size");
        Node ys = Hdf5Access.nodeOrNull(f, "/entry_1/image_1/y_pixel_size");
        if (xs instanceof Dataset dx) {
            double px = Hdf5Access.doubles(file, dx, "/entry_1/image_1/x_pixel_size")[0] * 1e9;
            double py = ys instanceof Dataset dy ? Hdf5Access.doubles(file, dy, "/entry_1/image_1/y_pixel_size")[0]
                    * 1e9 : px;
            return new double[] {px, py};
        }
        Node corner = Hdf5Access.nodeOrNull(f, CORNER);
        if (corner instanceof Dataset dc) {
            double[] c = Hdf5Access.doubles(file, dc, CORNER);
            if (c.length == 3 && c[0] != 0 && c[1] != 0 && c[2] != 0) {
                double lambdaNm = HC_EV_NM / energyEv;
                return new double[] {lambdaNm * Math.abs(c[2]) / (2 * Math.abs(c[0])),
                    lambdaNm * Math.abs(c[2]) / (2 * Math.abs(c[1]))};
            }
        }
        return new double[] {Double.NaN, Double.NaN};
    }
}
