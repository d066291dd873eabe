package org.oxymap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.profile.ProfileBin;

class ProfilePlotWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesOnePngForTheEnsembleAndOnePerParticle() throws IOException {
        List<ProfileBin> bins = new ArrayList<>();
        for (int particle : new int[] {3, 7, 0}) {
            for (int k = 0; k < 8; k++) {
                bins.add(new ProfileBin(particle, 5 + 10 * k, 0.6 - 0.05 * k, 0.01 + 0.005 * k, 100, 20));
            }
        }
        List<Path> files = ProfilePlotWriter.write(bins, "Mn3 fraction", dir);
        assertEquals(List.of(dir.resolve("profile_all.png"), dir.resolve("profile_3.png"),
                dir.resolve("profile_7.png")), files);
        BufferedImage image = ImageIO.read(files.get(0).toFile());
        assertEquals(ProfilePlotWriter.WIDTH, image.getWidth());
        assertEquals(ProfilePlotWriter.HEIGHT, image.getHeight());
        int white = 0;
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                white += rgb == 0xffffff ? 1 : 0;
                dark += (rgb & 0xff) < 0x60 && ((rgb >> 8) & 0xff) < 0x60 ? 1 : 0;
            }
        }
        assertTrue(white > image.getWidth() * image.getHeight() / 2, "white background");
        assertTrue(dark > 500, "axes, labels and error bars drawn: " + dark + " dark pixels");
    }
}
