// Each account's own choices on screen: read and kept by the account itself, whatever its roles (an account's own
// business, as its password is: the account family, within an administrator's duties too).
import { command } from '../../command-kit';
import { empty } from '../fields';
import { prefsSchema, readPrefs, writePrefs } from './prefs';

export const prefsCommands = {
  'account.prefs': command({ input: empty, roles: 'any', mutates: false, run: (ctx) => readPrefs(ctx.db, ctx.session.accountId) }),
  'account.setPrefs': command({
    input: prefsSchema.partial().strict(),
    roles: 'any',
    mutates: true,
    run(ctx, input) {
      writePrefs(ctx.db, ctx.session.accountId, input);
      // Whose choice it was; the choice itself is a matter of the screen, not of the ledger.
      ctx.note({ target: ctx.session.username, summary: {} });
      return readPrefs(ctx.db, ctx.session.accountId);
    },
  }),
};
