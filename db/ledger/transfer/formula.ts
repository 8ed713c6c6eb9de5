// CSV injection (OWASP): Excel runs a cell that starts with = + - @, or with a tab or CR before them, as a formula.
// The export writes such a cell with a leading apostrophe (Excel's own "this is text" mark); the import takes that
// apostrophe off again. An apostrophe already in front of one of them is doubled, so every text comes back as it was.
const FORMULA_LEADING = /^'*[=+\-@\t\r]/;

/** The cell as written to a CSV file: a leading apostrophe when Excel would read it as a formula. */
export function neutralizeFormula(text: string): string {
  return FORMULA_LEADING.test(text) ? `'${text}` : text;
}

/** The cell as it was before the export neutralized it. */
export function restoreFormula(text: string): string {
  return text.startsWith("'") && FORMULA_LEADING.test(text.slice(1)) ? text.slice(1) : text;
}
