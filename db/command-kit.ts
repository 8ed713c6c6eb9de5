import type { z } from 'zod';
import type { PublicContext, SignedInContext } from './context';
import type { Role } from './views';

// The shape of one command; db/commands.ts and the register command modules build the table from these.
export type Access = 'public' | 'signed-in';

export interface PublicCommand<S extends z.ZodType, O> {
  access: 'public';
  input: S;
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

export type CommandDef = PublicCommand<z.ZodType, unknown> | SignedInCommand<z.ZodType, unknown>;

export const publicCommand = <S extends z.ZodType, O>(def: Omit<PublicCommand<S, O>, 'access'>): PublicCommand<S, O> => ({ access: 'public', ...def });
export const command = <S extends z.ZodType, O>(def: Omit<SignedInCommand<S, O>, 'access'>): SignedInCommand<S, O> => ({ access: 'signed-in', ...def });

