// Register sheets and paper forms: what the printout and the export of a register or a batch contain.
export { buildSheet, SHEET_NAMES, type Sheet, type SheetName } from './sheets';
export { SHEET_LANGUAGES, type SheetLanguage } from './labels';
export { BATCH_FORMS, buildBatchForm, buildHistory, type FormKind, type PrintForm } from './forms';
export { buildApprovalForm } from './approvals';
