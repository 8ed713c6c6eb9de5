// 份号: each copy of a document has a number, written with four digits and, on registers and slips, in ranges.

/** 7 -> "0007". */
export function formatCopyNo(n: number): string {
  return String(n).padStart(4, '0');
}

/**
 * 1,2,3,5 -> "0001-0003, 0005": how 份号 are written on registers and slips. A Chinese sentence (the history on screen)
 * lists them with 、 instead.
 */
export function compressCopyNos(nos: readonly number[], separator = ', '): string {
  const sorted = [...new Set(nos)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j += 1;
    parts.push(i === j ? formatCopyNo(sorted[i]!) : `${formatCopyNo(sorted[i]!)}-${formatCopyNo(sorted[j]!)}`);
    i = j + 1;
  }
  return parts.join(separator);
}

/** A copy that has left the unit's keeping (清退, 销毁, 传递出去) or whose registration was voided is in no cabinet. */
const GONE = new Set(['transmitted', 'returned', 'destroyed', 'voided']);

/** Where a copy is kept, if it still is: the last cabinet a gone copy stood in is history, not its place. */
export function storageLocation<L>(status: string, location: L | null): L | null {
  return GONE.has(status) ? null : location;
}
