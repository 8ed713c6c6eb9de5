// The ledger's own state and the session: setup, sign-in, unlock, recovery, lock, logout, and what the ledger holds.
import { z } from 'zod';
import { auditHead } from '../../audit/chain';
import { command, publicCommand } from '../../command-kit';
import { MIGRATIONS } from '../../store/migrations';
import { all, sql } from '../../store/sql';
import { APP_VERSION } from '../../version';
import { displayName, empty, password, recoveryCode, username } from '../fields';
import { settingsSchema } from '../settings';

export const sessionCommands = {
  'ledger.status': publicCommand({ input: empty, run: (ctx) => ctx.sessions.status() }),
  'ledger.setup': publicCommand({
    input: z.object({ unitName: settingsSchema.shape.unitName, username, displayName, password }).strict(),
    run: (ctx, input) => ctx.sessions.setup(input),
  }),
  'session.login': publicCommand({
    input: z.object({ username, password }).strict(),
    run: (ctx, input) => ctx.sessions.login(input.username, input.password),
  }),
  'session.unlock': publicCommand({
    input: z.object({ password }).strict(),
    run: (ctx, input) => ctx.sessions.unlock(input.password),
  }),
  'session.recover': publicCommand({
    input: z.object({ username, recoveryCode, newPassword: password }).strict(),
    run: (ctx, input) => ctx.sessions.recover(input.username, input.recoveryCode, input.newPassword),
  }),

  'session.lock': command({ input: empty, roles: 'any', mutates: false, duringPasswordChange: true, run: (ctx) => ctx.endSession.lock('manual') }),
  'session.logout': command({ input: empty, roles: 'any', mutates: false, duringPasswordChange: true, run: (ctx) => ctx.endSession.logout() }),
  'session.touch': command({ input: empty, roles: 'any', mutates: false, duringPasswordChange: true, run: () => null }),

  'ledger.info': command({
    input: empty,
    roles: 'any',
    mutates: false,
    run: (ctx) => ({
      appVersion: APP_VERSION,
      schemaVersion: MIGRATIONS.length,
      counts: Object.fromEntries(
        all<{ name: string; n: number }>(
          ctx.db,
          sql`SELECT 'accounts' AS name, count(*) AS n FROM accounts UNION ALL SELECT 'audit_log', count(*) FROM audit_log`,
        ).map((r) => [r.name, r.n]),
      ),
      auditHead: auditHead(ctx.db, ctx.ledgerId),
    }),
  }),
};
