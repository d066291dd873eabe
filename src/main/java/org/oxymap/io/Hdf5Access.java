package org.oxymap.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

/**
 * What the HDF5 readers share on top of jHDF (a pure-Java HDF5 library): opening, typed access to datasets and
 * attributes, and a guard on how much a dataset may ask to allocate. jHDF reports problems with unchecked
 * exceptions; the readers turn them into IOExceptions naming the file and what was expected.
 */
final class Hdf5Access {

    private static final byte[] MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private Hdf5Access() {
    }

    /** True when the file starts with the HDF5 signature (or has it after a 512-byte user block). */
    static boolean isHdf5(Path file) throws IOException {
        try (var ch = Files.newByteChannel(file)) {
            for (long offset : new long[] {0, 512, 1024, 2048}) {
                if (ch.size() < offset + MAGIC.length) {
                    return false;
                }
                ch.position(offset);
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(MAGIC.length);
                while (b.hasRemaining() && ch.read(b) > 0) {
                    // fill
                }
                if (java.util.Arrays.equals(b.array(), MAGIC)) {
                    return true;
                }
            }
            return false;
        }
    }

    static HdfFile open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "HDF5 file not found");
        }
        if (!isHdf5(file)) {
            throw new IOException(file + ": not an HDF5 file (no HDF5 signature)");
        }
        try {
            return new HdfFile(file);
        } catch (RuntimeException e) {
            throw damaged(file, e);
        }
    }

    static IOException damaged(Path file, RuntimeException e) {
        return new IOException(file + ": not a readable HDF5 file (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
    }

    /** The node at {@code path}, or null when there is none. */
    static Node nodeOrNull(Group root, String path) {
        try {
            return root.getByPath(path);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Dataset dataset(Path file, Group root, String path, String expected) throws IOException {
        Node n = nodeOrNull(root, path);
        if (!(n instanceof Dataset ds)) {
            throw new IOException(file + ": no dataset " + path + (n == null ? "" : " (it is a group)")
                    + "; expected " + expected);
        }
        return ds;
    }

    /** An attribute as a string (first element of a string array), or null. */
    static String attributeString(Node node, String name) {
        try {
            Attribute a = node.getAttribute(name);
            if (a == null) {
                return null;
            }
            Object d = a.getData();
            if (d instanceof String s) {
                return s;
            }
            if (d instanceof String[] arr && arr.length > 0) {
                return arr[0];
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** An attribute as a list of strings (a string array, or one string split at ':' or ','), or null. */
    static String[] attributeStrings(Node node, String name) {
        try {
            Attribute a = node.getAttribute(name);
            if (a == null) {
                return null;
            }
            Object d = a.getData();
            if (d instanceof String[] arr) {
                return arr;
            }
            if (d instanceof String s) {
                return s.split("[:,]");
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A string dataset's value, or null. */
    static String stringOrNull(Node n) {
        if (!(n instanceof Dataset ds)) {
            return null;
        }
        try {
            Object d = ds.getData();
            if (d instanceof String s) {
                return s;
            }
            if (d instanceof String[] arr && arr.length > 0) {
                return arr[0];
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Refuses a dataset whose declared size could not be in this file (a damaged header). */
    static void guardSize(Path file, Dataset ds, String path) throws IOException {
        long n = ds.getSize();
        long bytes = ds.getSizeInBytes();
        long fileSize = Files.size(file);
        boolean filtered = !ds.getFilters().isEmpty();
        long limit = filtered ? Math.max(fileSize, 1) * 1024L : fileSize;
        if (n < 0 || bytes < 0 || n > Integer.MAX_VALUE - 16 || bytes > limit) {
            throw new IOException(file + ": dataset " + path + " declares " + n + " values (" + bytes + " bytes), more "
                    + "than a " + fileSize + "-byte file can hold; the file is damaged or truncated");
        }
    }

    /** Any numeric dataset (scalar or array, any rank) as a flat double array in C order. */
    static double[] doubles(Path file, Dataset ds, String path) throws IOException {
        guardSize(file, ds, path);
        Object d = ds.isScalar() ? ds.getData() : ds.getDataFlat();
        double[] out = toDoubles(d);
        if (out == null) {
            throw new IOException(file + ": dataset " + path + " holds " + ds.getJavaType().getSimpleName()
                    + " values; expected numbers");
        }
        return out;
    }

    /** Numeric arrays and boxed numbers as doubles; null for anything else. */
    static double[] toDoubles(Object d) {
        if (d instanceof Number n) {
            return new double[] {n.doubleValue()};
        }
        if (d instanceof double[] a) {
            return a;
        }
        if (!(d instanceof float[] || d instanceof int[] || d instanceof long[] || d instanceof short[]
                || d instanceof byte[])) {
            return null;
        }
        double[] out = new double[java.lang.reflect.Array.getLength(d)];
        for (int i = 0; i < out.length; i++) {
            out[i] = java.lang.reflect.Array.getDouble(d, i); // widening of every numeric primitive type
        }
        return out;
    }

    /** Numeric arrays as floats (no copy for float data); null for anything else. */
    static float[] toFloats(Object d) {
        if (d instanceof float[] a) {
            return a;
        }
        double[] v = toDoubles(d);
        if (v == null) {
            return null;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    /** The children of a group whose NX_class attribute is {@code nxClass}, in file order. */
    static java.util.List<Node> childrenOfClass(Group g, String nxClass) {
        java.util.List<Node> out = new java.util.ArrayList<>();
        Map<String, Node> children;
        try {
            children = g.getChildren();
        } catch (RuntimeException e) {
            return out;
        }
        for (Node n : children.values()) {
            if (nxClass.equals(attributeString(n, "NX_class"))) {
                out.add(n);
            }
        }
        return out;
    }
}
