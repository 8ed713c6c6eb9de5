import { z } from 'zod';
import { auditHead, queryAudit, verifyChain, type AuditRow } from './audit/chain';
import {
  assertAdminRemains,
  insertAccount,
  listAccounts,
  recordPasswordSet,
  requireAccount,
  toAccountView,
  updateAccount,
} from './auth/accounts';
import { assertPasswordAllowed } from './auth/passwords';
import { command, publicCommand, type Access, type CommandDef } from './command-kit';

export type { CommandDef };
import { backupCommands } from './commands-backup';
import { deviceCommands } from './commands-devices';
import { documentCommands } from './commands-documents';
import { transferCommands } from './commands-transfer';
import { printCommands } from './commands-print';
import { LedgerError } from './errors';
import { readSettings, settingsSchema, writeSettings } from './ledger/settings';
import { MIGRATIONS } from './store/migrations';
import { all, sql } from './store/sql';
import { APP_VERSION } from './version';
import { ROLES, type AuditEntryView, type Role } from './views';

// Field schemas shared by commands; limits are the ones the UI shows.
const username = z.string().trim().min(2).max(32).regex(/^[^\s\p{C}]+$/u, 'no spaces or control characters');
const displayName = z.string().trim().min(1).max(50);
const password = z.string().min(1).max(256);
const roles = z.array(z.enum(ROLES)).min(1).max(ROLES.length).transform((r) => [...new Set(r)]);
const empty = z.object({}).strict();

function toAuditView(row: AuditRow): AuditEntryView {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    kind: row.kind,
    action: row.action,
    target: row.target,
    summary: JSON.parse(row.summary) as Record<string, unknown>,
    outcome: row.outcome,
    errorCode: row.error_code,
    hash: row.hash,
  };
}

