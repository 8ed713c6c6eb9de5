import type { z } from 'zod';
import type { PublicContext, SignedInContext } from './context';
import { LedgerError } from './errors';
import type { Recorder } from './ledger/documents/model';
import { isDateOnly } from './ledger/documents/model';
import { localDate } from './ledger/documents/queries';
import { CUSTODIAN, REGISTER_READERS } from './ledger/fields';
import type { Role } from './views';

// The shape of one command; db/commands.ts and the register command modules build the table from these.
export type Access = 'public' | 'signed-in';

export interface PublicCommand<S extends z.ZodType, O> {
  access: 'public';
  input: S;
  /**
   * Run while someone is signed in: who may (e.g. only an administrator restores over the open ledger), and whether
   * it then gets an audit entry in that ledger. Without it, a public command runs the same for anyone.
   */
  whenSignedIn?: { roles: readonly Role[] | 'any'; audited: boolean };
  run(ctx: PublicContext, input: z.output<S>): O;
}

export interface SignedInCommand<S extends z.ZodType, O> {
  access: 'signed-in';
  input: S;
  /** Who may run it: 'any' signed-in account, or one of these roles. */
  roles: readonly Role[] | 'any';
  /** Writes: runs in one transaction together with its audit entry. */
  mutates: boolean;
  /** Allowed while the user must still replace a temporary password. */
  duringPasswordChange?: boolean;
  run(ctx: SignedInContext, input: z.output<S>): O;
}

/**
 * A command that reads or writes a file (import, export). Parsing and writing spreadsheets is asynchronous, a
 * transaction is not: `prepare` turns the input into data before the transaction, `run` checks and writes inside
 * it, `finish` turns its result into the file after it. Neither `prepare` nor `finish` touches the database.
 */
export interface FileCommand<S extends z.ZodType, P, O, F> extends Omit<SignedInCommand<S, O>, 'run'> {
  prepare(input: z.output<S>): Promise<P>;
  run(ctx: SignedInContext, input: z.output<S>, prepared: P): O;
  finish(output: O): Promise<F>;
}

export type CommandDef = PublicCommand<z.ZodType, unknown> | SignedInCommand<z.ZodType, unknown> | FileCommand<z.ZodType, unknown, unknown, unknown>;

export const publicCommand = <S extends z.ZodType, O>(def: Omit<PublicCommand<S, O>, 'access'>): PublicCommand<S, O> => ({ access: 'public', ...def });
export const command = <S extends z.ZodType, O>(def: Omit<SignedInCommand<S, O>, 'access'>): SignedInCommand<S, O> => ({ access: 'signed-in', ...def });
export const fileCommand = <S extends z.ZodType, P, O, F>(def: Omit<FileCommand<S, P, O, F>, 'access'>): FileCommand<S, P, O, F> => ({
  access: 'signed-in',
  ...def,
});

export function isFileCommand(def: CommandDef): def is FileCommand<z.ZodType, unknown, unknown, unknown> {
  return 'prepare' in def;
}

export function recorder(ctx: SignedInContext): Recorder {
  return { db: ctx.db, now: ctx.now, actor: ctx.session.username };
}

/** The event's time: as given (never in the future: a date after today, a date-time after now), or now. */
export function when(ctx: SignedInContext, given: string | undefined): string {
  if (given === undefined) return ctx.now;
  const future = isDateOnly(given) ? given > localDate(Date.parse(ctx.now)) : Date.parse(given) > Date.parse(ctx.now);
  if (future) throw new LedgerError('E_VALIDATION', { field: 'at' });
  return given;
}

/** A read of the registers: by anyone who may read them, writing nothing. */
export function registerRead<S extends z.ZodType, O>(input: S, run: (ctx: SignedInContext, input: z.output<S>) => O): SignedInCommand<S, O> {
  return command({ input, roles: REGISTER_READERS, mutates: false, run });
}

/** The input an operation receives: with `at` (when the command takes one) checked and filled in. */
export type Dated<I> = 'at' extends keyof I ? Omit<I, 'at'> & { at: string } : I;

type Nothing<O> = O extends void ? null : O;

export interface RegisterWrite<S extends z.ZodObject, O, R> {
  input: S;
  /** The operation, on the custodian's recorder. */
  run(rec: Recorder, input: Dated<z.output<S>>, ctx: SignedInContext): O;
  /** What the audit entry names (a 收文编号, a batch, a device, a person); without it the runner's default entry. */
  target?(ctx: SignedInContext, input: z.output<S>, out: NoInfer<O>): string;
  /** The audit entry's summary; the input as given (secrets redacted) when omitted. */
  summary?(input: z.output<S>, out: NoInfer<O>): Record<string, unknown>;
  /** What the screen needs next (e.g. the document as it now is), so that one action is one round trip. */
  reply?(ctx: SignedInContext, out: NoInfer<O>, input: z.output<S>): R;
}

/**
 * A write to a register, the custodian's: validate, run the operation, name it in the audit entry, return the reply
 * or else what the operation returns (null for nothing).
 */
export function registerWrite<S extends z.ZodObject, O, R = Nothing<O>>(def: RegisterWrite<S, O, R>): SignedInCommand<S, R> {
  const dated = 'at' in def.input.shape;
  return command({
    input: def.input,
    roles: CUSTODIAN,
    mutates: true,
    run(ctx, input) {
      const given = input as z.output<S> & { at?: string };
      const out = def.run(recorder(ctx), (dated ? { ...given, at: when(ctx, given.at) } : given) as Dated<z.output<S>>, ctx);
      // Without its own summary, the runner's: the input with every password and recovery code redacted.
      if (def.target) ctx.note({ target: def.target(ctx, input, out), ...(def.summary ? { summary: def.summary(input, out) } : {}) });
      return def.reply ? def.reply(ctx, out, input) : ((out ?? null) as R);
    },
  });
}
