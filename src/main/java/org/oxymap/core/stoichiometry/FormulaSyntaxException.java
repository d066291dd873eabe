package org.oxymap.core.stoichiometry;

/** A formula string that cannot be read; the message names the 1-based character position and what was expected. */
public final class FormulaSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int position;

    public FormulaSyntaxException(String formula, int position, String problem) {
        super("formula '" + formula + "' at position " + position + ": " + problem);
        this.position = position;
    }

    /** 1-based position of the offending character in the formula. */
    public int position() {
        return position;
    }
}
