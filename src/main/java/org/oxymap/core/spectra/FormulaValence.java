package org.oxymap.core.spectra;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.oxymap.core.stoichiometry.ChemicalFormula;

/**
 * The mean oxidation state of one element guessed from a compound's formula by charge balance: O −2, F −1,
 * S −2 (sulfide), and H, Li, Na, K +1, Mg, Ca, Zn +2, B, Al +3. MnO → 2, Mn3O4 → 8/3, Mn2O3 → 3, MnO2 → 4,
 * Li2MnO3 → 4. Oxides only (the shared formula parser requires oxygen). A guess: the user asks for it explicitly, because mixed anions (hydroxides, carbonates, oxalates)
 * or peroxides defeat it; C, N and P are therefore refused rather than guessed.
 */
public final class FormulaValence {

    private static final Map<String, Double> FIXED = Map.ofEntries(Map.entry("O", -2.0), Map.entry("F", -1.0),
            Map.entry("Cl", -1.0), Map.entry("Br", -1.0), Map.entry("I", -1.0), Map.entry("S", -2.0),
            Map.entry("H", 1.0), Map.entry("Li", 1.0), Map.entry("Na", 1.0), Map.entry("K", 1.0),
            Map.entry("Mg", 2.0), Map.entry("Ca", 2.0), Map.entry("Zn", 2.0), Map.entry("B", 3.0),
            Map.entry("Al", 3.0));

    private static final Pattern LEADING_FORMULA = Pattern.compile("^((?:[A-Z][a-z]?(?:\\d+(?:\\.\\d+)?)?)+)");

    private FormulaValence() {
    }

    /**
     * The oxidation state of {@code element} in {@code formula}.
     *
     * @param element the element whose state is wanted, or null for the only element without a fixed state
     * @throws IllegalArgumentException when the formula cannot be read or holds another element of unknown state
     */
    public static double guess(String formula, String element) {
        ChemicalFormula f;
        try {
            f = ChemicalFormula.parse(formula);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot guess a valence from '" + formula + "': " + e.getMessage(), e);
        }
        String target = element;
        if (target == null) {
            for (String el : f.elements()) {
                if (!FIXED.containsKey(el)) {
                    if (target != null) {
                        throw new IllegalArgumentException("cannot guess a valence from '" + formula + "': both "
                                + target + " and " + el + " have no fixed oxidation state");
                    }
                    target = el;
                }
            }
            if (target == null) {
                throw new IllegalArgumentException("cannot guess a valence from '" + formula
                        + "': every element has a fixed oxidation state");
            }
        }
        if (f.amount(target) == 0) {
            throw new IllegalArgumentException("cannot guess the valence of " + target + " from '" + formula
                    + "': the formula has no " + target);
        }
        double charge = 0;
        for (String el : f.elements()) {
            if (el.equals(target)) {
                continue;
            }
            Double v = FIXED.get(el);
            if (v == null) {
                throw new IllegalArgumentException("cannot guess the valence of " + target + " from '" + formula
                        + "': " + el + " has no fixed oxidation state; give the valence instead");
            }
            charge += v * f.amount(el);
        }
        double v = -charge / f.amount(target);
        if (!(v > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "cannot guess the valence of %s from '%s': charge balance gives %.3g", target, formula, v));
        }
        return v;
    }

    /**
     * The formula at the start of a name such as {@code Mn3O4_rt_01} or {@code MnO2-pyrolusite}.
     *
     * @throws IllegalArgumentException when the name does not start with a formula
     */
    public static String leadingFormula(String name) {
        Matcher m = LEADING_FORMULA.matcher(name.trim());
        if (!m.find()) {
            throw new IllegalArgumentException("the name '" + name + "' does not start with a chemical formula");
        }
        return m.group(1);
    }
}
