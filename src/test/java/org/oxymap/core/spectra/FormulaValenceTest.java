package org.oxymap.core.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FormulaValenceTest {

    @Test
    void manganeseOxidesByChargeBalance() {
        assertEquals(2.0, FormulaValence.guess("MnO", null), 1e-12);
        assertEquals(8.0 / 3, FormulaValence.guess("Mn3O4", null), 1e-12);
        assertEquals(3.0, FormulaValence.guess("Mn2O3", null), 1e-12);
        assertEquals(4.0, FormulaValence.guess("MnO2", "Mn"), 1e-12);
        assertEquals(4.0, FormulaValence.guess("Li2MnO3", null), 1e-12);
    }

    @Test
    void leadingFormulaOfFileNames() {
        assertEquals("Mn3O4", FormulaValence.leadingFormula("Mn3O4_rt_01"));
        assertEquals("MnO2", FormulaValence.leadingFormula("MnO2-pyrolusite"));
        assertThrows(IllegalArgumentException.class, () -> FormulaValence.leadingFormula("pyrolusite"));
    }

    @Test
    void refusesWhatItCannotBalance() {
        assertThrows(IllegalArgumentException.class, () -> FormulaValence.guess("MnCO3", null));
        assertThrows(IllegalArgumentException.class, () -> FormulaValence.guess("NiMnO3", null));
        assertThrows(IllegalArgumentException.class, () -> FormulaValence.guess("MnO", "Fe"));
    }
}
