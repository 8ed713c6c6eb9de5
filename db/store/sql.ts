import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

export type Db = BetterSqlite3.Database;
export type SqlValue = string | number | bigint | null | Buffer;

/** A statement whose values are always bound, never spliced into the text. */
export interface Sql {
  readonly text: string;
  readonly values: readonly SqlValue[];
}

const SQL = Symbol('sql');
type Fragment = Sql & { readonly [SQL]: true };

/** sql`select * from t where id = ${id}`: every interpolation becomes a `?`, nested sql`` fragments are inlined. */
export function sql(strings: TemplateStringsArray, ...args: readonly (SqlValue | boolean | undefined | Fragment)[]): Fragment {
  let text = strings[0] ?? '';
  const values: SqlValue[] = [];
  args.forEach((arg, i) => {
    if (typeof arg === 'object' && arg !== null && SQL in arg) {
      text += arg.text;
      values.push(...arg.values);
    } else {
      text += '?';
      values.push(arg === undefined ? null : typeof arg === 'boolean' ? (arg ? 1 : 0) : arg);
    }
    text += strings[i + 1] ?? '';
  });
  return { text, values, [SQL]: true };
}

/** SQL text the code itself built from constants, never from input (e.g. the CASE of the level order). */
sql.trusted = (text: string): Fragment => ({ text, values: [], [SQL]: true });

/** Joins fragments with a separator (for optional WHERE clauses). */
sql.join = (parts: readonly Fragment[], separator: string): Fragment => {
  const text = parts.map((p) => p.text).join(separator);
  return { text, values: parts.flatMap((p) => p.values), [SQL]: true };
};

/** Statements kept per connection: a register import runs the same few statements thousands of times. */
const STATEMENT_CACHE_SIZE = 256;
const statements = new WeakMap<Db, Map<string, BetterSqlite3.Statement>>();

/** The prepared statement for this text, reused while it is among the most recently used ones. */
function prepared(db: Db, text: string): BetterSqlite3.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(text);
  if (statement) cache.delete(text);
  else statement = db.prepare(text);
  cache.set(text, statement);
  if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return statement;
}

export const all = <Row>(db: Db, q: Sql): Row[] => prepared(db, q.text).all(...q.values) as Row[];
export const get = <Row>(db: Db, q: Sql): Row | undefined => prepared(db, q.text).get(...q.values) as Row | undefined;
export const run = (db: Db, q: Sql): BetterSqlite3.RunResult => prepared(db, q.text).run(...q.values);