/** The whole API: every host (Electron, browser test host, CLI) runs these and nothing else. */
export const commands = {
  ...documentCommands,
  ...deviceCommands,
  ...backupCommands,
  ...transferCommands,
  ...printCommands,
  'ledger.status': publicCommand({ input: empty, run: (ctx) => ctx.control.status() }),
  'ledger.setup': publicCommand({
    input: z.object({ unitName: settingsSchema.shape.unitName, username, displayName, password }).strict(),
    run: (ctx, input) => ctx.control.setup(input),
  }),
  'session.login': publicCommand({
    input: z.object({ username, password }).strict(),
    run: (ctx, input) => ctx.control.login(input.username, input.password),
  }),
  'session.unlock': publicCommand({
    input: z.object({ password }).strict(),
    run: (ctx, input) => ctx.control.unlock(input.password),
  }),
  'session.recover': publicCommand({
    input: z.object({ username, recoveryCode: z.string().min(1).max(100), newPassword: password }).strict(),
    run: (ctx, input) => ctx.control.recover(input.username, input.recoveryCode, input.newPassword),
  }),

  'session.lock': command({ input: empty, roles: 'any', mutates: false, duringPasswordChange: true, run: (ctx) => ctx.control.lock('manual') }),
  'session.logout': command({ input: empty, roles: 'any', mutates: false, duringPasswordChange: true, run: (ctx) => ctx.control.logout() }),
  'session.touch': command({ input: empty, roles: 'any', mutates: false, duringPasswordChange: true, run: () => null }),

  'ledger.info': command({
    input: empty,
    roles: 'any',
    mutates: false,
    run: (ctx) => ({
      appVersion: APP_VERSION,
      schemaVersion: MIGRATIONS.length,
      counts: Object.fromEntries(
        all<{ name: string; n: number }>(ctx.db, sql`SELECT 'accounts' AS name, count(*) AS n FROM accounts UNION ALL SELECT 'audit_log', count(*) FROM audit_log`).map((r) => [r.name, r.n]),
      ),
      auditHead: auditHead(ctx.db, ctx.ledgerId),
    }),
  }),

  'account.changePassword': command({
    input: z.object({ oldPassword: password, newPassword: password }).strict(),
    roles: 'any',
    mutates: true,
    duringPasswordChange: true,
    run(ctx, input) {
      if (!ctx.keys.checkPassword(ctx.session.username, input.oldPassword)) throw new LedgerError('E_WRONG_PASSWORD', 'The current password is wrong.');
      assertPasswordAllowed(input.newPassword, ctx.settings().passwordPolicy);
      recordPasswordSet(ctx.db, ctx.session.accountId, ctx.now, false);
      ctx.keys.setPassword(ctx.session.username, input.newPassword);
      ctx.session.mustChangePassword = false;
      ctx.note({ target: ctx.session.username, summary: {} });
      return null;
    },
  }),

  'settings.get': command({ input: empty, roles: 'any', mutates: false, duringPasswordChange: true, run: (ctx) => ctx.settings() }),
  'settings.update': command({
    input: settingsSchema.partial().strict(),
    roles: ['admin'],
    mutates: true,
    run(ctx, input) {
      const before = readSettings(ctx.db);
      writeSettings(ctx.db, input);
      const after = readSettings(ctx.db);
      const changed = (Object.keys(input) as (keyof typeof after)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
      ctx.note({ summary: { before: pick(before, changed), after: pick(after, changed) } });
      return after;
    },
  }),

  'account.list': command({ input: empty, roles: ['admin'], mutates: false, run: (ctx) => listAccounts(ctx.db).map(toAccountView) }),
  'account.create': command({
    input: z.object({ username, displayName, roles, password }).strict(),
    roles: ['admin'],
    mutates: true,
    run(ctx, input) {
      assertPasswordAllowed(input.password, ctx.settings().passwordPolicy);
      // The admin knows the password it typed, so the new user must replace it at first login (三员分立).
      const account = insertAccount(ctx.db, { ...input, mustChangePassword: true, at: ctx.now });
      ctx.keys.setPassword(account.username, input.password);
      ctx.note({ target: account.username, summary: { after: { displayName: account.displayName, roles: account.roles } } });
      return toAccountView(account);
    },
  }),
  'account.update': command({
    input: z.object({ username, displayName: displayName.optional(), roles: roles.optional(), active: z.boolean().optional() }).strict(),
    roles: ['admin'],
    mutates: true,
    run(ctx, input) {
      const before = requireAccount(ctx.db, input.username);
      if (input.active === false && before.username.toLowerCase() === ctx.session.username.toLowerCase()) {
        throw new LedgerError('E_VALIDATION', 'You cannot disable your own account.', { field: 'active' });
      }
      updateAccount(ctx.db, before.id, input);
      assertAdminRemains(ctx.db);
      const after = requireAccount(ctx.db, input.username);
      // A disabled account loses its keyslot: its password no longer opens the ledger at all.
      if (before.active && !after.active) ctx.keys.removePassword(after.username);
      // The session carries the roles it was signed in with: changing one's own account takes effect now.
      if (after.id === ctx.session.accountId) {
        ctx.session.roles = after.roles;
        ctx.session.displayName = after.displayName;
      }
      ctx.note({
        target: after.username,
        summary: { before: { displayName: before.displayName, roles: before.roles, active: before.active }, after: { displayName: after.displayName, roles: after.roles, active: after.active } },
      });
      return toAccountView(after);
    },
  }),
  'account.resetPassword': command({
    input: z.object({ username, newPassword: password }).strict(),
    roles: ['admin'],
    mutates: true,
    run(ctx, input) {
      const account = requireAccount(ctx.db, input.username);
      assertPasswordAllowed(input.newPassword, ctx.settings().passwordPolicy);
      recordPasswordSet(ctx.db, account.id, ctx.now, true);
      ctx.keys.setPassword(account.username, input.newPassword);
      ctx.note({ target: account.username, summary: { mustChangePassword: true, reactivated: !account.active } });
      return null;
    },
  }),

  'audit.list': command({
    input: z
      .object({
        actor: z.string().trim().max(32).optional(),
        kind: z.string().trim().max(32).optional(),
        outcome: z.enum(['ok', 'refused', 'failed']).optional(),
        from: z.iso.datetime({ offset: true }).optional(),
        to: z.iso.datetime({ offset: true }).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    roles: ['auditor'],
    mutates: false,
    run(ctx, input) {
      const { total, rows } = queryAudit(ctx.db, {
        ...input,
        from: input.from && new Date(input.from).toISOString(),
        to: input.to && new Date(input.to).toISOString(),
      });
      return { total, rows: rows.map(toAuditView) };
    },
  }),
  'audit.verify': command({
    input: empty,
    // The administrator may check integrity too (it reveals no entry), e.g. from the operator CLI.
    roles: ['auditor', 'admin'],
    mutates: true, // the check itself is an audit entry, recorded after the walk
    run(ctx) {
      const result = verifyChain(ctx.db, ctx.ledgerId);
      ctx.note({ summary: result.intact ? { intact: true, count: result.count } : { intact: false, firstBroken: result.firstBroken } });
      return result;
    },
  }),
};

function pick<T extends object>(obj: T, keys: readonly (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, obj[k]])) as Partial<T>;
}

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
/** What the caller receives: a file command's `finish` result, otherwise what `run` returns. */
export type CommandOutput<N extends CommandName> = Commands[N] extends { finish(output: never): Promise<infer F> } ? F : ReturnType<Commands[N]['run']>;

export function findCommand(name: string): CommandDef | undefined {
  return Object.hasOwn(commands, name) ? (commands[name as CommandName] as unknown as CommandDef) : undefined;
}

/** Every command with its input as JSON Schema, for `ledger commands` and for documentation. */
export function describeCommands(): { name: string; access: Access; roles: readonly Role[] | 'any' | 'public'; input: unknown }[] {
  return Object.entries(commands).map(([name, def]) => {
    const d = def as unknown as CommandDef;
    return { name, access: d.access, roles: d.access === 'public' ? 'public' : d.roles, input: z.toJSONSchema(d.input, { io: 'input' }) };
  });
}

