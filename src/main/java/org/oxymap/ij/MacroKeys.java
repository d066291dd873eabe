package org.oxymap.ij;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.oxymap.core.agglomerate.AgglomerateSettings;
import org.oxymap.core.pipeline.PipelineSettings;
import org.oxymap.io.AgglomerateResultWriter;
import org.oxymap.io.ParamsJson;

/**
 * The one place where an error of {@code core/} or {@code io/} is put in a Fiji step's terms. Those errors name a
 * parameter as the command line does ({@code parameter section-nm is 0.0}, {@code relax the limits (min-area-nm2,
 * ...)}); in a Fiji step the same parameter is the macro key, which is the params.json key in snake case
 * ({@code section_nm}). The ImageJ 1.x entries pass every error through here ({@link Errors}), the SciJava
 * commands theirs; the command line keeps its own names.
 *
 * <p>A name is renamed only when its snake case is a params.json key (a run's parameters, {@code pixel_nm}, the
 * agglomerate settings): words with hyphens that are not option names ({@code half-height}, file names,
 * {@code --max-memory} advice for the command line) stay as they are.
 */
public final class MacroKeys {

    private static final Set<String> KEYS = keys();

    /** A hyphenated lower-case word, not part of a path, a file name or a {@code --option}. */
    private static final Pattern KEBAB = Pattern.compile(
            "(?<![\\w./\\\\-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\\w/\\\\-]|\\.\\w)");

    private MacroKeys() {
    }

    private static Set<String> keys() {
        Set<String> k = new HashSet<>(ParamsJson.settingsToMap(PipelineSettings.defaults()).keySet());
        k.add("pixel_nm");
        k.addAll(AgglomerateResultWriter.settingsToMap(AgglomerateSettings.defaults()).keySet());
        return Set.copyOf(k);
    }

    /** The message with each parameter named the command-line way renamed to its macro key. */
    public static String inMacroTerms(String message) {
        if (message == null || message.indexOf('-') < 0) {
            return message;
        }
        Matcher m = KEBAB.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String snake = m.group().replace('-', '_');
            m.appendReplacement(out, Matcher.quoteReplacement(KEYS.contains(snake) ? snake : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The same error with its message in macro terms: an exception of the same class (IllegalArgumentException,
     * IllegalStateException, UncheckedIOException) with the same cause and stack trace, so that a caller who looks
     * for the root cause finds the renamed message; any other exception, or one with nothing to rename, as it is.
     */
    public static RuntimeException inMacroTerms(RuntimeException e) {
        String message = e.getMessage();
        String renamed = inMacroTerms(message);
        if (message == null || message.equals(renamed)) {
            return e;
        }
        RuntimeException r;
        if (e.getClass() == IllegalArgumentException.class) {
            r = new IllegalArgumentException(renamed, e.getCause());
        } else if (e.getClass() == IllegalStateException.class) {
            r = new IllegalStateException(renamed, e.getCause());
        } else if (e.getClass() == UncheckedIOException.class) {
            r = new UncheckedIOException(renamed, (IOException) e.getCause());
        } else {
            return e;
        }
        r.setStackTrace(e.getStackTrace());
        for (Throwable s : e.getSuppressed()) {
            r.addSuppressed(s);
        }
        return r;
    }
}
