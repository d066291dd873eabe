package org.oxymap.core.stoichiometry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Electroneutrality of {@code Li_x M_y O_(n−δ) F_f} (DESIGN.md §2, generalised from O2 to the formula's own oxygen
 * count n): the anions' charge equals the cations', {@code 2(n − δ) + f = Σ_j c_j·v_j}, so
 * {@code δ = n − (Q − f)/2} with the total cation charge {@code Q = Σ_j c_j·v_j}. Fluorine is a fixed −1 anion on
 * the anion lattice; every other element is a cation.
 *
 * <p>Lithium is +1. H, Na, K (+1), Mg, Ca, Zn (+2) and B, Al, Ga, Y, La (+3) have their usual fixed valence unless
 * one is given; every other cation (the transition metals, and C, N, Si, P, S...) needs its oxidation state stated,
 * because guessing one would decide the answer. "TM" in the Li:TM ratio means every cation other than Li, dopants
 * included, as in ICP ratios reported for these oxides.
 */
public final class ChargeBalance {

    private static final Map<String, Double> FIXED = Map.ofEntries(Map.entry("Li", 1.0), Map.entry("H", 1.0),
            Map.entry("Na", 1.0), Map.entry("K", 1.0), Map.entry("Mg", 2.0), Map.entry("Ca", 2.0),
            Map.entry("Zn", 2.0), Map.entry("B", 3.0), Map.entry("Al", 3.0), Map.entry("Ga", 3.0),
            Map.entry("Y", 3.0), Map.entry("La", 3.0));

    private final ChemicalFormula formula;
    private final Map<String, Double> pristine;
    private final Map<String, Double> cycled;
    private final Map<String, Double> pristineSe;
    private final Map<String, Double> cycledSe;

    /**
     * Resolves the oxidation state of every cation of the formula.
     *
     * @throws IllegalArgumentException naming the element when a state is missing, given for an element that is
     *                                  not in the formula, given for O or F, or not +1 for Li
     */
    public ChargeBalance(ChemicalFormula formula, OxidationStates pristineStates, OxidationStates cycledStates) {
        this.formula = formula;
        checkNames(formula, pristineStates, "pristine");
        checkNames(formula, cycledStates, "cycled");
        Map<String, Double> p = new LinkedHashMap<>();
        Map<String, Double> c = new LinkedHashMap<>();
        Map<String, Double> ps = new LinkedHashMap<>();
        Map<String, Double> cs = new LinkedHashMap<>();
        for (String el : cations(formula)) {
            Double vp = pristineStates.valences().get(el);
            Double vc = cycledStates.valences().get(el);
            if (vp == null) {
                vp = FIXED.get(el);
                if (vp == null) {
                    throw new IllegalArgumentException("no pristine oxidation state for " + el
                            + ": give it, e.g. " + el + "=3");
                }
            }
            if (vc == null) {
                if (pristineStates.valences().containsKey(el) || !FIXED.containsKey(el)) {
                    throw new IllegalArgumentException("no cycled oxidation state for " + el + ": give it, e.g. "
                            + el + "=" + ChemicalFormula.amountText(vp));
                }
                vc = vp;
            }
            if (el.equals("Li") && (vp != 1.0 || vc != 1.0)) {
                throw new IllegalArgumentException("Li is +1 in these oxides; oxidation state " + (vp != 1.0 ? vp : vc)
                        + " given");
            }
            p.put(el, vp);
            c.put(el, vc);
            ps.put(el, pristineStates.uncertainty(el));
            cs.put(el, cycledStates.uncertainty(el));
        }
        this.pristine = Collections.unmodifiableMap(p);
        this.cycled = Collections.unmodifiableMap(c);
        this.pristineSe = Collections.unmodifiableMap(ps);
        this.cycledSe = Collections.unmodifiableMap(cs);
    }

    private static void checkNames(ChemicalFormula formula, OxidationStates states, String which) {
        for (String el : states.valences().keySet()) {
            if (el.equals("O") || el.equals("F")) {
                throw new IllegalArgumentException(which + " oxidation states name " + el
                        + ", an anion: its charge is fixed (O −2, F −1) and δ follows from the cations");
            }
            if (formula.amount(el) == 0) {
                throw new IllegalArgumentException(which + " oxidation states name " + el + ", which is not in "
                        + formula);
            }
        }
    }

    /** The cations of the formula in the order written: every element except O and F. */
    static List<String> cations(ChemicalFormula formula) {
        return formula.elements().stream().filter(e -> !e.equals("O") && !e.equals("F")).toList();
    }

    public ChemicalFormula formula() {
        return formula;
    }

    /** Resolved pristine oxidation states of every cation (fixed valences filled in). */
    public Map<String, Double> pristine() {
        return pristine;
    }

    /** Resolved cycled oxidation states of every cation. */
    public Map<String, Double> cycled() {
        return cycled;
    }

    Map<String, Double> pristineSe() {
        return pristineSe;
    }

    Map<String, Double> cycledSe() {
        return cycledSe;
    }

    /** Total cation charge Σ c_j·v_j per formula unit. */
    public double charge(Map<String, Double> valences) {
        double q = 0;
        for (String el : cations(formula)) {
            q += formula.amount(el) * valences.get(el);
        }
        return q;
    }

    /** Standard uncertainty of the total charge: sqrt(Σ c_j²·σ_j²), the elements' errors independent. */
    double chargeSe(Map<String, Double> se) {
        double v = 0;
        for (String el : cations(formula)) {
            double s = formula.amount(el) * se.get(el);
            v += s * s;
        }
        return Math.sqrt(v);
    }

    /** Oxygen per formula unit that the charge Q balances: (Q − f)/2. */
    public double oxygen(double charge) {
        return (charge - fluorine()) / 2;
    }

    /** The oxygen deficiency δ = n − (Q − f)/2 relative to the formula's n oxygen. */
    public double delta(double charge) {
        return oxygenSites() - oxygen(charge);
    }

    /** The formula's oxygen count n (the oxygen sites). */
    public double oxygenSites() {
        return formula.amount("O");
    }

    public double fluorine() {
        return formula.amount("F");
    }

    /** Li per formula unit (x). */
    public double lithium() {
        return formula.amount("Li");
    }

    /** Every other cation per formula unit (y): the "TM" of the Li:TM ratio. */
    public double otherCations() {
        double y = 0;
        for (String el : cations(formula)) {
            if (!el.equals("Li")) {
                y += formula.amount(el);
            }
        }
        return y;
    }
}
