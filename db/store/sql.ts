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

/** Joins fragments with a separator (for optional WHERE clauses). */
sql.join = (parts: readonly Fragment[], separator: string): Fragment => {
  const text = parts.map((p) => p.text).join(separator);
  return { text, values: parts.flatMap((p) => p.values), [SQL]: true };
};

export const all = <Row>(db: Db, q: Sql): Row[] => db.prepare(q.text).all(...q.values) as Row[];
export const get = <Row>(db: Db, q: Sql): Row | undefined => db.prepare(q.text).get(...q.values) as Row | undefined;
export const run = (db: Db, q: Sql): BetterSqlite3.RunResult => db.prepare(q.text).run(...q.values);
