package org.oxymap.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.oxymap.core.stack.SpectralStack;

/**
 * Reads a Stony Brook {@code .stk} stack (the X1A/NSLS format that stack_analyze, aXis2000 and MANTiS read).
 *
 * <p>Layout, all big-endian: three 32-bit integers nx, ny, nE; nx float32 x positions and ny float32 y positions
 * (µm; pixel size = range / (n − 1)); nE float32 energies (eV); nE float32 dwell times (ms); then nx·ny·nE float32
 * values, x fastest, then y, then energy. The file must be exactly that long.
 */
public final class StonyBrookStkReader {

    private StonyBrookStkReader() {
    }

    public static SpectralStack read(Path stk, double pixelNm) throws IOException {
        if (!Files.isRegularFile(stk)) {
            throw new NoSuchFileException(stk.toString(), null, "Stony Brook stack (.stk) not found");
        }
        long size = Files.size(stk);
        if (size < 12) {
            throw new IOException(stk + ": " + size + " bytes; expected at least the 12-byte header nx, ny, nE");
        }
        ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.BIG_ENDIAN);
        try (var ch = Files.newByteChannel(stk)) {
            while (head.hasRemaining() && ch.read(head) > 0) {
                // fill
            }
        }
        head.flip();
        long nx = head.getInt();
        long ny = head.getInt();
        long ne = head.getInt();
        if (nx < 1 || ny < 1 || ne < 1) {
            throw new IOException(stk + ": header says " + nx + " x " + ny + " pixels x " + ne + " energies; expected "
                    + "positive sizes (big-endian 32-bit integers)");
        }
        long expected = 12 + 4 * (nx + ny + 2 * ne) + StackAssembly.product(stk, "the sizes", 4, nx, ny, ne);
        if (size != expected) {
            throw new IOException(stk + ": " + size + " bytes, but a " + nx + " x " + ny + " x " + ne + " stack takes "
                    + expected + (size < expected ? "; the file is truncated" : "; the header does not match the data"));
        }
        int plane = StackAssembly.checkedCount(stk, nx * ny, "nx * ny");
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(stk)).order(ByteOrder.BIG_ENDIAN);
        b.position(12);
        double[] x = floats(b, (int) nx);
        double[] y = floats(b, (int) ny);
        double[] energies = floats(b, (int) ne);
        double[] dwell = floats(b, (int) ne);
        List<float[]> planes = new ArrayList<>();
        for (int k = 0; k < ne; k++) {
            float[] p = new float[plane];
            b.asFloatBuffer().get(p);
            b.position(b.position() + 4 * plane);
            planes.add(p);
        }
        return StackAssembly.build(stk, planes, (int) nx, (int) ny, energies, StackAssembly.step(x) * 1e3,
                StackAssembly.step(y) * 1e3, pixelNm, null, dwell);
    }

    private static double[] floats(ByteBuffer b, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = b.getFloat();
        }
        return out;
    }
}
