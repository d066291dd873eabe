package org.oxymap.core.stoichiometry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Oxidation states of one state of the material (pristine or cycled) by element, each with its standard
 * uncertainty (absent = exact). Values are what XAS gives: averages over the probed volume, so non-integer.
 */
public record OxidationStates(Map<String, Double> valences, Map<String, Double> uncertainties) {

    public OxidationStates {
        valences = Collections.unmodifiableMap(new LinkedHashMap<>(valences));
        uncertainties = Collections.unmodifiableMap(new LinkedHashMap<>(uncertainties));
        for (Map.Entry<String, Double> e : valences.entrySet()) {
            if (!Double.isFinite(e.getValue()) || e.getValue() <= 0) {
                throw new IllegalArgumentException("oxidation state of " + e.getKey() + " is " + e.getValue()
                        + ", expected a positive number");
            }
        }
        for (Map.Entry<String, Double> e : uncertainties.entrySet()) {
            if (!Double.isFinite(e.getValue()) || e.getValue() < 0) {
                throw new IllegalArgumentException("uncertainty of " + e.getKey() + " is " + e.getValue()
                        + ", expected a number >= 0");
            }
            if (!valences.containsKey(e.getKey())) {
                throw new IllegalArgumentException("an uncertainty is given for " + e.getKey()
                        + " but no oxidation state");
            }
        }
    }

    /** Exact oxidation states. */
    public static OxidationStates exact(Map<String, Double> valences) {
        return new OxidationStates(valences, Map.of());
    }

    /** The standard uncertainty of an element's oxidation state, 0 when none was given. */
    public double uncertainty(String element) {
        return uncertainties.getOrDefault(element, 0.0);
    }

    /** The same states with one element's value and uncertainty replaced or added. */
    public OxidationStates with(String element, double valence, double uncertainty) {
        Map<String, Double> v = new LinkedHashMap<>(valences);
        Map<String, Double> u = new LinkedHashMap<>(uncertainties);
        v.put(element, valence);
        u.put(element, uncertainty);
        return new OxidationStates(v, u);
    }

    boolean hasUncertainty() {
        return uncertainties.values().stream().anyMatch(s -> s > 0);
    }
}
