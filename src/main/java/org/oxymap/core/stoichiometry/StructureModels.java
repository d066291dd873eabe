package org.oxymap.core.stoichiometry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two structures that can hold the cycled material's reduced cations (DESIGN.md §2), both as functions of the
 * pristine and cycled total cation charges Q_p, Q_c (every oxidation state enters only through them):
 *
 * <ul>
 * <li>oxygen vacancies: the cation lattice is untouched and the anion lattice keeps its n + f sites, δ of them
 * empty: {@code [Li_x M_y][O_(n−δ) F_f □_δ]}; Li:M stays x/y;</li>
 * <li>densified: the vacancies are annihilated, the anion lattice is full and the structure keeps the pristine
 * number of cation sites per anion site, S = x + y, and the same mean M valence v̄ = (Q_c − x)/y:
 * {@code x' + y' = S}, {@code x' + v̄·y' = 2n + f} (for LiMO2-type O2: x' + y' = 2, x' + v̄y' = 4), hence
 * {@code y' = (2n + f − S)/(v̄ − 1)}; the M keep their pristine proportions. Lithium and oxygen have left together.</li>
 * </ul>
 *
 * Densities are molar mass per formula unit over its volume, n + f anion sites times the volume per anion site.
 * The pristine volume per site comes from the pristine density or cell volume; the cycled one is the same unless a
 * cycled cell volume is given. The pristine molar mass uses the oxygen the pristine valences balance (n − δ_p),
 * so that the vacancy model at the pristine valences is the pristine material itself.
 */
final class StructureModels {

    /** Avogadro's number times 1e-24 cm³/Å³: M [g/mol] / (this · V [Å³]) is a density in g/cm³. */
    static final double AVOGADRO_CM3_PER_A3 = 6.02214076e23 * 1e-24;

    private final ChargeBalance balance;
    private final double pristineDensity;
    private final double volumePristineA3;
    private final double volumeCycledA3;

    /** Optional numbers are NaN when not given (see {@link StoichiometryInput}). */
    StructureModels(ChargeBalance balance, double pristineDensityGPerCm3, double cellVolumePristineA3,
            double cellVolumeCycledA3) {
        this.balance = balance;
        this.pristineDensity = pristineDensityGPerCm3;
        this.volumePristineA3 = cellVolumePristineA3;
        this.volumeCycledA3 = cellVolumeCycledA3;
    }

    /** True when absolute densities (g/cm³) can be given: a pristine density or a pristine cell volume is known. */
    boolean hasDensityScale() {
        return !Double.isNaN(pristineDensity) || !Double.isNaN(volumePristineA3);
    }

    /**
     * Every model quantity, with derivatives. {@code liTm} and {@code density} are the measured values (null when
     * not measured); with them come the densification fractions.
     */
    Map<String, FirstOrder> evaluate(FirstOrder qP, FirstOrder qC, FirstOrder liTm, FirstOrder density) {
        Map<String, FirstOrder> out = new LinkedHashMap<>();
        ChemicalFormula f = balance.formula();
        double n = balance.oxygenSites();
        double fl = balance.fluorine();
        double x = balance.lithium();
        double y = balance.otherCations();
        double s = x + y;
        double mO = AtomicMasses.gPerMol("O");
        double mLi = AtomicMasses.gPerMol("Li");
        double mF = fl > 0 ? AtomicMasses.gPerMol("F") : 0;
        double cationMass = 0;
        for (String el : ChargeBalance.cations(f)) {
            cationMass += f.amount(el) * AtomicMasses.gPerMol(el);
        }
        double meanOtherMass = (cationMass - x * mLi) / y;

        FirstOrder oP = qP.plus(-fl).times(0.5);
        FirstOrder oC = qC.plus(-fl).times(0.5);
        out.put("delta_pristine", oP.times(-1).plus(n));
        out.put("delta_cycled", oC.times(-1).plus(n));
        out.put("oxygen_pristine", oP);
        out.put("oxygen_cycled", oC);
        out.put("oxygen_released_at_pct", oP.minus(oC).div(oP).times(100));
        FirstOrder vP = qP.plus(-x).times(1 / y);
        FirstOrder vC = qC.plus(-x).times(1 / y);
        out.put("tm_valence_pristine", vP);
        out.put("tm_valence_cycled", vC);

        FirstOrder yD = vC.plus(-1).inverseTimes(2 * n + fl - s);
        FirstOrder xD = yD.times(-1).plus(s);
        out.put("li_tm_vacancy", FirstOrder.constant(x / y));
        out.put("li_tm_densified", xD.div(yD));
        out.put("li_densified", xD);
        out.put("tm_densified", yD);

        FirstOrder massP = oP.times(mO).plus(cationMass + fl * mF);
        FirstOrder massV = oC.times(mO).plus(cationMass + fl * mF);
        FirstOrder massD = xD.times(mLi).plus(yD.times(meanOtherMass)).plus(n * mO + fl * mF);
        out.put("molar_mass_pristine_g_mol", massP);
        out.put("molar_mass_vacancy_g_mol", massV);
        out.put("molar_mass_densified_g_mol", massD);

        // Pristine density: given, or from the pristine cell volume; cycled volume per formula unit likewise.
        FirstOrder rhoP = null;
        FirstOrder relV;
        FirstOrder relD;
        if (!Double.isNaN(volumeCycledA3)) {
            rhoP = !Double.isNaN(pristineDensity) ? FirstOrder.constant(pristineDensity)
                    : massP.times(1 / (AVOGADRO_CM3_PER_A3 * volumePristineA3));
            FirstOrder rhoV = massV.times(1 / (AVOGADRO_CM3_PER_A3 * volumeCycledA3));
            FirstOrder rhoD = massD.times(1 / (AVOGADRO_CM3_PER_A3 * volumeCycledA3));
            relV = rhoV.div(rhoP);
            relD = rhoD.div(rhoP);
        } else {
            relV = massV.div(massP);
            relD = massD.div(massP);
            if (hasDensityScale()) {
                rhoP = !Double.isNaN(pristineDensity) ? FirstOrder.constant(pristineDensity)
                        : massP.times(1 / (AVOGADRO_CM3_PER_A3 * volumePristineA3));
            }
        }
        out.put("density_vacancy_rel", relV);
        out.put("density_densified_rel", relD);
        if (rhoP != null) {
            out.put("density_pristine_g_cm3", rhoP);
            out.put("density_vacancy_g_cm3", relV.times(rhoP));
            out.put("density_densified_g_cm3", relD.times(rhoP));
        }

        if (liTm != null) {
            out.put("densification_fraction_li_tm", fraction(liTm, out.get("li_tm_vacancy"), out.get("li_tm_densified")));
        }
        if (density != null) {
            FirstOrder measuredRel = density.div(rhoP);
            out.put("density_measured_rel", measuredRel);
            out.put("densification_fraction_density", fraction(measuredRel, relV, relD));
        }
        return out;
    }

    /**
     * The fraction φ of a linear mix (1 − φ)·vacancy + φ·densified that reproduces the measured value:
     * φ = (m − a)/(b − a). φ = 0 is the pure vacancy model, 1 the pure densified one.
     */
    static FirstOrder fraction(FirstOrder measured, FirstOrder vacancy, FirstOrder densified) {
        return measured.minus(vacancy).div(densified.minus(vacancy));
    }
}
