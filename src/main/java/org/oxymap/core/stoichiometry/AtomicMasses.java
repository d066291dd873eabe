package org.oxymap.core.stoichiometry;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Standard atomic weights in g/mol: the IUPAC abridged values (CIAAW, "Standard atomic weights of the elements
 * 2021", Pure Appl. Chem. 2022); for elements with an interval (H, Li, B, C, N, O, Mg, Si, S) the conventional
 * value. Lithium's natural spread (6.938–6.997) is larger than any difference the structure models resolve, so
 * its conventional 6.94 is used. Only the elements a battery oxide plausibly contains are listed: an unknown
 * symbol is far more often a typo than a new dopant.
 */
public final class AtomicMasses {

    private static final Map<String, Double> MASSES;

    static {
        Map<String, Double> m = new TreeMap<>();
        m.put("H", 1.008);
        m.put("Li", 6.94);
        m.put("B", 10.81);
        m.put("C", 12.011);
        m.put("N", 14.007);
        m.put("O", 15.999);
        m.put("F", 18.998403162);
        m.put("Na", 22.98976928);
        m.put("Mg", 24.305);
        m.put("Al", 26.9815384);
        m.put("Si", 28.085);
        m.put("P", 30.973761998);
        m.put("S", 32.06);
        m.put("K", 39.0983);
        m.put("Ca", 40.078);
        m.put("Ti", 47.867);
        m.put("V", 50.9415);
        m.put("Cr", 51.9961);
        m.put("Mn", 54.938043);
        m.put("Fe", 55.845);
        m.put("Co", 58.933194);
        m.put("Ni", 58.6934);
        m.put("Cu", 63.546);
        m.put("Zn", 65.38);
        m.put("Ga", 69.723);
        m.put("Ge", 72.630);
        m.put("Y", 88.90584);
        m.put("Zr", 91.224);
        m.put("Nb", 92.90637);
        m.put("Mo", 95.95);
        m.put("Ru", 101.07);
        m.put("Sn", 118.710);
        m.put("Sb", 121.760);
        m.put("La", 138.90547);
        m.put("Ce", 140.116);
        m.put("Ta", 180.94788);
        m.put("W", 183.84);
        m.put("Ir", 192.217);
        MASSES = Collections.unmodifiableMap(m);
    }

    private AtomicMasses() {
    }

    /** True if the symbol (case-sensitive, e.g. "Mn") is one OxyMap knows. */
    public static boolean isKnown(String symbol) {
        return MASSES.containsKey(symbol);
    }

    /** The atomic weight in g/mol; throws for an unknown symbol. */
    public static double gPerMol(String symbol) {
        Double m = MASSES.get(symbol);
        if (m == null) {
            throw new IllegalArgumentException("unknown element '" + symbol + "' (known: " + knownSymbols() + ")");
        }
        return m;
    }

    /** The known symbols, alphabetically, comma-separated (for error messages). */
    public static String knownSymbols() {
        return String.join(", ", MASSES.keySet());
    }
}
