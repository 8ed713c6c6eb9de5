// Field schemas and role lists every commands file shares; the limits are the ones the forms show.
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../domain/passwords';
import { ROLES, type Role } from '../domain/roles';

export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).default('');
export const person = text(50);
export const id = z.number().int().positive();
export const date = z.iso.date();
/** When it happened: a date or a date-time; defaults to now. */
export const at = z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional();
export const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) };
export const empty = z.object({}).strict();

export const username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[^\s\p{C}]+$/u, 'no spaces or control characters');
export const displayName = z.string().trim().min(1).max(50);
// The policy (length, letters and digits ...) is checked by the command, against the ledger's settings.
export const password = z.string().min(1).max(MAX_PASSWORD_LENGTH);
export const recoveryCode = z.string().min(1).max(100);
export const roles = z
  .array(z.enum(ROLES))
  .min(1)
  .max(ROLES.length)
  .transform((r) => [...new Set(r)]);

/** Who keeps the registers: the only role that writes them. */
export const CUSTODIAN: readonly Role[] = ['custodian'];
/** Who may read the registers. */
export const REGISTER_READERS: readonly Role[] = ['custodian', 'approver', 'auditor'];
export const ADMIN: readonly Role[] = ['admin'];
export const AUDITOR: readonly Role[] = ['auditor'];
