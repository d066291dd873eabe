package org.oxymap.io;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.stream.IntStream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.jfree.chart.JFreeChart;

/**
 * Writes many independent plot files on every core, and encodes them quickly. Each chart is its own object, drawn
 * off screen into its own image and encoded to its own file, so the charts share nothing; the first failure is
 * rethrown as the IOException it was. A chart is drawn on an opaque RGB image (its background is white anyway) and
 * encoded with a light deflate setting: about twice as fast as JFreeChart's {@code saveChartAsPNG} (ARGB, the
 * PNG writer's strongest compression) on this machine, for files about 10% larger.
 */
final class PlotFiles {

    /** One plot file. */
    @FunctionalInterface
    interface Writer {
        void write(int index) throws IOException;
    }

    private PlotFiles() {
    }

    /** Compression quality of the PNG writer (0 = smallest file, slowest; 1 = no compression). */
    static final float PNG_QUALITY = 0.75f;

    /** Draws {@code chart} at {@code width × height} and writes it as a PNG. */
    static void savePng(JFreeChart chart, Path file, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height), null, null);
        } finally {
            g.dispose();
        }
        java.nio.file.Files.deleteIfExists(file); // the stream would not truncate a longer file
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            if (out == null) {
                throw new IOException(file + ": cannot be opened for writing");
            }
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(PNG_QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** Runs {@code writer} for 0 .. count − 1 in parallel. */
    static void inParallel(int count, Writer writer) throws IOException {
        System.setProperty("java.awt.headless", "true");
        try {
            IntStream.range(0, count).parallel().forEach(i -> {
                try {
                    writer.write(i);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
