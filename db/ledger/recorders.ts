// Who recorded a row, as the screens name them: the account's display name. The row keeps the login name (what the
// audit log and the printed registers were signed with); a name no account has any more is shown as it was written.
import { sql } from '../store/sql';

/** The display name of the account whose login name is in `column` (a column name the code writes, never input). */
export const recorderName = (column: string): ReturnType<typeof sql.trusted> =>
  sql.trusted(`COALESCE((SELECT display_name FROM accounts WHERE username = ${column}), ${column})`);
