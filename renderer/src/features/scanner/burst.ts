// Tells a barcode scanner from a person at the keyboard by timing alone. A keyboard-wedge scanner types the whole
// code at a few milliseconds a key and ends it with Enter; a person types 60-250 ms apart and never eight keys at 28
// a second. The time is the key's own stamp (when the keyboard sent it), so a busy screen does not slow a scan down.
// Measured: Playwright's keyboard.type with delay 5 stamps keys 7-18 ms apart (delay 10: 12-22 ms) on an idle page,
// but it waits for each key to be handled, and on a loaded test machine its keys came 100 ms apart: the e2e test
// stamps its keys as a keyboard does. The first keys of a burst cannot be told from typing yet: they reach the field
// and are taken back if it was a scan; from the third fast key on the keys are held back, and typed after all if the
// burst ends without Enter. Only a label code is a scan: a scanner is a keyboard too, and whatever else it types (a
// serial number into its field, a receipt number into a search box) is typing.

import { looksLikeItemCode } from '../../../../db/domain/item-codes';

/** A scan's keys come at most this far apart on average, Enter included. */
const SCAN_MEAN_GAP_MS = 35;
/** A gap up to this still continues a burst (one late key on a busy machine); a longer one starts a new one. */
const BURST_GAP_MS = 80;
/** The shortest code a scan carries (a label code is 11 characters). */
const SCAN_MIN_LENGTH = 8;
/** Keys of a burst that reach the field before it is held back. */
const TYPED_AHEAD = 2;
/** Held keys of a burst that stopped without Enter are typed after this long without a key. */
export const RELEASE_AFTER_MS = 120;

export interface Burst {
  /** Every character of the burst, in order. */
  text: string;
  /** How many of its first characters reached the field; the rest are held back. */
  typed: number;
  /** When its first and its last key came (the events' time stamps, ms). */
  first: number;
  last: number;
}

export type KeyInput = { kind: 'char'; char: string; at: number } | { kind: 'enter'; at: number } | { kind: 'other' };

export interface Step {
  burst: Burst | null;
  /** Held characters to type now, before this key takes effect: their burst was typing after all. */
  release: string;
  /** This key starts a new burst (what the field holds now is what a scan restores). */
  started: boolean;
  /** What becomes of the key itself: it goes through, is held back, or is the Enter that ends a scan. */
  key: 'pass' | 'hold' | 'scan';
  /** With key 'scan': the code read. */
  text?: string;
}

const held = (burst: Burst | null) => (burst ? burst.text.slice(burst.typed) : '');
const meanGap = (first: number, at: number, gaps: number) => (at - first) / gaps;

/**
 * The next state after one key: a pure function of the burst so far and the key with its time stamp.
 * @param isCode whether a burst's text reads as a label code (a mistyped one included)
 */
export function step(burst: Burst | null, input: KeyInput, isCode: (text: string) => boolean = looksLikeItemCode): Step {
  if (input.kind === 'other') return { burst: null, release: held(burst), started: false, key: 'pass' };
  const continues = burst !== null && input.at - burst.last <= BURST_GAP_MS;
  if (input.kind === 'enter') {
    const scan =
      continues && burst.text.length >= SCAN_MIN_LENGTH && meanGap(burst.first, input.at, burst.text.length) <= SCAN_MEAN_GAP_MS && isCode(burst.text);
    return scan
      ? { burst: null, release: '', started: false, key: 'scan', text: burst.text }
      : { burst: null, release: held(burst), started: false, key: 'pass' };
  }
  if (!continues) {
    return { burst: { text: input.char, typed: 1, first: input.at, last: input.at }, release: held(burst), started: true, key: 'pass' };
  }
  const text = burst.text + input.char;
  const fast = text.length > TYPED_AHEAD && meanGap(burst.first, input.at, text.length - 1) <= SCAN_MEAN_GAP_MS;
  if (fast) return { burst: { ...burst, text, last: input.at }, release: '', started: false, key: 'hold' };
  // Too slow for a scan so far: whatever was held goes to the field first, then this key, in the order typed.
  return { burst: { ...burst, text, typed: text.length, last: input.at }, release: held(burst), started: false, key: 'pass' };
}

/**
 * No key for `idle` ms since the last was handled: a burst that held keys back was not a scan, and they are typed now.
 * Counted from when the key was handled, not from its time stamp: keys stamped by the keyboard wait in a queue while
 * the screen is busy, and the burst goes on once they come.
 */
export function expire(burst: Burst | null, idle: number): { burst: Burst | null; release: string } {
  if (!burst || idle < RELEASE_AFTER_MS) return { burst, release: '' };
  return { burst: null, release: held(burst) };
}
