package org.oxymap.core.phantom;

import java.util.ArrayList;
import java.util.List;

/**
 * A grid of 16-px cells over a square scene, listing the discs that reach into each cell, so that a sample point
 * tests only the few discs near it. Discs are numbered by their index in the arrays given.
 */
final class DiscGrid {

    private static final int CELL_PX = 16;
    private static final int[] NONE = new int[0];
    private final int cells;
    private final int[][] lists;

    /**
     * @param xPx     disc centres, pixels
     * @param yPx     disc centres, pixels
     * @param reachPx how far each disc reaches from its centre, pixels (the caller adds any margin)
     * @param sizePx  the scene's side
     */
    DiscGrid(double[] xPx, double[] yPx, double[] reachPx, int sizePx) {
        this.cells = Math.max(1, (sizePx + CELL_PX - 1) / CELL_PX);
        List<List<Integer>> tmp = new ArrayList<>();
        for (int c = 0; c < cells * cells; c++) {
            tmp.add(new ArrayList<>());
        }
        for (int i = 0; i < xPx.length; i++) {
            double r = reachPx[i];
            int x0 = clamp((int) Math.floor((xPx[i] - r) / CELL_PX));
            int x1 = clamp((int) Math.floor((xPx[i] + r) / CELL_PX));
            int y0 = clamp((int) Math.floor((yPx[i] - r) / CELL_PX));
            int y1 = clamp((int) Math.floor((yPx[i] + r) / CELL_PX));
            for (int cy = y0; cy <= y1; cy++) {
                for (int cx = x0; cx <= x1; cx++) {
                    tmp.get(cy * cells + cx).add(i);
                }
            }
        }
        lists = new int[cells * cells][];
        for (int c = 0; c < lists.length; c++) {
            lists[c] = tmp.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private int clamp(int c) {
        return Math.max(0, Math.min(cells - 1, c));
    }

    /** The discs that may cover the point (x, y), in pixels; none outside the scene. */
    int[] candidates(double x, double y) {
        int cx = (int) Math.floor(x / CELL_PX);
        int cy = (int) Math.floor(y / CELL_PX);
        if (cx < 0 || cy < 0 || cx >= cells || cy >= cells) {
            return NONE;
        }
        return lists[cy * cells + cx];
    }
}
