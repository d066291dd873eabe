package org.oxymap.core.stoichiometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class FormulaParserTest {

    @Test
    void readsThePapersComposition() {
        ChemicalFormula f = FormulaParser.parse("Li1.18Ni0.21Mn0.53Co0.08O2");
        assertEquals(List.of("Li", "Ni", "Mn", "Co", "O"), f.elements());
        assertEquals(1.18, f.amount("Li"), 0);
        assertEquals(0.53, f.amount("Mn"), 0);
        assertEquals(2, f.amount("O"), 0);
        assertEquals("Li1.18Ni0.21Mn0.53Co0.08O2", f.toString());
        // 1.18·6.94 + 0.21·58.6934 + 0.53·54.938043 + 0.08·58.933194 + 2·15.999 = 86.34463231 g/mol
        assertEquals(86.34463231, f.molarMassGPerMol(), 1e-8);
    }

    @Test
    void amountOneMayBeLeftOutAndLeadingDotIsAccepted() {
        ChemicalFormula f = FormulaParser.parse("LiMn2O4");
        assertEquals(1, f.amount("Li"), 0);
        assertEquals(2, f.amount("Mn"), 0);
        assertEquals(0.5, FormulaParser.parse("Li.5MnO2").amount("Li"), 0);
        // MnO2: 54.938043 + 2·15.999
        assertEquals(86.936043, FormulaParser.parse("MnO2").molarMassGPerMol(), 1e-9);
    }

    @Test
    void unknownElementIsNamedWithItsPosition() {
        FormulaSyntaxException e = assertThrows(FormulaSyntaxException.class,
                () -> FormulaParser.parse("Li1.2Xx0.5O2"));
        assertEquals(6, e.position());
        assertTrue(e.getMessage().contains("unknown element 'Xx'"), e.getMessage());
        assertTrue(e.getMessage().contains("position 6"), e.getMessage());
    }

    @Test
    void missingOxygenIsReported() {
        FormulaSyntaxException e = assertThrows(FormulaSyntaxException.class, () -> FormulaParser.parse("LiMn2"));
        assertTrue(e.getMessage().contains("no oxygen"), e.getMessage());
    }

    @Test
    void negativeZeroAndMalformedAmountsAreReported() {
        FormulaSyntaxException neg = assertThrows(FormulaSyntaxException.class,
                () -> FormulaParser.parse("Li-1MnO2"));
        assertEquals(3, neg.position());
        assertTrue(neg.getMessage().contains("negative amount for Li"), neg.getMessage());
        FormulaSyntaxException zero = assertThrows(FormulaSyntaxException.class,
                () -> FormulaParser.parse("Li0MnO2"));
        assertEquals(3, zero.position());
        assertTrue(zero.getMessage().contains("must be positive"), zero.getMessage());
        FormulaSyntaxException bad = assertThrows(FormulaSyntaxException.class,
                () -> FormulaParser.parse("Li1.2.3MnO2"));
        assertEquals(3, bad.position());
        assertTrue(bad.getMessage().contains("malformed amount '1.2.3'"), bad.getMessage());
        assertThrows(FormulaSyntaxException.class, () -> FormulaParser.parse("Li1.MnO2"));
    }

    @Test
    void otherSyntaxProblemsNameThePosition() {
        assertEquals(1, assertThrows(FormulaSyntaxException.class, () -> FormulaParser.parse("li2MnO3")).position());
        assertEquals(7, assertThrows(FormulaSyntaxException.class, () -> FormulaParser.parse("LiMnO2Li")).position());
        FormulaSyntaxException paren = assertThrows(FormulaSyntaxException.class,
                () -> FormulaParser.parse("Li(MnO2)"));
        assertEquals(3, paren.position());
        assertThrows(FormulaSyntaxException.class, () -> FormulaParser.parse(" "));
        assertThrows(FormulaSyntaxException.class, () -> FormulaParser.parse("Li MnO2"));
    }
}
