package org.oxymap.core.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ConnectedComponentLabelerTest {

    private static boolean[] parse(String... rows) {
        int w = rows[0].length();
        boolean[] fg = new boolean[w * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < w; x++) {
                fg[y * w + x] = rows[y].charAt(x) == '#';
            }
        }
        return fg;
    }

    /** Reference: breadth-first flood fill started at each unlabelled foreground pixel in raster order. */
    private static int[] floodFill(boolean[] fg, int w, int h, boolean eight) {
        int[] labels = new int[w * h];
        int next = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < fg.length; start++) {
            if (!fg[start] || labels[start] != 0) {
                continue;
            }
            labels[start] = ++next;
            queue.add(start);
            while (!queue.isEmpty()) {
                int p = queue.poll();
                int px = p % w;
                int py = p / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if ((dx == 0 && dy == 0) || (!eight && dx != 0 && dy != 0)) {
                            continue;
                        }
                        int x = px + dx;
                        int y = py + dy;
                        if (x >= 0 && x < w && y >= 0 && y < h && fg[y * w + x] && labels[y * w + x] == 0) {
                            labels[y * w + x] = next;
                            queue.add(y * w + x);
                        }
                    }
                }
            }
        }
        return labels;
    }

    @Test
    void diagonalTouchSeparatesFourFromEightConnectivity() {
        boolean[] fg = parse(
                "#..#",
                ".#..",
                "..#.");
        assertArrayEquals(new int[] {1, 0, 0, 2, 0, 3, 0, 0, 0, 0, 4, 0},
                ConnectedComponentLabeler.label(fg, 4, 3, false));
        assertArrayEquals(new int[] {1, 0, 0, 2, 0, 1, 0, 0, 0, 0, 1, 0},
                ConnectedComponentLabeler.label(fg, 4, 3, true));
    }

    @Test
    void antiDiagonalNeedsNorthEastNeighbour() {
        boolean[] fg = parse(
                "..#",
                ".#.",
                "#..");
        assertEquals(1, ConnectedComponentLabeler.count(ConnectedComponentLabeler.label(fg, 3, 3, true)));
        assertEquals(3, ConnectedComponentLabeler.count(ConnectedComponentLabeler.label(fg, 3, 3, false)));
    }

    @Test
    void uShapeAndSpiralAreMergedIntoOneLabel() {
        boolean[] u = parse(
                "#.#.#",
                "#.#.#",
                "#####");
        int[] expectedU = {1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1};
        assertArrayEquals(expectedU, ConnectedComponentLabeler.label(u, 5, 3, false));
        boolean[] spiral = parse(
                "#######",
                "......#",
                "#####.#",
                "#...#.#",
                "#.#.#.#",
                "#.###.#",
                "#.....#",
                "#######");
        int[] labels = ConnectedComponentLabeler.label(spiral, 7, 8, false);
        for (int i = 0; i < labels.length; i++) {
            assertEquals(spiral[i] ? 1 : 0, labels[i], "pixel " + i);
        }
    }

    @Test
    void randomImagesMatchFloodFill() {
        Random random = new Random(2024);
        int[][] sizes = {{1, 1}, {1, 30}, {30, 1}, {37, 23}, {64, 64}, {5, 100}};
        for (int[] size : sizes) {
            int w = size[0];
            int h = size[1];
            for (double p : new double[] {0.2, 0.45, 0.6, 0.9}) {
                boolean[] fg = new boolean[w * h];
                for (int i = 0; i < fg.length; i++) {
                    fg[i] = random.nextDouble() < p;
                }
                for (boolean eight : new boolean[] {false, true}) {
                    assertArrayEquals(floodFill(fg, w, h, eight), ConnectedComponentLabeler.label(fg, w, h, eight),
                            w + "x" + h + " p=" + p + " eight=" + eight);
                }
            }
        }
    }

    @Test
    void removeSmallDropsComponentsAndRenumbers() {
        boolean[] fg = parse(
                "#..##",
                "...##",
                "#....",
                "##.#.");
        int[] labels = ConnectedComponentLabeler.label(fg, 5, 4, false);
        assertArrayEquals(new int[] {1, 0, 0, 2, 2, 0, 0, 0, 2, 2, 3, 0, 0, 0, 0, 3, 3, 0, 4, 0}, labels);
        int[] kept = ConnectedComponentLabeler.removeSmall(labels, 5, 4, 3);
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 2, 0, 0, 0, 0, 2, 2, 0, 0, 0}, kept);
        assertEquals(2, ConnectedComponentLabeler.count(kept));
        assertArrayEquals(labels, ConnectedComponentLabeler.removeSmall(labels, 5, 4, 1));
        assertEquals(1, ConnectedComponentLabeler.count(ConnectedComponentLabeler.removeSmall(labels, 5, 4, 4)));
        assertEquals(0, ConnectedComponentLabeler.count(ConnectedComponentLabeler.removeSmall(labels, 5, 4, 5)));
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ConnectedComponentLabeler.label(new boolean[5], 2, 2, true));
        assertThrows(IllegalArgumentException.class, () -> ConnectedComponentLabeler.label(null, 2, 2, true));
        assertThrows(IllegalArgumentException.class, () -> ConnectedComponentLabeler.removeSmall(new int[4], 2, 2, -1));
        assertThrows(IllegalArgumentException.class, () -> ConnectedComponentLabeler.count(new int[] {0, -2}));
        assertThrows(IllegalArgumentException.class,
                () -> ConnectedComponentLabeler.removeSmall(new int[] {0, 9, 0, 0}, 2, 2, 1));
    }
}
