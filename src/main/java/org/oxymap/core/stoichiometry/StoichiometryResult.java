package org.oxymap.core.stoichiometry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of {@link StoichiometryAnalysis}. Quantities are keyed by the names the command line, the JSON file
 * and the ResultsTable use (snake case, units in the name): {@code delta_pristine, delta_cycled, oxygen_pristine,
 * oxygen_cycled} (per formula unit), {@code oxygen_released_at_pct} (atomic % of the pristine oxygen),
 * {@code tm_valence_pristine, tm_valence_cycled} (mean valence of the non-Li cations), {@code li_tm_vacancy,
 * li_tm_densified, li_densified, tm_densified}, {@code molar_mass_*_g_mol}, {@code density_vacancy_rel,
 * density_densified_rel} (relative to pristine) and, when a density scale is given, {@code density_*_g_cm3}.
 *
 * @param formula         the pristine composition
 * @param pristine        pristine oxidation states of every cation (fixed valences filled in)
 * @param cycled          cycled oxidation states of every cation
 * @param quantities      every computed number with its uncertainties
 * @param vacancyFormula  {@code [Li_x M_y][O_(n−δ) □_δ]} at the nominal values
 * @param densifiedFormula {@code [Li_x' M_y'][O_n]} at the nominal values
 * @param liTm            what a measured Li:TM ratio says, if one was given
 * @param density         what a measured density says, if one was given
 * @param hasUncertainty  true when some input carries an uncertainty (then the *_se keys mean something)
 * @param warnings        impossible or suspicious inputs and results, in words; empty when all is consistent
 */
public record StoichiometryResult(ChemicalFormula formula, Map<String, Double> pristine, Map<String, Double> cycled,
        Map<String, Quantity> quantities, String vacancyFormula, String densifiedFormula,
        Optional<ModelSupport> liTm, Optional<ModelSupport> density, boolean hasUncertainty, int monteCarloSamples,
        long seed, List<String> warnings) {

    public StoichiometryResult {
        quantities = Collections.unmodifiableMap(new LinkedHashMap<>(quantities));
        warnings = List.copyOf(warnings);
    }

    /** A quantity by key; throws naming the key if it was not computed (e.g. an absolute density without scale). */
    public Quantity get(String key) {
        Quantity q = quantities.get(key);
        if (q == null) {
            throw new IllegalArgumentException("no quantity '" + key + "' in this result (have " + quantities.keySet()
                    + ")");
        }
        return q;
    }

    public Quantity deltaPristine() {
        return get("delta_pristine");
    }

    public Quantity deltaCycled() {
        return get("delta_cycled");
    }

    public Quantity oxygenReleasedAtPct() {
        return get("oxygen_released_at_pct");
    }

    public Quantity liTmVacancy() {
        return get("li_tm_vacancy");
    }

    public Quantity liTmDensified() {
        return get("li_tm_densified");
    }

    public Quantity densityVacancyRel() {
        return get("density_vacancy_rel");
    }

    public Quantity densityDensifiedRel() {
        return get("density_densified_rel");
    }

    /**
     * The flat key → value view that every front end prints and writes: numbers, each followed by {@code KEY_se}
     * (first order) and {@code KEY_se_mc} (Monte Carlo) when inputs carry uncertainty; the two formulas; per
     * measurement the densification fraction (among the quantities) and the supported model; the warnings last.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formula", formula.toString());
        m.put("vacancy_formula", vacancyFormula);
        m.put("densified_formula", densifiedFormula);
        quantities.forEach((k, q) -> put(m, k, q));
        liTm.ifPresent(s -> putSupport(m, s));
        density.ifPresent(s -> putSupport(m, s));
        if (hasUncertainty) {
            m.put("monte_carlo_samples", monteCarloSamples);
            m.put("monte_carlo_seed", seed);
        }
        m.put("warnings", warnings);
        return m;
    }

    private void put(Map<String, Object> m, String key, Quantity q) {
        m.put(key, q.value());
        if (hasUncertainty) {
            m.put(key + "_se", q.se());
            m.put(key + "_se_mc", q.seMonteCarlo());
        }
    }

    private void putSupport(Map<String, Object> m, ModelSupport s) {
        if (s.observable().equals("li_tm")) {
            put(m, "li_tm_measured", s.measured());
        }
        m.put("supported_model_" + s.observable(), s.verdict());
    }
}
