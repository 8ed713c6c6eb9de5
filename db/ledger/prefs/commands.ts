// Each account's own choices on screen: read and kept by the account itself, whatever its roles.
import { command } from '../../command-kit';
import { empty } from '../fields';
import { prefsSchema, readPrefs, writePrefs } from './prefs';

export const prefsCommands = {
  'prefs.get': command({ input: empty, roles: 'any', mutates: false, run: (ctx) => readPrefs(ctx.db, ctx.session.accountId) }),
  'prefs.set': command({
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
