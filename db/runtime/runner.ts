// The command runner: every host's call goes through here. Validation, the role check, the temporary-password gate,
// one transaction with the command's audit entry, and an audited refusal when it fails.
import type { z } from 'zod';
import { isFileCommand, type CommandDef, type PublicCommand, type SignedInCommand } from '../command-kit';
import { findCommand } from '../commands';
import type { AuditNote, BackupFolders, KeyOps, PublicContext, Session, SessionEnd, SignedInContext } from '../context';
import type { BackupSource } from '../backup/backup';
import { LedgerError, toLedgerError, validate } from '../errors';
import { targetOf } from '../ledger/audit/refs';
import { readSettings } from '../ledger/settings';
import type { InvokeResult, PushEvent } from '../process-protocol';
import type { Role } from '../views';

import { audit, type OpenLedger } from './open-ledger';
import type { Sessions } from './sessions';

/** Codes that mean the work failed (rather than a rule refusing it): audited as 'failed'. */
const FAILURES = new Set(['E_INTERNAL', 'E_IO', 'E_DISK_FULL', 'E_BACKUP_TARGET_UNAVAILABLE', 'E_BACKUP_DAMAGED']);

/** Keys that never reach an audit summary: a password or recovery code, not a password policy. */
const SECRET_FIELD = /(password|recoverycode)$/i;

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, 50).map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_FIELD.test(k) ? '[redacted]' : redact(v)]));
  }
  if (typeof value === 'string' && value.length > 500) return `${value.slice(0, 500)}…`;
  return value;
}

/** What the runner gives the commands, beyond the session's own state. */
export interface RunnerOptions {
  sessions: Sessions;
  backups: BackupFolders;
  clock: () => number;
  keyOps(ledger: OpenLedger): KeyOps;
  backupSource(ledger: OpenLedger): BackupSource;
  push: (event: PushEvent) => void;
  /** A command wrote to the ledger. */
  written: () => void;
}

/** A file command's input read by its `prepare` step, or why it could not be read. */
type Prepared = { value: unknown } | { error: LedgerError };

type SignedInDef = Extract<CommandDef, { access: 'signed-in' }>;

const allowed = (roles: readonly Role[] | 'any', session: Session) => roles === 'any' || roles.some((r) => session.roles.includes(r));

export class Runner {
  private readonly publicCtx: PublicContext;
  private readonly endSession: SessionEnd;

  constructor(private readonly o: RunnerOptions) {
    this.publicCtx = { sessions: o.sessions, backups: o.backups };
    this.endSession = { lock: (reason) => o.sessions.lock(reason), logout: () => o.sessions.logout() };
  }

  invoke(name: string, rawInput: unknown): InvokeResult {
    return settle(() => this.run(name, rawInput, null));
  }

  /**
   * `invoke`, plus the asynchronous steps of a file command (import, export): its file is read before the command
   * runs and written after it, outside the transaction. Commands still run one at a time.
   */
  async invokeAsync(name: string, rawInput: unknown): Promise<InvokeResult> {
    const cmd = findCommand(name);
    if (!cmd || !isFileCommand(cmd)) return this.invoke(name, rawInput);
    const { session } = this.o.sessions;
    let input: { data: unknown } | null = null;
    try {
      input = { data: validate(cmd.input, rawInput) };
    } catch {
      // Refused, with its audit entry, by `run` below.
    }
    let prepared: Prepared = { value: undefined };
    // Only for a signed-in caller allowed to run it with valid input; otherwise `run` refuses it as usual.
    if (session && input && allowed(cmd.roles, session)) {
      try {
        prepared = { value: await cmd.prepare(input.data) };
      } catch (err) {
        prepared = { error: toLedgerError(err) };
      }
    }
    const result = settle(() => this.run(name, rawInput, prepared));
    if (!result.ok) return result;
    try {
      return { ok: true, value: await cmd.finish(result.value) };
    } catch (err) {
      return { ok: false, error: toLedgerError(err).toJSON() };
    }
  }

  private run(name: string, rawInput: unknown, prepared: Prepared | null): unknown {
    const cmd = findCommand(name);
    if (!cmd) throw new LedgerError('E_UNKNOWN_COMMAND', { name });
    if (cmd.access === 'public') return this.runPublic(name, cmd, rawInput);
    const { session, ledger } = this.o.sessions;
    if (!session || !ledger) throw new LedgerError('E_NOT_LOGGED_IN');
    return this.runSignedIn(name, cmd, rawInput, prepared, session, ledger);
  }

