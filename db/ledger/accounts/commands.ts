// Accounts (三员分立: the administrator creates and changes them, each user replaces their own password) and the
// ledger's settings, the administrator's other duty.
import { z } from 'zod';
import { assertAdminRemains, insertAccount, listAccounts, recordPasswordSet, requireAccount, toAccountView, updateAccount } from '../../auth/accounts';
import { assertPasswordAllowed } from '../../auth/passwords';
import { command } from '../../command-kit';
import { addedRoles } from '../../domain/roles';
import { LedgerError } from '../../errors';
import { ADMIN, displayName, empty, password, roles, username } from '../fields';
import { readSettings, settingsSchema, writeSettings } from '../settings';
import type { Role } from '../../domain/roles';

function pick<T extends object>(obj: T, keys: readonly (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, obj[k]])) as Partial<T>;
}

/** An administrator never gives their own account a role (三员分立: another administrator must); dropping one is theirs. */
function assertNoRoleGivenToSelf(username: string, held: readonly Role[], wanted: readonly Role[] | undefined): void {
  const added = wanted ? addedRoles(held, wanted) : [];
  if (added.length) throw new LedgerError('E_OWN_ROLES', { username, added });
}

export const accountCommands = {
  'account.changePassword': command({
    input: z.object({ oldPassword: password, newPassword: password }).strict(),
    roles: 'any',
    mutates: true,
    duringPasswordChange: true,
    run(ctx, input) {
      if (!ctx.keys.checkPassword(ctx.session.username, input.oldPassword)) throw new LedgerError('E_WRONG_PASSWORD');
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
    roles: ADMIN,
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

  'account.list': command({ input: empty, roles: ADMIN, mutates: false, run: (ctx) => listAccounts(ctx.db).map(toAccountView) }),
  'account.create': command({
    input: z.object({ username, displayName, roles, password }).strict(),
    roles: ADMIN,
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
    roles: ADMIN,
    mutates: true,
    run(ctx, input) {
      const before = requireAccount(ctx.db, input.username);
      if (input.active === false && before.username.toLowerCase() === ctx.session.username.toLowerCase()) {
        throw new LedgerError('E_VALIDATION', { field: 'active' });
      }
      updateAccount(ctx.db, before.id, input);
      assertAdminRemains(ctx.db);
      if (before.id === ctx.session.accountId) assertNoRoleGivenToSelf(before.username, before.roles, input.roles);
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
        summary: {
          before: { displayName: before.displayName, roles: before.roles, active: before.active },
          after: { displayName: after.displayName, roles: after.roles, active: after.active },
        },
      });
      return toAccountView(after);
    },
  }),
  'account.resetPassword': command({
    input: z.object({ username, newPassword: password }).strict(),
    roles: ADMIN,
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
};
