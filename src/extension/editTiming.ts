/** Quiet time after the last keystroke before a document's results are updated. */
export const EDIT_DEBOUNCE_MS = 300;

/**
 * Quiet time after which the analysis thread already starts on the document's text: the
 * result is then (mostly) ready when the debounce ends, and only the folder's re-audit is left.
 */
export const EARLY_ANALYSIS_MS = 150;
