package org.oxymap.core.stoichiometry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A composition per formula unit, elements in the order written (e.g. Li 1.18, Ni 0.21, Mn 0.53, Co 0.08, O 2).
 * Amounts are positive; every element is one {@link AtomicMasses} knows.
 */
public record ChemicalFormula(Map<String, Double> amounts) {

    public ChemicalFormula {
        if (amounts.isEmpty()) {
            throw new IllegalArgumentException("a formula needs at least one element");
        }
        for (Map.Entry<String, Double> e : amounts.entrySet()) {
            AtomicMasses.gPerMol(e.getKey());
            if (!(e.getValue() > 0) || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("amount of " + e.getKey() + " is " + e.getValue()
                        + ", expected a positive number");
            }
        }
        amounts = Collections.unmodifiableMap(new LinkedHashMap<>(amounts));
    }

    /** Parses e.g. {@code Li1.18Ni0.21Mn0.53Co0.08O2}; see {@link FormulaParser}. */
    public static ChemicalFormula parse(String text) {
        return FormulaParser.parse(text);
    }

    /** The amount per formula unit, 0 if the element is absent. */
    public double amount(String element) {
        return amounts.getOrDefault(element, 0.0);
    }

    public List<String> elements() {
        return List.copyOf(amounts.keySet());
    }

    /** Molar mass of one formula unit in g/mol. */
    public double molarMassGPerMol() {
        double m = 0;
        for (Map.Entry<String, Double> e : amounts.entrySet()) {
            m += e.getValue() * AtomicMasses.gPerMol(e.getKey());
        }
        return m;
    }

    /** The formula as written, amounts to at most four decimals, an amount of 1 left out (MnO2, Mn2O3). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        amounts.forEach((el, a) -> sb.append(el).append(amountText(a)));
        return sb.toString();
    }

    /** An amount as chemists write it: "" for 1, "2" for 2.0, "1.8965" for 1.89650. */
    public static String amountText(double a) {
        String s = String.format(Locale.ROOT, "%.4f", a);
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("1") ? "" : s;
    }
}
