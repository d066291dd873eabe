package org.oxymap.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oxymap.core.pipeline.PipelineSettings;

/**
 * core/'s and io/'s messages name options the command-line way; in a Fiji step the names that are params.json keys
 * become the macro keys, and nothing else changes.
 */
public class MacroKeysTest {

    @Test
    void optionNamesBecomeMacroKeys() {
        assertEquals("parameter section_nm is 0.0, expected a positive number of nm",
                MacroKeys.inMacroTerms("parameter section-nm is 0.0, expected a positive number of nm"));
        assertEquals("parameter max_area_nm2 is 10.0, expected more than min_area_nm2 (2000.0)",
                MacroKeys.inMacroTerms("parameter max-area-nm2 is 10.0, expected more than min-area-nm2 (2000.0)"));
        assertEquals("relax the limits (min_area_nm2, min_solidity, min_circularity, exclude_touching) or check",
                MacroKeys.inMacroTerms("relax the limits (min-area-nm2, min-solidity, min-circularity, "
                        + "exclude-touching) or check"));
        assertEquals("parameter probe_fwhm_nm is -1.0.", MacroKeys.inMacroTerms("parameter probe-fwhm-nm is -1.0."));
        assertEquals("parameter pixel_nm applies to kind agglomerate only",
                MacroKeys.inMacroTerms("parameter pixel-nm applies to kind agglomerate only"));
        assertEquals("parameter band_nm is -1.0", MacroKeys.inMacroTerms("parameter band-nm is -1.0"),
                "an agglomerate key");
        // the real message of a bad section, through the one place
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PipelineSettings.defaults().withSectionNm(-3).validate());
        assertEquals("parameter section-nm is -3.0, expected a positive number of nm", e.getMessage(),
                "the command line's message is unchanged");
        RuntimeException renamed = MacroKeys.inMacroTerms(e);
        assertEquals(IllegalArgumentException.class, renamed.getClass());
        assertEquals("parameter section_nm is -3.0, expected a positive number of nm", renamed.getMessage());
        assertArrayEquals(e.getStackTrace(), renamed.getStackTrace());
        assertNull(renamed.getCause(), "the original is not the cause: a root-cause search finds the key");
    }

    @Test
    void otherHyphenatedWordsStay() {
        for (String m : List.of("method is 'x', expected half-height or max-derivative",
                "no such file: /data/min-area-nm2/section-nm.tif",
                "the stack section-nm.tif is empty",
                "give --max-memory or --section-nm on the command line",
                "parameter boundary-bin-nmx is 1", "Lanczos-6 resampling", "an x-ray stack")) {
            assertEquals(m, MacroKeys.inMacroTerms(m));
        }
        IllegalArgumentException unchanged = new IllegalArgumentException("parameter labels is not set");
        assertSame(unchanged, MacroKeys.inMacroTerms(unchanged));
        UncheckedIOException io = new UncheckedIOException("parameter bin-nm: bad", new IOException("x"));
        RuntimeException r = MacroKeys.inMacroTerms(io);
        assertEquals(UncheckedIOException.class, r.getClass());
        assertEquals("parameter bin_nm: bad", r.getMessage());
        assertSame(io.getCause(), r.getCause());
    }
}
