import { errorMessage } from './catalogue';
import type { ErrorCode, ErrorDetails, LedgerErrorShape, ValidationIssue } from './codes';

/** Codes whose details may be left out (they name nothing, or nothing is required). */
type DetailsArgs<C extends ErrorCode> = Record<never, never> extends ErrorDetails[C] ? [details?: ErrorDetails[C]] : [details: ErrorDetails[C]];

/** An error rebuilt from its shape after crossing a boundary, or an internal failure keeping what was thrown. */
type RebuiltArgs = [message: string, details?: Readonly<Record<string, unknown>>];

/**
 * A refusal or failure: a stable code and the details its rule names, typed by code. `message` is the catalogue's
 * English sentence, for logs and the audit log; readers get the sentence in their own language from errorMessage().
 */
export class LedgerError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly details: Readonly<Record<string, unknown>> | undefined;
  constructor(code: C, ...args: DetailsArgs<C> | RebuiltArgs) {
    const [first, second] = args;
    const details = typeof first === 'string' ? second : first;
    super(typeof first === 'string' ? first : logMessage(code, details));
    this.name = 'LedgerError';
    this.code = code;
    this.details = details;
  }
  toJSON(): LedgerErrorShape {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

/**
 * The English sentence, with what a log reader needs beyond it: the rule's reason, what the system called the
 * failure (ENOSPC, SQLITE_BUSY ...) and which inputs failed validation.
 */
function logMessage(code: ErrorCode, details: Readonly<Record<string, unknown>> | undefined): string {
  const message = errorMessage({ code, details }, 'en');
  const said = (key: string) => (typeof details?.[key] === 'string' ? details[key] : undefined);
  const issues =
    code === 'E_VALIDATION' && Array.isArray(details?.['issues'])
      ? (details['issues'] as unknown[]).filter((i): i is ValidationIssue => typeof i === 'object' && i !== null && 'message' in i)
      : [];
  const extra = [said('reason'), said('cause'), ...issues.map((i) => `${i.path || '(input)'} ${i.message}`)].filter(Boolean);
  return extra.length ? `${message} (${extra.join('; ')})` : message;
}
