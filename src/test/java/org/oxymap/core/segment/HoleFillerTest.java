package org.oxymap.core.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HoleFillerTest {

    private static boolean[] parse(String... rows) {
        boolean[] m = new boolean[rows.length * rows[0].length()];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[0].length(); x++) {
                m[y * rows[0].length() + x] = rows[y].charAt(x) == '#';
            }
        }
        return m;
    }

    @Test
    void enclosedBackgroundIsFilledOpenBackgroundIsNot() {
        boolean[] in = parse(
                ".......",
                ".####..",
                ".#..#..",
                ".####..",
                "....#..",
                "....#.#",
                "......#");
        boolean[] expected = parse(
                ".......",
                ".####..",
                ".####..",
                ".####..",
                "....#..",
                "....#.#",
                "......#");
        assertArrayEquals(expected, HoleFiller.fill(in, 7, 7));
    }

    /** A hole whose rim is closed only diagonally is still a hole: background is 4-connected. */
    @Test
    void diagonalGapInTheRimDoesNotLetTheOutsideIn() {
        boolean[] in = parse(
                ".....",
                "..#..",
                ".#.#.",
                "..#..",
                ".....");
        boolean[] out = HoleFiller.fill(in, 5, 5);
        assertTrue(out[2 * 5 + 2], "centre filled");
        assertFalse(out[0], "outside stays background");
    }

    @Test
    void backgroundTouchingTheBorderIsNotAHole() {
        boolean[] in = parse(
                "#.#",
                "#.#",
                "###");
        assertArrayEquals(in, HoleFiller.fill(in, 3, 3));
    }

    private static int[] parseLabels(String... rows) {
        int[] m = new int[rows.length * rows[0].length()];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[0].length(); x++) {
                char c = rows[y].charAt(x);
                m[y * rows[0].length() + x] = c == '.' ? 0 : c - '0';
            }
        }
        return m;
    }

    @Test
    void holeInsideOneLabelIsFilledGapEnclosedByTwoLabelsIsNot() {
        // left: particle 1 with a two-pixel pore; right: particles 2 and 3 enclose a gap between them
        int[] labels = parseLabels(
                "..........",
                ".1111.222.",
                ".1..1.2.3.",
                ".1..1.2.3.",
                ".1111.333.",
                "..........");
        boolean[] expected = parse(
                "..........",
                ".####.###.",
                ".####.#.#.",
                ".####.#.#.",
                ".####.###.",
                "..........");
        assertArrayEquals(expected, HoleFiller.fillWithinLabels(labels, 10, 6));
    }

    @Test
    void diagonalNeighbourOfAnotherLabelKeepsTheHoleOpen() {
        // the hole's 4-connected pixels touch only label 1, but label 2 closes its corner diagonally
        int[] labels = parseLabels(
                ".....",
                ".111.",
                ".1.1.",
                ".112.",
                ".....");
        boolean[] expected = parse(
                ".....",
                ".###.",
                ".#.#.",
                ".###.",
                ".....");
        assertArrayEquals(expected, HoleFiller.fillWithinLabels(labels, 5, 5));
    }
}
