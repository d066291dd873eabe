package org.oxymap.io;

import java.util.ArrayList;
import java.util.List;

/** The particle scene of the agglomerate tests: 128 x 128 px, meant for 20 nm pixels. */
public final class AgglomerateRegionsTestScene {

    static final int SIZE = 128;

    private AgglomerateRegionsTestScene() {
    }

    /** Hexagonal cluster (large), a triple (small) and a single particle (isolated), discs of 5 px. */
    public static int[] particles() {
        List<double[]> centres = new ArrayList<>();
        for (int j = -3; j <= 3; j++) {
            for (int i = -3; i <= 3; i++) {
                double x = 45 + (i + (j & 1) * 0.5) * 11.5;
                double y = 64 + j * 11.5 * Math.sqrt(3) / 2;
                if (Math.hypot(x - 45, y - 64) <= 30) {
                    centres.add(new double[] {x, y});
                }
            }
        }
        centres.add(new double[] {100, 25});
        centres.add(new double[] {111.5, 25});
        centres.add(new double[] {105.75, 35});
        centres.add(new double[] {105, 100});
        int[] labels = new int[SIZE * SIZE];
        for (int k = 0; k < centres.size(); k++) {
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    if (Math.hypot(x - centres.get(k)[0], y - centres.get(k)[1]) <= 5) {
                        labels[y * SIZE + x] = k + 1;
                    }
                }
            }
        }
        return labels;
    }

}
