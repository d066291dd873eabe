package org.oxymap.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.WindowManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oxymap.core.edge.CalibrationLine;
import org.oxymap.core.edge.EdgeEnergyMethod;
import org.oxymap.core.edge.EdgeMapSettings;
import org.oxymap.core.progress.ProgressListener;
import org.oxymap.core.stack.SpectralStack;
import org.oxymap.io.CalibrationTable;
import org.oxymap.io.EdgeMapRunner;
import org.oxymap.io.EnergyListFile;
import org.oxymap.io.TiffStackIO;

/**
 * OxyMap Edge-Energy Map from macro options, headless, on a synthetic OD stack of arctan edges whose centres are
 * known (the half-height of an arctan edge is its centre): the maps are the known edges, the valence follows the
 * calibration line, and every map equals the CLI's ({@code oxymap edge --od}) float for float.
 */
public class EdgeEnergyMapPluginTest {

    static final int W = 12;
    static final int H = 8;

    /** Edge centre of pixel i (eV); the first row has a jump of 0.01 OD, below the threshold. */
    static double trueEdge(int i) {
        return 6544 + 0.08 * i;
    }

    /** The stack file (with its energies sidecar) and its calibration table. */
    public static Path[] writeOdStack(Path dir) throws IOException {
        List<Double> ev = new ArrayList<>();
        for (double e = 6520; e <= 6575; e += 0.5) {
            ev.add(e);
        }
        double[] energies = ev.stream().mapToDouble(Double::doubleValue).toArray();
        List<float[]> planes = new ArrayList<>();
        for (double e : energies) {
            float[] p = new float[W * H];
            for (int i = 0; i < p.length; i++) {
                double jump = i < W ? 0.01 : 0.8;
                p[i] = (float) (0.1 + jump * (0.5 + Math.atan((e - trueEdge(i)) / 0.7) / Math.PI));
            }
            planes.add(p);
        }
        Path stack = dir.resolve("edge_od.tif");
        TiffStackIO.write(SpectralStack.wrap(planes, W, H, energies, 25), stack);
        EnergyListFile.write(EnergyListFile.sidecarOf(stack), energies);
        Path cal = dir.resolve("cal.csv");
        CalibrationTable.write(cal, CalibrationLine.of(6536.0, 4.0, 1.0, 0.3, -0.29), "half-height", List.of());
        return new Path[] {stack, cal};
    }

    @Test
    void mapsAreTheKnownEdgesAndEqualTheCli(@TempDir Path tmp) throws Exception {
        Path[] files = writeOdStack(tmp);
        assertNull(MacroRunner.runWithOptions(new EdgeEnergyMapPlugin(), "stack=[" + files[0] + "] method=half-height "
                + "pre_edge_max_ev=6530 post_edge_min_ev=6560 min_jump=0.1 calibration=[" + files[1] + "]"));
        ImagePlus edge = WindowManager.getImage("edge_energy");
        ImagePlus mask = WindowManager.getImage("edge_mask");
        ImagePlus valence = WindowManager.getImage("valence_edge");
        ImagePlus sigma = WindowManager.getImage("valence_edge_sigma");
        assertNotNull(edge);
        assertNotNull(mask);
        assertNotNull(valence);
        assertNotNull(sigma);
        assertEquals("nm", edge.getCalibration().getUnit());
        assertEquals(25, edge.getCalibration().pixelWidth, 1e-9);
        assertEquals("eV", edge.getCalibration().getValueUnit());
        float[] e = (float[]) edge.getProcessor().getPixels();
        float[] m = (float[]) mask.getProcessor().getPixels();
        float[] v = (float[]) valence.getProcessor().getPixels();
        float[] s = (float[]) sigma.getProcessor().getPixels();
        for (int i = 0; i < W * H; i++) {
            if (i < W) {
                assertEquals(0f, m[i]);
                assertEquals(EdgeMapSettings.FILL_VALUE, e[i]);
                assertEquals(EdgeMapSettings.FILL_VALUE, v[i]);
                continue;
            }
            assertEquals(1f, m[i]);
            assertEquals(trueEdge(i), e[i], 0.2);
            double vv = (e[i] - 6536.0) / 4.0;
            assertEquals(vv, v[i], 1e-4);
            assertEquals(Math.sqrt(1.0 + vv * vv * 0.09 - 2 * vv * 0.29) / 4.0, s[i], 1e-4);
        }
        // the display range spans the measured edges, not the fill value
        assertTrue(edge.getDisplayRangeMin() > 6540, "display from " + edge.getDisplayRangeMin());

        Path out = tmp.resolve("cli");
        EdgeMapRunner.run(files[0], null, Double.NaN, true, new EdgeMapSettings(EdgeEnergyMethod.HALF_HEIGHT, 6530,
                6560, 0.1), files[1], out, ProgressListener.NONE);
        assertArrayEquals(TiffStackIO.readMap(out.resolve("maps/edge_energy.tif")), e);
        assertArrayEquals(TiffStackIO.readMap(out.resolve("maps/edge_mask.tif")), m);
        assertArrayEquals(TiffStackIO.readMap(out.resolve("maps/valence_edge.tif")), v);
        assertArrayEquals(TiffStackIO.readMap(out.resolve("maps/valence_edge_sigma.tif")), s);
        assertArrayEquals(TiffStackIO.readMap(out.resolve("maps/edge_jump.tif")),
                (float[]) WindowManager.getImage("edge_jump").getProcessor().getPixels());
    }

    @Test
    void maxDerivativeOnTheCurrentImageWithoutCalibration(@TempDir Path tmp) throws Exception {
        Path[] files = writeOdStack(tmp);
        ImagePlus od = ImportStackPlugin.open(files[0], null, Double.NaN, org.oxymap.io.StackReadOptions.defaults());
        StepResult r = EdgeEnergyMapPlugin.edgeEnergyMap(od, "max-derivative", 6530, 6560, 0.1, "");
        assertEquals(List.of("edge_energy", "edge_jump", "edge_mask"),
                r.images().stream().map(ImagePlus::getTitle).toList());
        float[] e = (float[]) r.image("edge_energy").getProcessor().getPixels();
        for (int i = W; i < W * H; i++) {
            assertEquals(trueEdge(i), e[i], 0.1);
        }
        assertTrue(r.summary().contains("measured in 84 of 96 pixels"), r.summary());
        Throwable t = MacroRunner.runWithOptions(new EdgeEnergyMapPlugin(), "stack=[" + files[0] + "] method=steepest");
        assertNotNull(t);
        assertTrue(t.getMessage().contains("steepest") && t.getMessage().contains("max-derivative"),
                t.getMessage());
    }
}
