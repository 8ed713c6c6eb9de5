import { isRole, roleConflict, type Role } from '../domain/roles';
import { LedgerError } from '../errors';
import { normalizeUsername } from '../store/keyring';
import { all, run, sql, type Db } from '../store/sql';
import type { AccountView } from '../views';

interface AccountRow {
  id: number;
  username: string;
  display_name: string;
  roles: string;
  active: 0 | 1;
  must_change_password: 0 | 1;
  created_at: string;
  last_login_at: string | null;
}

/** An account as commands see it, with its row id for updates. */
export interface Account extends AccountView {
  id: number;
}

function toAccount(row: AccountRow): Account {
  const roles = (JSON.parse(row.roles) as string[]).filter(isRole);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles,
    active: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

export function toAccountView({ id: _id, ...view }: Account): AccountView {
  return view;
}

/** An account has a role, and the duties stay apart: the auditor alone, the approver never the custodian. */
function assertRolesAllowed(roles: readonly Role[]): void {
  if (roles.length === 0) throw new LedgerError('E_VALIDATION', { field: 'roles' });
  const rule = roleConflict(roles);
  if (rule) throw new LedgerError('E_ROLE_CONFLICT', { roles, rule });
}

/**
 * Usernames are matched the way keyslots are keyed (NFC, trimmed, lower case), so two accounts can never
 * share a slot: SQLite's NOCASE alone folds only ASCII ('Émile' and 'émile' would be two accounts, one slot).
 */
export function findAccount(db: Db, username: string): Account | undefined {
  const wanted = normalizeUsername(username);
  const row = all<AccountRow>(db, sql`SELECT * FROM accounts ORDER BY id`).find((r) => normalizeUsername(r.username) === wanted);
  return row && toAccount(row);
}

export function requireAccount(db: Db, username: string): Account {
  const account = findAccount(db, username);
  if (!account) throw new LedgerError('E_NO_SUCH_ACCOUNT', { username });
  return account;
}

export function listAccounts(db: Db): Account[] {
  return all<AccountRow>(db, sql`SELECT * FROM accounts ORDER BY id`).map(toAccount);
}

export function insertAccount(db: Db, a: { username: string; displayName: string; roles: readonly Role[]; mustChangePassword: boolean; at: string }): Account {
  assertRolesAllowed(a.roles);
  if (findAccount(db, a.username)) throw new LedgerError('E_USERNAME_TAKEN', { username: a.username });
  run(
    db,
    sql`INSERT INTO accounts (username, display_name, roles, must_change_password, created_at, password_changed_at)
              VALUES (${a.username.trim()}, ${a.displayName}, ${JSON.stringify(a.roles)}, ${a.mustChangePassword}, ${a.at}, ${a.at})`,
  );
  return requireAccount(db, a.username);
}

export function updateAccount(db: Db, id: number, change: { displayName?: string; roles?: readonly Role[]; active?: boolean }): void {
  if (change.roles) assertRolesAllowed(change.roles);
  run(
    db,
    sql`UPDATE accounts SET
                display_name = coalesce(${change.displayName}, display_name),
                roles = coalesce(${change.roles ? JSON.stringify(change.roles) : null}, roles),
                active = coalesce(${change.active}, active)
              WHERE id = ${id}`,
  );
}

export function recordPasswordSet(db: Db, id: number, at: string, mustChange: boolean): void {
  run(db, sql`UPDATE accounts SET password_changed_at = ${at}, must_change_password = ${mustChange}, active = 1 WHERE id = ${id}`);
}

export function recordLogin(db: Db, id: number, at: string): void {
  run(db, sql`UPDATE accounts SET last_login_at = ${at} WHERE id = ${id}`);
}

/** Refuses a change that would leave no active administrator: nobody could manage accounts again. */
export function assertAdminRemains(db: Db): void {
  if (!listAccounts(db).some((a) => a.active && a.roles.includes('admin'))) {
    throw new LedgerError('E_LAST_ADMIN');
  }
}
