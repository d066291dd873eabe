package org.oxymap.core.stoichiometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StoichiometryAnalysisTest {

    private static final double M_LI = 6.94;
    private static final double M_MN = 54.938043;
    private static final double M_O = 15.999;

    static final ChemicalFormula PAPER = ChemicalFormula.parse("Li1.18Ni0.21Mn0.53Co0.08O2");

    static Map<String, Double> states(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    static StoichiometryResult run(String formula, Map<String, Double> pristine, Map<String, Double> cycled) {
        return StoichiometryAnalysis.run(StoichiometryInput.of(ChemicalFormula.parse(formula),
                OxidationStates.exact(pristine), OxidationStates.exact(cycled)));
    }

    @Test
    void mno2ToMn2o3LosesAQuarterOfItsOxygen() {
        // MnO2 with Mn4+: 2·2 = 4, δ = 0. Mn3+: O = 3/2 = 1.5 (MnO1.5 = Mn2O3), δ = 0.5;
        // released = 0.5/2 = 25 at.% exactly.
        StoichiometryResult r = run("MnO2", states("Mn", 4), states("Mn", 3));
        assertEquals(0, r.deltaPristine().value(), 1e-15);
        assertEquals(0.5, r.deltaCycled().value(), 1e-15);
        assertEquals(25.0, r.oxygenReleasedAtPct().value(), 1e-12);
        assertEquals("[Mn][O1.5□0.5]", r.vacancyFormula());
        // Vacancy density, same volume per anion site: (54.938043 + 1.5·15.999)/(54.938043 + 2·15.999)
        // = 78.9365305/86.936043 = 0.907984...
        assertEquals((M_MN + 1.5 * M_O) / (M_MN + 2 * M_O), r.densityVacancyRel().value(), 1e-12);
        // Densified: S = 1 cation site, x' + y' = 1, x' + 3y' = 4 -> y' = 1.5, x' = -0.5: impossible without Li.
        assertEquals(1.5, r.get("tm_densified").value(), 1e-12);
        assertEquals(-0.5, r.get("li_densified").value(), 1e-12);
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("negative Li content")), r.warnings().toString());
        assertFalse(r.hasUncertainty());
        assertFalse(r.toMap().containsKey("delta_cycled_se"));
    }

    @Test
    void li2mno3HandComputed() {
        // Li2MnO3, Mn4+: 2 + 4 = 6 = 2·3, δ = 0. Mn3.5: Q = 5.5, O = 2.75, δ = 0.25, released = 0.25/3 = 8.333 %.
        // Densified: S = 3, n = 3: x' + y' = 3, x' + 3.5y' = 6 -> y' = 3/2.5 = 1.2, x' = 1.8, Li:TM = 1.5 (vacancy: 2).
        // Molar masses: pristine 2·6.94 + 54.938043 + 3·15.999 = 116.815043;
        // vacancy 13.88 + 54.938043 + 2.75·15.999 = 112.81529; densified 1.8·6.94 + 1.2·54.938043 + 47.997
        // = 126.4146516; relative densities 0.965760... and 1.082178...
        StoichiometryResult r = run("Li2MnO3", states("Mn", 4), states("Mn", 3.5));
        assertEquals(0, r.deltaPristine().value(), 1e-15);
        assertEquals(0.25, r.deltaCycled().value(), 1e-15);
        assertEquals(100.0 / 12, r.oxygenReleasedAtPct().value(), 1e-12);
        assertEquals(2.0, r.liTmVacancy().value(), 1e-15);
        assertEquals(1.5, r.liTmDensified().value(), 1e-12);
        assertEquals("[Li2Mn][O2.75□0.25]", r.vacancyFormula());
        assertEquals("[Li1.8Mn1.2][O3]", r.densifiedFormula());
        double mp = 2 * M_LI + M_MN + 3 * M_O;
        assertEquals((2 * M_LI + M_MN + 2.75 * M_O) / mp, r.densityVacancyRel().value(), 1e-12);
        assertEquals((1.8 * M_LI + 1.2 * M_MN + 3 * M_O) / mp, r.densityDensifiedRel().value(), 1e-12);
        assertEquals(0.965760, r.densityVacancyRel().value(), 1e-6);
        assertEquals(1.082178, r.densityDensifiedRel().value(), 1e-6);
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void spinelLimn2o4() {
        // LiMn2O4, Mn3.5: 1 + 7 = 8 = 2·4, δ = 0. Mn3.25: Q = 7.5, O = 3.75, δ = 0.25, released 0.25/4 = 6.25 %.
        StoichiometryResult r = run("LiMn2O4", states("Mn", 3.5), states("Mn", 3.25));
        assertEquals(0, r.deltaPristine().value(), 1e-15);
        assertEquals(0.25, r.deltaCycled().value(), 1e-15);
        assertEquals(6.25, r.oxygenReleasedAtPct().value(), 1e-12);
    }

    @Test
    void fluorineIsAFixedAnionOnTheAnionLattice() {
        // Li2MnO2F (disordered rock salt), Mn3+: 2 + 3 = 5 = 2·2 + 1, δ = 0. Mn2.8: Q = 4.8, O = (4.8 − 1)/2 = 1.9,
        // δ = 0.1, released 5 %. Densified: S = 3 cations on 3 anion sites, x' + y' = 3, x' + 2.8y' = 2·2 + 1 = 5
        // -> y' = 2/1.8 = 1.1111, x' = 1.8889.
        StoichiometryResult r = run("Li2MnO2F", states("Mn", 3), states("Mn", 2.8));
        assertEquals(0, r.deltaPristine().value(), 1e-15);
        assertEquals(0.1, r.deltaCycled().value(), 1e-12);
        assertEquals(5.0, r.oxygenReleasedAtPct().value(), 1e-12);
        assertEquals(2 / 1.8, r.get("tm_densified").value(), 1e-12);
        assertEquals("[Li2Mn][O1.9F□0.1]", r.vacancyFormula());
        assertEquals("[Li1.8889Mn1.1111][O2F]", r.densifiedFormula());
    }

    @Test
    void papersCompositionIsBalancedWithinRounding() {
        // Li1.18Ni0.21Mn0.53Co0.08O2 with Ni2+, Mn4+, Co3+: Q = 1.18 + 0.42 + 2.12 + 0.24 = 3.96, O = 1.98,
        // δ = 0.020. Not exactly 0: the amounts are rounded to 0.01, and ±0.005 on each moves Q by up to
        // 0.005·(1 + 2 + 4 + 3) = 0.05, i.e. δ by up to 0.025. So δ = 0.02 is zero within the formula's rounding.
        StoichiometryResult r = StoichiometryAnalysis.run(StoichiometryInput.of(PAPER,
                OxidationStates.exact(states("Ni", 2, "Mn", 4, "Co", 3)),
                OxidationStates.exact(states("Ni", 2, "Mn", 3.7, "Co", 2.9))));
        assertEquals(0.02, r.deltaPristine().value(), 1e-12);
        assertTrue(Math.abs(r.deltaPristine().value()) <= 0.025);
        // Cycled: Q = 1.18 + 0.42 + 0.53·3.7 + 0.08·2.9 = 3.793, O = 1.8965, δ = 0.1035;
        // released = (1.98 − 1.8965)/1.98 = 4.2172 %.
        assertEquals(0.1035, r.deltaCycled().value(), 1e-12);
        assertEquals(100 * 0.0835 / 1.98, r.oxygenReleasedAtPct().value(), 1e-10);
        assertEquals("[Li1.18Ni0.21Mn0.53Co0.08][O1.8965□0.1035]", r.vacancyFormula());
        // v̄ = (3.793 − 1.18)/0.82 = 3.186585; for O2 with S = 2: y' = 2/(v̄ − 1), Li:TM = 2/y' − 1 = v̄ − 2.
        double vbar = 2.613 / 0.82;
        assertEquals(vbar, r.get("tm_valence_cycled").value(), 1e-12);
        assertEquals(1.18 / 0.82, r.liTmVacancy().value(), 1e-14);
        assertEquals(vbar - 2, r.liTmDensified().value(), 1e-12);
        assertEquals("[Li1.0853Ni0.2342Mn0.5912Co0.0892][O2]", r.densifiedFormula());
        // relative densities, same volume per anion site (values from the masses above): 0.98447, 1.05803
        assertEquals(0.9844705388, r.densityVacancyRel().value(), 1e-9);
        assertEquals(1.0580276794, r.densityDensifiedRel().value(), 1e-9);
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void monteCarloAndFirstOrderUncertaintiesAgree() {
        OxidationStates pristine = new OxidationStates(states("Ni", 2, "Mn", 4, "Co", 3), states("Mn", 0.03));
        OxidationStates cycled = new OxidationStates(states("Ni", 2, "Mn", 3.7, "Co", 2.9),
                states("Ni", 0.05, "Mn", 0.05, "Co", 0.05));
        StoichiometryResult r = StoichiometryAnalysis.run(StoichiometryInput.of(PAPER, pristine, cycled)
                .withLiTm(1.30, 0.02).withPristineDensity(4.2).withDensity(4.30, 0.03));
        // hand: σ(Q_c) = 0.05·sqrt(0.21² + 0.53² + 0.08²) = 0.0287837, σ(δ_c) = σ(Q_c)/2 = 0.01439185;
        // σ(Li:TM densified) = σ(v̄) = σ(Q_c)/0.82 = 0.0351021.
        double sqc = 0.05 * Math.sqrt(0.21 * 0.21 + 0.53 * 0.53 + 0.08 * 0.08);
        assertEquals(sqc / 2, r.deltaCycled().se(), 1e-12);
        assertEquals(0.03 * 0.53 / 2, r.deltaPristine().se(), 1e-12);
        assertEquals(sqc / 0.82, r.liTmDensified().se(), 1e-12);
        assertEquals(0, r.liTmVacancy().se(), 0);
        assertTrue(r.hasUncertainty());
        int compared = 0;
        for (Map.Entry<String, Quantity> e : r.quantities().entrySet()) {
            Quantity q = e.getValue();
            if (q.se() == 0) {
                continue;
            }
            // 20000 samples: the Monte Carlo SD itself scatters by ~0.5 %; the model is nearly linear here, except
            // the densification fraction, a ratio whose denominator b − a = −0.252 has a 14 % relative spread
            // (σ_b = 0.035): its second-order terms add ~3·0.14² ≈ 6 % to the variance (measured: MC 0.1159 vs
            // first order 0.1102, +5 %).
            double tolerance = e.getKey().startsWith("densification_fraction") ? 0.08 : 0.03;
            assertEquals(q.se(), q.seMonteCarlo(), tolerance * q.se(), e.getKey());
            compared++;
        }
        // With 5× smaller valence errors the fraction becomes linear too and the two agree to 3 %.
        StoichiometryResult precise = StoichiometryAnalysis.run(StoichiometryInput.of(PAPER, pristine,
                new OxidationStates(cycled.valences(), states("Ni", 0.01, "Mn", 0.01, "Co", 0.01))).withLiTm(1.30, 0.004));
        Quantity phi = precise.get("densification_fraction_li_tm");
        assertEquals(phi.se(), phi.seMonteCarlo(), 0.03 * phi.se());
        assertTrue(compared >= 12, "compared " + compared);
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        Map<String, Object> m = r.toMap();
        for (String k : List.of("delta_pristine", "delta_cycled", "oxygen_released_at_pct", "li_tm_densified",
                "density_vacancy_rel", "density_densified_rel")) {
            assertTrue(m.containsKey(k + "_se") && m.containsKey(k + "_se_mc"), k);
        }
    }

    @Test
    void measuredLiTmBetweenTheModelsIsAMix() {
        // a = 1.18/0.82 = 1.439024, b = v̄ − 2 = 1.186585; φ = (1.30 − a)/(b − a) = 0.55072.
        // σ(φ)² = (σ_m/(b − a))² + ((a − m)/(b − a)²·σ_b)² = 0.07923² + 0.07658² -> σ(φ) = 0.1102.
        OxidationStates cycled = new OxidationStates(states("Ni", 2, "Mn", 3.7, "Co", 2.9),
                states("Ni", 0.05, "Mn", 0.05, "Co", 0.05));
        StoichiometryResult r = StoichiometryAnalysis.run(StoichiometryInput.of(PAPER,
                OxidationStates.exact(states("Ni", 2, "Mn", 4, "Co", 3)), cycled).withLiTm(1.30, 0.02));
        double a = 1.18 / 0.82;
        double b = 2.613 / 0.82 - 2;
        ModelSupport s = r.liTm().orElseThrow();
        assertEquals((1.30 - a) / (b - a), s.densificationFraction().value(), 1e-12);
        double sb = 0.05 * Math.sqrt(0.21 * 0.21 + 0.53 * 0.53 + 0.08 * 0.08) / 0.82;
        double expectedSe = Math.hypot(0.02 / (b - a), (a - 1.30) / ((b - a) * (b - a)) * sb);
        assertEquals(expectedSe, s.densificationFraction().se(), 1e-12);
        assertEquals(0.1102, expectedSe, 1e-4);
        assertEquals("mixed", s.verdict());

        StoichiometryResult vac = StoichiometryAnalysis.run(StoichiometryInput.of(PAPER,
                OxidationStates.exact(states("Ni", 2, "Mn", 4, "Co", 3)), cycled).withLiTm(1.44, 0.02));
        assertEquals("vacancy", vac.liTm().orElseThrow().verdict());
        StoichiometryResult dens = StoichiometryAnalysis.run(StoichiometryInput.of(PAPER,
                OxidationStates.exact(states("Ni", 2, "Mn", 4, "Co", 3)), cycled).withLiTm(1.19, 0.02));
        assertEquals("densified", dens.liTm().orElseThrow().verdict());
    }

    @Test
    void densityFromPristineDensityOrCellVolumesAgree() {
        // Pristine 4.2 g/cm³ fixes the volume per formula unit: V = M_p/(N_A·ρ) = 86.02465/(0.602214·4.2) = 34.0113 Å³.
        // Giving that volume instead must give the same absolute densities (vacancy 4.13478, densified 4.44372).
        StoichiometryInput base = StoichiometryInput.of(PAPER, OxidationStates.exact(states("Ni", 2, "Mn", 4, "Co", 3)),
                OxidationStates.exact(states("Ni", 2, "Mn", 3.7, "Co", 2.9)));
        StoichiometryResult byDensity = StoichiometryAnalysis.run(base.withPristineDensity(4.2));
        double massP = byDensity.get("molar_mass_pristine_g_mol").value();
        double v = massP / (0.602214076 * 4.2);
        assertEquals(34.0113, v, 1e-4);
        StoichiometryResult byVolume = StoichiometryAnalysis.run(base.withCellVolumes(v, Double.NaN));
        assertEquals(4.134776, byDensity.get("density_vacancy_g_cm3").value(), 1e-6);
        assertEquals(4.443716, byDensity.get("density_densified_g_cm3").value(), 1e-6);
        assertEquals(byDensity.get("density_vacancy_g_cm3").value(), byVolume.get("density_vacancy_g_cm3").value(),
                1e-12);
        // A cycled cell 2 % smaller raises both model densities by 1/0.98.
        StoichiometryResult shrunk = StoichiometryAnalysis.run(base.withCellVolumes(v, 0.98 * v));
        assertEquals(byVolume.densityDensifiedRel().value() / 0.98, shrunk.densityDensifiedRel().value(), 1e-12);
        assertEquals(byVolume.densityVacancyRel().value() / 0.98, shrunk.densityVacancyRel().value(), 1e-12);
        // A measured density of 4.40 g/cm³: φ = (4.40/4.2 − 0.98447)/(1.05803 − 0.98447) = 0.8586 -> mixed (no σ)
        StoichiometryResult measured = StoichiometryAnalysis.run(base.withPristineDensity(4.2).withDensity(4.40, 0));
        double phi = (4.40 / 4.2 - 0.9844705388) / (1.0580276794 - 0.9844705388);
        assertEquals(phi, measured.density().orElseThrow().densificationFraction().value(), 1e-8);
        assertEquals("mixed", measured.density().orElseThrow().verdict());
    }

    @Test
    void impossibleInputsAreFlagged() {
        // Mn5+ in the pristine paper composition: Q = 3.96 + 0.53 = 4.49, O = 2.245 > 2 sites: δ = −0.245.
        StoichiometryResult tooMuch = StoichiometryAnalysis.run(StoichiometryInput.of(PAPER,
                OxidationStates.exact(states("Ni", 2, "Mn", 5, "Co", 3)),
                OxidationStates.exact(states("Ni", 2, "Mn", 3.7, "Co", 2.9))));
        assertEquals(-0.245, tooMuch.deltaPristine().value(), 1e-12);
        assertTrue(tooMuch.warnings().stream().anyMatch(w -> w.startsWith("pristine oxidation states balance O2.245")),
                tooMuch.warnings().toString());
        // Cycled more oxidised than the lattice allows: negative δ_cycled and oxygen uptake.
        StoichiometryResult uptake = run("MnO2", states("Mn", 3.5), states("Mn", 4.2));
        assertTrue(uptake.warnings().stream().anyMatch(w -> w.startsWith("cycled oxidation states balance O2.1")),
                uptake.warnings().toString());
        assertTrue(uptake.warnings().stream().anyMatch(w -> w.contains("oxygen uptake")), uptake.warnings().toString());
        // ... and its densified model (v̄ = 4.2: y' = 3/3.2 = 0.9375, x' = 0.0625) would need Li that MnO2 lacks.
        assertEquals(0.0625, uptake.get("li_densified").value(), 1e-12);
        assertTrue(uptake.warnings().stream().anyMatch(w -> w.contains("lithium inserted")),
                uptake.warnings().toString());
        // A Li:TM outside both models: φ = (1.0 − 1.439)/(1.1866 − 1.439) = 1.739.
        StoichiometryResult outside = StoichiometryAnalysis.run(StoichiometryInput.of(PAPER,
                OxidationStates.exact(states("Ni", 2, "Mn", 4, "Co", 3)),
                OxidationStates.exact(states("Ni", 2, "Mn", 3.7, "Co", 2.9))).withLiTm(1.0, 0.01));
        assertEquals("neither", outside.liTm().orElseThrow().verdict());
        assertTrue(outside.warnings().stream().anyMatch(w -> w.contains("outside [0, 1]")),
                outside.warnings().toString());
        assertTrue(((List<?>) outside.toMap().get("warnings")).size() >= 1);
    }

    @Test
    void missingOrMisnamedOxidationStatesAreErrors() {
        OxidationStates ok = OxidationStates.exact(states("Ni", 2, "Mn", 4, "Co", 3));
        IllegalArgumentException noCo = assertThrows(IllegalArgumentException.class, () -> StoichiometryAnalysis.run(
                StoichiometryInput.of(PAPER, OxidationStates.exact(states("Ni", 2, "Mn", 4)), ok)));
        assertTrue(noCo.getMessage().contains("no pristine oxidation state for Co"), noCo.getMessage());
        IllegalArgumentException fe = assertThrows(IllegalArgumentException.class, () -> StoichiometryAnalysis.run(
                StoichiometryInput.of(PAPER, ok, OxidationStates.exact(states("Ni", 2, "Mn", 4, "Co", 3, "Fe", 3)))));
        assertTrue(fe.getMessage().contains("Fe, which is not in"), fe.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OxidationStates.exact(states("Mn", -1)));
        // Al (fixed +3) needs no state: LiNi0.8Co0.15Al0.05O2 with Ni3+, Co3+ is balanced (1 + 0.95·3 + 0.15 = 4).
        StoichiometryResult nca = run("LiNi0.8Co0.15Al0.05O2", states("Ni", 3, "Co", 3), states("Ni", 2.9, "Co", 3));
        assertEquals(0, nca.deltaPristine().value(), 1e-12);
        assertEquals(0.04, nca.deltaCycled().value(), 1e-12);
    }
}
