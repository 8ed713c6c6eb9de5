// 收文编号 and batch numbers are formatted from a pattern the unit sets (default 2026-0001), and the 知悉范围 check.

/** The pattern a new ledger starts with: 2026-0001. */
export const DEFAULT_RECEIPT_NO_FORMAT = '{year}-{seq:4}';

/** What a 收文编号 pattern must hold: the number within the year, {seq} or {seq:N}. */
export const RECEIPT_NO_RULE = /\{seq(:\d)?\}/;

/** Patterns the settings offer by their example; any other is the expert's own (custom). */
export const RECEIPT_NO_PATTERNS = [DEFAULT_RECEIPT_NO_FORMAT, '{year}{seq:4}', '{year}-{seq:3}', '{year}-{seq:5}'] as const;

/** Formats a number from a pattern: {year}, {seq} or {seq:N} (zero-padded to N digits). */
export function formatNumber(pattern: string, year: number, seq: number): string {
  return pattern
    .replace(/\{year\}/g, String(year))
    .replace(/\{seq(?::(\d))?\}/g, (_, width: string | undefined) => String(seq).padStart(Number(width ?? 0), '0'));
}

/** Whether a person (by name, or by department) is inside an item's 知悉范围. */
export function inScope(scope: readonly string[], person: { name: string; department?: string | undefined }): boolean {
  const name = person.name.trim();
  const department = person.department?.trim();
  return scope.some((s) => s === name || (!!department && s === department));
}
