package org.oxymap.core.stoichiometry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * From oxidation states to oxygen loss and structure models (Csernica et al., Nat. Energy 6, 642 (2021),
 * Supplementary Notes 1, 3, 5): electroneutrality ({@link ChargeBalance}) gives δ before and after cycling and the
 * oxygen released; {@link StructureModels} turns the cycled charge into the oxygen-vacancy and the densified
 * structure; a measured Li:TM ratio or density is then placed on the line between the two.
 *
 * <p>Uncertainties: the oxidation states (pristine and cycled) and the measured values are independent normal
 * inputs. They are propagated twice: to first order with exact derivatives ({@link FirstOrder}), and by Monte Carlo
 * (each oxidation state and measurement drawn independently, fixed seed). The two agree while the model is close
 * to linear; where they differ by more than 20 % a warning says so.
 *
 * <p>Impossible results are reported as warnings, never hidden or clipped: a negative δ (more oxygen than the
 * formula's anion sites hold), oxygen uptake on cycling, a densified structure that needs negative lithium or more
 * lithium than the pristine material had, a densification fraction outside [0, 1].
 */
public final class StoichiometryAnalysis {

    /** Relative difference between first-order and Monte Carlo uncertainties above which a warning is given. */
    static final double SE_AGREEMENT = 0.20;
    private static final double TOLERANCE = 1e-9;

    private StoichiometryAnalysis() {
    }

    public static StoichiometryResult run(StoichiometryInput in) {
        in.validate();
        ChargeBalance balance = new ChargeBalance(in.formula(), in.pristine(), in.cycled());
        if (balance.otherCations() <= 0) {
            throw new IllegalArgumentException(in.formula() + " has no cation other than Li: there is no TM whose "
                    + "oxidation state could change");
        }
        StructureModels models = new StructureModels(balance, in.pristineDensityGPerCm3(), in.cellVolumePristineA3(),
                in.cellVolumeCycledA3());
        double qP = balance.charge(balance.pristine());
        double qC = balance.charge(balance.cycled());
        double meanValenceCycled = (qC - balance.lithium()) / balance.otherCations();
        if (meanValenceCycled <= 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the mean cycled valence of the non-Li "
                    + "cations is %.4f; the densified model needs it above +1", meanValenceCycled));
        }
        double[] sigma = {balance.chargeSe(balance.pristineSe()), balance.chargeSe(balance.cycledSe()),
                in.hasLiTm() ? in.liTmMeasuredSe() : 0, in.hasDensity() ? in.densityMeasuredSe() : 0};
        boolean uncertain = sigma[0] > 0 || sigma[1] > 0 || sigma[2] > 0 || sigma[3] > 0;

        Map<String, FirstOrder> nominal = models.evaluate(FirstOrder.variable(qP, FirstOrder.Q_PRISTINE),
                FirstOrder.variable(qC, FirstOrder.Q_CYCLED),
                in.hasLiTm() ? FirstOrder.variable(in.liTmMeasured(), FirstOrder.LI_TM) : null,
                in.hasDensity() ? FirstOrder.variable(in.densityMeasuredGPerCm3(), FirstOrder.DENSITY) : null);
        List<String> warnings = new ArrayList<>();
        Map<String, Double> mcSe = uncertain ? monteCarlo(in, balance, models, nominal, warnings)
                : zeros(nominal);

        Map<String, Quantity> q = new LinkedHashMap<>();
        nominal.forEach((k, v) -> q.put(k, new Quantity(v.v, v.se(sigma), mcSe.get(k))));

        Optional<ModelSupport> liTm = Optional.empty();
        Optional<ModelSupport> density = Optional.empty();
        if (in.hasLiTm()) {
            liTm = support("li_tm", new Quantity(in.liTmMeasured(), in.liTmMeasuredSe(), in.liTmMeasuredSe()),
                    q.get("li_tm_vacancy"), q.get("li_tm_densified"), "densification_fraction_li_tm", q, warnings);
        }
        if (in.hasDensity()) {
            density = support("density", q.get("density_measured_rel"), q.get("density_vacancy_rel"),
                    q.get("density_densified_rel"), "densification_fraction_density", q, warnings);
        }
        flagImpossible(balance, q, warnings);
        if (uncertain) {
            compareUncertainties(q, warnings);
        }
        return new StoichiometryResult(in.formula(), balance.pristine(), balance.cycled(), q,
                vacancyFormula(balance, q), densifiedFormula(balance, q), liTm, density, uncertain,
                in.monteCarloSamples(), in.seed(), warnings);
    }

    private static Map<String, Double> zeros(Map<String, FirstOrder> nominal) {
        Map<String, Double> z = new LinkedHashMap<>();
        nominal.keySet().forEach(k -> z.put(k, 0.0));
        return z;
    }

    /** Standard deviations over samples of every input drawn independently from its normal distribution. */
    private static Map<String, Double> monteCarlo(StoichiometryInput in, ChargeBalance balance, StructureModels models,
            Map<String, FirstOrder> nominal, List<String> warnings) {
        SplittableRandom random = new SplittableRandom(in.seed());
        List<String> keys = new ArrayList<>(nominal.keySet());
        double[] mean = new double[keys.size()];
        double[] m2 = new double[keys.size()];
        long used = 0;
        long rejected = 0;
        Map<String, Double> p = new LinkedHashMap<>();
        Map<String, Double> c = new LinkedHashMap<>();
        for (int i = 0; i < in.monteCarloSamples(); i++) {
            for (String el : balance.pristine().keySet()) {
                p.put(el, balance.pristine().get(el) + balance.pristineSe().get(el) * random.nextGaussian());
                c.put(el, balance.cycled().get(el) + balance.cycledSe().get(el) * random.nextGaussian());
            }
            FirstOrder liTm = in.hasLiTm()
                    ? FirstOrder.constant(in.liTmMeasured() + in.liTmMeasuredSe() * random.nextGaussian()) : null;
            FirstOrder density = in.hasDensity() ? FirstOrder.constant(in.densityMeasuredGPerCm3()
                    + in.densityMeasuredSe() * random.nextGaussian()) : null;
            Map<String, FirstOrder> s = models.evaluate(FirstOrder.constant(balance.charge(p)),
                    FirstOrder.constant(balance.charge(c)), liTm, density);
            boolean finite = s.get("tm_valence_cycled").v > 1;
            for (String k : keys) {
                finite &= Double.isFinite(s.get(k).v);
            }
            if (!finite) {
                rejected++;
                continue;
            }
            used++;
            for (int k = 0; k < keys.size(); k++) {
                double d = s.get(keys.get(k)).v - mean[k];
                mean[k] += d / used;
                m2[k] += d * (s.get(keys.get(k)).v - mean[k]);
            }
        }
        if (rejected > 0) {
            warnings.add(String.format(Locale.ROOT, "%d of %d Monte Carlo samples left out: their mean cycled "
                    + "valence was at or below +1, where the densified model does not exist", rejected,
                    in.monteCarloSamples()));
        }
        Map<String, Double> sd = new LinkedHashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            sd.put(keys.get(k), used > 1 ? Math.sqrt(m2[k] / (used - 1)) : 0.0);
        }
        return sd;
    }

    private static Optional<ModelSupport> support(String observable, Quantity measured, Quantity vacancy,
            Quantity densified, String fractionKey, Map<String, Quantity> q, List<String> warnings) {
        Quantity phi = q.get(fractionKey);
        if (Math.abs(densified.value() - vacancy.value()) < 1e-12 * Math.max(1, Math.abs(vacancy.value()))) {
            q.remove(fractionKey);
            warnings.add("the vacancy and densified models predict the same " + observable + " (no oxygen lost "
                    + "relative to the composition): the measurement cannot tell them apart");
            return Optional.of(new ModelSupport(observable, measured, vacancy, densified,
                    new Quantity(0, 0, 0), "undecided"));
        }
        String verdict = ModelSupport.verdict(phi.value(), phi.se());
        if (phi.value() < -TOLERANCE || phi.value() > 1 + TOLERANCE) {
            warnings.add(String.format(Locale.ROOT, "densification fraction from %s is %.4f ± %.4f, outside [0, 1]: "
                    + "the measured value (%.4f) lies beyond %s model (vacancy %.4f, densified %.4f)%s", observable,
                    phi.value(), phi.se(), measured.value(), phi.value() < 0 ? "the vacancy" : "the densified",
                    vacancy.value(), densified.value(),
                    verdict.equals("neither") ? "" : ", but within 2σ of it"));
        }
        return Optional.of(new ModelSupport(observable, measured, vacancy, densified, phi, verdict));
    }

    private static void flagImpossible(ChargeBalance balance, Map<String, Quantity> q, List<String> warnings) {
        String sites = number(balance.oxygenSites());
        for (String state : List.of("pristine", "cycled")) {
            Quantity d = q.get("delta_" + state);
            if (d.value() < -TOLERANCE) {
                warnings.add(String.format(Locale.ROOT, "%s oxidation states balance O%s, more oxygen than the %s "
                        + "oxygen sites of %s hold (delta_%s = %.4f%s): the %s valences or the composition are "
                        + "inconsistent", state, ChemicalFormula.amountText(q.get("oxygen_" + state).value()),
                        sites, balance.formula(), state, d.value(),
                        d.se() > 0 ? String.format(Locale.ROOT, " ± %.4f", d.se()) : "", state));
            }
        }
        Quantity released = q.get("oxygen_released_at_pct");
        if (released.value() < -TOLERANCE) {
            warnings.add(String.format(Locale.ROOT, "oxygen released is negative (%.3f at.%%): the cycled cations are "
                    + "more oxidised than the pristine ones, which means oxygen uptake, not loss", released.value()));
        }
        double xD = q.get("li_densified").value();
        if (xD < -TOLERANCE) {
            warnings.add(String.format(Locale.ROOT, "the densified model needs a negative Li content (Li%.4f): a "
                    + "filled anion lattice with %s cation sites cannot be balanced at this mean valence; only the "
                    + "vacancy model is physical", xD,
                    number(balance.lithium() + balance.otherCations())));
        } else if (xD > balance.lithium() + TOLERANCE) {
            warnings.add(String.format(Locale.ROOT, "the densified model holds more Li (%.4f) than the pristine "
                    + "formula (%s): it would need lithium inserted, not oxygen and lithium removed", xD,
                    number(balance.lithium())));
        }
    }

    /** An amount for a sentence: like a formula's, but 1 written out. */
    private static String number(double amount) {
        String s = ChemicalFormula.amountText(amount);
        return s.isEmpty() ? "1" : s;
    }

    private static void compareUncertainties(Map<String, Quantity> q, List<String> warnings) {
        for (Map.Entry<String, Quantity> e : q.entrySet()) {
            double a = e.getValue().se();
            double m = e.getValue().seMonteCarlo();
            double scale = Math.max(a, m);
            if (scale > 1e-12 * Math.max(1, Math.abs(e.getValue().value()))
                    && Math.abs(a - m) > SE_AGREEMENT * scale) {
                warnings.add(String.format(Locale.ROOT, "%s: first-order uncertainty %.3g and Monte Carlo %.3g differ "
                        + "by more than %.0f %%; the model is nonlinear over the inputs' spread, trust the Monte Carlo "
                        + "value", e.getKey(), a, m, 100 * SE_AGREEMENT));
            }
        }
    }

    /** {@code [Li_x M_y][O_(n−δ) F_f □_δ]}: the pristine cations, the oxygen the cycled charge balances. */
    static String vacancyFormula(ChargeBalance balance, Map<String, Quantity> q) {
        StringBuilder sb = new StringBuilder("[");
        for (String el : ChargeBalance.cations(balance.formula())) {
            sb.append(el).append(ChemicalFormula.amountText(balance.formula().amount(el)));
        }
        sb.append("][O").append(ChemicalFormula.amountText(q.get("oxygen_cycled").value()));
        appendFluorine(balance, sb);
        sb.append("□").append(ChemicalFormula.amountText(q.get("delta_cycled").value())).append(']');
        return sb.toString();
    }

    /** {@code [Li_x' M_y'][O_n F_f]}, the non-Li cations in their pristine proportions. */
    static String densifiedFormula(ChargeBalance balance, Map<String, Quantity> q) {
        ChemicalFormula f = balance.formula();
        double xD = q.get("li_densified").value();
        double scale = q.get("tm_densified").value() / balance.otherCations();
        StringBuilder sb = new StringBuilder("[");
        boolean liWritten = false;
        for (String el : ChargeBalance.cations(f)) {
            if (el.equals("Li")) {
                sb.append("Li").append(ChemicalFormula.amountText(xD));
                liWritten = true;
            } else {
                sb.append(el).append(ChemicalFormula.amountText(f.amount(el) * scale));
            }
        }
        if (!liWritten && Math.abs(xD) > TOLERANCE) {
            sb.insert(1, "Li" + ChemicalFormula.amountText(xD));
        }
        sb.append("][O").append(ChemicalFormula.amountText(balance.oxygenSites()));
        appendFluorine(balance, sb);
        return sb.append(']').toString();
    }

    private static void appendFluorine(ChargeBalance balance, StringBuilder sb) {
        if (balance.fluorine() > 0) {
            sb.append('F').append(ChemicalFormula.amountText(balance.fluorine()));
        }
    }
}
