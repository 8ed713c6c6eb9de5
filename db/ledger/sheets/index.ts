// Register sheets and paper forms: what the printout and the export of a register or a batch contain.
export { buildSheet, SHEET_FILTERS, SHEET_NAMES, SHEET_TITLES, type Sheet, type SheetColumn, type SheetName, type SheetOptions } from './sheets';
export { SHEET_LANGUAGES, type SheetLanguage } from './labels';
export { BATCH_FORMS, buildBatchForm, buildHistory, FORM_TITLES, type BatchForm, type FormField, type FormKind, type PrintForm, type Signature } from './forms';
