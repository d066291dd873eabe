package org.oxymap.core.stoichiometry;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a flat oxide formula: element symbols (an upper-case letter, optionally one lower-case letter) each with an
 * optional decimal amount ({@code 1.18}, {@code 2}, {@code 0.5}; missing = 1). Parentheses, hydrates and charges
 * are not part of the battery-oxide compositions this step works on and are rejected rather than guessed at. The
 * formula must contain oxygen, because the whole point of the step is the oxygen balance.
 */
public final class FormulaParser {

    private FormulaParser() {
    }

    /** Parses the formula; every problem is a {@link FormulaSyntaxException} naming the position. */
    public static ChemicalFormula parse(String formula) {
        if (formula == null || formula.isBlank()) {
            throw new FormulaSyntaxException(String.valueOf(formula), 1, "empty formula, expected e.g. "
                    + "Li1.18Ni0.21Mn0.53Co0.08O2");
        }
        String f = formula;
        Map<String, Double> amounts = new LinkedHashMap<>();
        Map<String, Integer> firstSeen = new HashMap<>();
        int i = 0;
        while (i < f.length()) {
            char c = f.charAt(i);
            int symbolPos = i + 1;
            if (c == '-') {
                throw new FormulaSyntaxException(f, symbolPos, "negative amount, amounts must be positive");
            }
            if (c < 'A' || c > 'Z') {
                throw new FormulaSyntaxException(f, symbolPos, "unexpected '" + c + "', expected an element symbol "
                        + "(capital letter first)");
            }
            int end = i + 1;
            if (end < f.length() && f.charAt(end) >= 'a' && f.charAt(end) <= 'z') {
                end++;
            }
            String symbol = f.substring(i, end);
            if (!AtomicMasses.isKnown(symbol)) {
                throw new FormulaSyntaxException(f, symbolPos, "unknown element '" + symbol + "' (known: "
                        + AtomicMasses.knownSymbols() + ")");
            }
            i = end;
            if (i < f.length() && f.charAt(i) == '-') {
                throw new FormulaSyntaxException(f, i + 1, "negative amount for " + symbol
                        + ", amounts must be positive");
            }
            int numStart = i;
            while (i < f.length() && (Character.isDigit(f.charAt(i)) || f.charAt(i) == '.')) {
                i++;
            }
            double amount = 1.0;
            if (i > numStart) {
                String num = f.substring(numStart, i);
                if (!num.matches("\\d+(\\.\\d+)?|\\.\\d+")) {
                    throw new FormulaSyntaxException(f, numStart + 1, "malformed amount '" + num + "' for " + symbol
                            + ", expected a decimal number such as 1.18");
                }
                amount = Double.parseDouble(num);
                if (amount <= 0) {
                    throw new FormulaSyntaxException(f, numStart + 1, "amount of " + symbol + " is " + num
                            + ", amounts must be positive");
                }
            }
            if (firstSeen.containsKey(symbol)) {
                throw new FormulaSyntaxException(f, symbolPos, symbol + " appears twice (first at position "
                        + firstSeen.get(symbol) + "), write each element once");
            }
            firstSeen.put(symbol, symbolPos);
            amounts.put(symbol, amount);
        }
        if (!amounts.containsKey("O")) {
            throw new FormulaSyntaxException(f, f.length(), "no oxygen in the formula; the oxygen balance needs an "
                    + "oxide such as Li1.18Ni0.21Mn0.53Co0.08O2");
        }
        return new ChemicalFormula(amounts);
    }
}
