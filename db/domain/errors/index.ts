export { errorMessage, type ErrorLike } from './catalogue';
export * from './codes';
export { LedgerError } from './ledger-error';