  /** Open to anyone; while someone is signed in, under the command's `whenSignedIn` rule. */
  private runPublic(name: string, cmd: PublicCommand<z.ZodType, unknown>, rawInput: unknown): unknown {
    const { session, ledger } = this.o.sessions;
    const rule = cmd.whenSignedIn;
    const runIt = (input: unknown) => cmd.run(this.publicCtx, input);
    if (!rule || !session || !ledger) return runIt(validate(cmd.input, rawInput));
    if (rule.audited) {
      const asSignedIn: SignedInCommand<z.ZodType, unknown> = {
        access: 'signed-in',
        input: cmd.input,
        roles: rule.roles,
        mutates: true,
        duringPasswordChange: true,
        run: (_ctx, input) => runIt(input),
      };
      return this.runSignedIn(name, asSignedIn, rawInput, null, session, ledger);
    }
    if (rule.roles !== 'any' && !allowed(rule.roles, session)) throw forbidden(name, rule.roles);
    return runIt(validate(cmd.input, rawInput));
  }

  private runSignedIn(name: string, cmd: SignedInDef, rawInput: unknown, prepared: Prepared | null, session: Session, ledger: OpenLedger): unknown {
    const now = new Date(this.o.clock()).toISOString();
    this.o.sessions.touch();
    let note: AuditNote = {};
    const ctx: SignedInContext = {
      db: ledger.db,
      ledgerId: ledger.ledgerId,
      session,
      now,
      keys: this.o.keyOps(ledger),
      endSession: this.endSession,
      settings: () => readSettings(ledger.db),
      note: (n) => {
        note = n;
      },
      backupSource: () => this.o.backupSource(ledger),
      progress: (task, step) => this.o.push({ type: 'progress', task, step }),
    };
    try {
      if (cmd.roles !== 'any' && !allowed(cmd.roles, session)) throw forbidden(name, cmd.roles);
      if (session.mustChangePassword && !cmd.duringPasswordChange) throw new LedgerError('E_PASSWORD_CHANGE_REQUIRED');
      const input = validate(cmd.input, rawInput);
      let runIt = (): unknown => (cmd as SignedInCommand<z.ZodType, unknown>).run(ctx, input);
      if (isFileCommand(cmd)) {
        if (!prepared) throw new LedgerError('E_INTERNAL', `"${name}" reads or writes a file: call it through invokeAsync.`);
        if ('error' in prepared) throw prepared.error;
        runIt = () => cmd.run(ctx, input, prepared.value);
      }
      if (!cmd.mutates) return runIt();
      const out = ledger.db
        .transaction(() => {
          const value = runIt();
          audit(ledger, {
            actor: session.username,
            at: now,
            kind: kindOf(name),
            action: name,
            target: note.target ?? null,
            summary: note.summary ?? { input: redact(input) },
            outcome: 'ok',
          });
          return value;
        })
        .immediate();
      this.o.written();
      return out;
    } catch (err) {
      const error = toLedgerError(err);
      // The refused command wrote nothing (its transaction rolled back); the refusal itself is recorded, with its
      // code and typed details (never a sentence: each reader sees it in their own language) and what it was about.
      const open = this.o.sessions.ledger;
      if (open) {
        audit(open, {
          actor: session.username,
          at: now,
          kind: kindOf(name),
          action: name,
          target: refusedTarget(open, name, rawInput),
          summary: { input: redact(rawInput), ...(error.details ? { details: redact(error.details) } : {}) },
          outcome: FAILURES.has(error.code) ? 'failed' : 'refused',
          errorCode: error.code,
        });
      }
      throw error;
    }
  }
}

function settle(work: () => unknown): InvokeResult {
  try {
    return { ok: true, value: work() };
  } catch (err) {
    return { ok: false, error: toLedgerError(err).toJSON() };
  }
}

function forbidden(name: string, roles: readonly Role[]): LedgerError {
  return new LedgerError('E_FORBIDDEN', { command: name, needs: roles });
}

/** The ledger number a refused input names; none when the ledger cannot be read just now (the refusal still is). */
function refusedTarget(ledger: OpenLedger, name: string, rawInput: unknown): string | null {
  try {
    return targetOf(ledger.db, name, rawInput);
  } catch {
    return null;
  }
}

function kindOf(name: string): string {
  return name.split('.')[0] ?? name;
}
