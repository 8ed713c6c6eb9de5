// The levels of secrecy, highest first: the ONE order every register, rule and query uses.
// 绝密 > 机密 > 秘密 are state secrets (国家秘密); 内部 is the unit's own restriction; 非涉密 carries none.

export const LEVELS = ['top_secret', 'secret', 'confidential', 'internal', 'non_secret'] as const;
export type Level = (typeof LEVELS)[number];

/** A list of levels without some of them, in the same order and typed as such. */
type Without<T extends readonly Level[], X extends Level> = T extends readonly [infer H extends Level, ...infer R extends readonly Level[]]
  ? H extends X
    ? Without<R, X>
    : readonly [H, ...Without<R, X>]
  : readonly [];
const without = <X extends Level>(...dropped: X[]): Without<typeof LEVELS, X> =>
  LEVELS.filter((level) => !(dropped as readonly Level[]).includes(level)) as unknown as Without<typeof LEVELS, X>;

/** The levels a document's marking names (a document is never 非涉密). */
export const DOCUMENT_LEVELS = without('non_secret');
export type DocumentLevel = (typeof DOCUMENT_LEVELS)[number];

/** The levels a computer or medium is registered with (there is no 内部 computer). */
export const DEVICE_LEVELS = without('internal');
export type DeviceLevel = (typeof DEVICE_LEVELS)[number];

/** The state-secret levels, which need a ★ and a period. */
export const CLASSIFIED_LEVELS = without('internal', 'non_secret');
export type ClassifiedLevel = (typeof CLASSIFIED_LEVELS)[number];

/**
 * The rank of a level, higher is more sensitive: 绝密 3, 机密 2, 秘密 1, 内部 0, 非涉密 -1. 内部 sits at 0 because that
 * is what documents.level_rank has stored since migration 0002: existing ledgers keep their values.
 */
export function levelRank(level: Level): number {
  return LEVELS.indexOf('internal') - LEVELS.indexOf(level);
}

/**
 * The rank as state secrecy counts it: 内部 is no state secret, so the device rules and the backup medium weigh it
 * as 非涉密 (an 内部 file may go on a non-classified medium).
 */
export function secretRank(level: Level): number {
  return Math.max(levelRank(level), levelRank('internal'));
}

export function isClassified(level: Level): level is ClassifiedLevel {
  return secretRank(level) > levelRank('internal');
}

/** Whether `a` is more sensitive than `b`. */
export function isHigher(a: Level, b: Level): boolean {
  return levelRank(a) > levelRank(b);
}

/** Whether an item of `level` may go where up to `max` is allowed (a 机密 cabinet holds 秘密, not 绝密). */
export function levelFits(level: Level, max: Level): boolean {
  return levelRank(level) <= levelRank(max);
}

/** The most sensitive of the levels, or undefined for none. */
export function highest<L extends Level>(levels: Iterable<L>): L | undefined {
  let top: L | undefined;
  for (const level of levels) if (top === undefined || isHigher(level, top)) top = level;
  return top;
}

/** The level of a rank on a list of levels (e.g. a max() a query returned), or undefined. */
export function levelOfRank<L extends Level>(rank: number, among: readonly L[], rankOf: (level: Level) => number = levelRank): L | undefined {
  return among.find((level) => rankOf(level) === rank);
}

/**
 * A SQL CASE expression giving the rank of a level held in `column`, built from LEVELS (a trusted constant, never
 * user input: the column must be a plain identifier). `rankOf` is levelRank or secretRank.
 */
export function levelRankSql(column: string, rankOf: (level: Level) => number = levelRank): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/.test(column)) throw new Error(`Not a column name: ${column}`);
  return `CASE ${column} ${LEVELS.map((level) => `WHEN '${level}' THEN ${rankOf(level)}`).join(' ')} END`;
}
