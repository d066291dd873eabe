package org.oxymap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code oxymap run} with the particle options: the extra profile files and plots, the particle table's shape
 * columns and flags, the options kept in params.json, and {@code --particles} with the label image of an earlier run
 * giving the same profiles without segmenting.
 */
class RunParticlesCliTest {

    @TempDir
    Path tmp;

    @Test
    void particleOptionsAndParticlesFromAFile() throws IOException {
        Path phantom = tmp.resolve("phantom");
        OxyMapCliTest.Result r = OxyMapCliTest.cli("phantom", "--out", phantom.toString(), "--seed", "7", "--drift",
                "0", "--size", "96");
        assertEquals(0, r.code(), r.err());
        String refs = phantom.resolve("references/Mn2.csv") + "," + phantom.resolve("references/Mn3.csv") + ","
                + phantom.resolve("references/Mn4.csv");
        Path first = tmp.resolve("first");
        r = OxyMapCliTest.cli("run", "--stack", phantom.resolve("stack.tif").toString(), "--references", refs,
                "--out", first.toString(), "--no-align", "--threshold", "li", "--sectors", "4", "--normalise-distance",
                "--watershed-h-nm", "15", "--min-solidity", "0.85", "--fill-holes=false");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("profiles_sectors.csv", "profiles_normalised.csv", "plots/profile_all.png")) {
            assertTrue(Files.isRegularFile(first.resolve(f)), f);
        }
        List<String> particles = Files.readAllLines(first.resolve("particles/particles.csv"));
        assertTrue(particles.get(0).endsWith(",circularity,solidity,profiled,flags"), particles.get(0));
        long plots;
        try (var s = Files.list(first.resolve("plots"))) {
            plots = s.filter(f -> f.getFileName().toString().startsWith("profile_")).count();
        }
        long profiled = particles.stream().skip(1).filter(l -> l.contains(",true,")).count();
        assertEquals(profiled + 1, plots, "one profile plot per profiled particle and one for the ensemble");
        String params = Files.readString(first.resolve("params.json"));
        assertTrue(params.contains("\"threshold\": \"li\"") && params.contains("\"sectors\": 4")
                && params.contains("\"fill_holes\": false") && params.contains("\"watershed_h_nm\": 15.0"), params);

        Path second = tmp.resolve("second");
        Path labels = first.resolve("particles/labels.tif");
        r = OxyMapCliTest.cli("run", "--stack", phantom.resolve("stack.tif").toString(), "--references", refs,
                "--out", second.toString(), "--params", first.resolve("params.json").toString(), "--particles",
                labels.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readAllLines(first.resolve("profiles.csv")),
                Files.readAllLines(second.resolve("profiles.csv")));
        assertEquals(Files.readAllLines(first.resolve("profiles_sectors.csv")),
                Files.readAllLines(second.resolve("profiles_sectors.csv")));
        String params2 = Files.readString(second.resolve("params.json"));
        assertTrue(params2.contains("\"particles\"") && params2.contains("\"particles_source\": \"given\""), params2);

        Path third = tmp.resolve("third");
        r = OxyMapCliTest.cli("run", "--stack", phantom.resolve("stack.tif").toString(), "--references", refs,
                "--out", third.toString(), "--particles", phantom.resolve("stack.energies.txt").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("stack.energies.txt") && r.err().contains(".roi"), r.err());
        assertFalse(Files.exists(third), "no results folder after an error");
    }
}
