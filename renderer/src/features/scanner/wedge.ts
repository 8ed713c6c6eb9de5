// The window's first look at every key (capture phase, before any field or shortcut): bursts are read by ./burst,
// the keys held back never reach the page, and a scan's Enter submits nothing.
import { parseItemCode } from '../../../../db/domain/item-codes';
import { expire, RELEASE_AFTER_MS, step, type Burst, type KeyInput } from './burst';
import { restoreField, snapshotOfFocus, typeIntoFocus, type FieldSnapshot } from './fields';
import type { Scan } from './targets';

const MODIFIERS = new Set(['Shift', 'CapsLock', 'Control', 'Alt', 'AltGraph', 'Meta', 'NumLock']);

/** A key as the detector sees it; null for a modifier alone (a scanner presses Shift for capitals). */
function inputOf(e: KeyboardEvent): KeyInput | null {
  if (MODIFIERS.has(e.key)) return null;
  // A held-down key repeats at ~30 ms: that is a person, as is anything typed through an input method.
  if (e.repeat || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return { kind: 'other' };
  if (e.key === 'Enter') return { kind: 'enter', at: e.timeStamp };
  return e.key.length === 1 ? { kind: 'char', char: e.key, at: e.timeStamp } : { kind: 'other' };
}

/** Listens for scans until the returned function is called. */
export function listenForScans(onScan: (scan: Scan) => void): () => void {
  let burst: Burst | null = null;
  let before: FieldSnapshot | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the last key was handled (its time stamp may be much older: it waited while the screen was busy). */
  let handledAt = 0;
  let swallowEnterUp = false;

  const settleLater = () => {
    clearTimeout(timer);
    if (burst && burst.typed < burst.text.length) timer = setTimeout(settle, RELEASE_AFTER_MS);
  };
  const settle = () => {
    const next = expire(burst, performance.now() - handledAt);
    burst = next.burst;
    typeIntoFocus(next.release);
    settleLater();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const input = inputOf(e);
    if (!input) return;
    handledAt = performance.now();
    const next = step(burst, input);
    typeIntoFocus(next.release);
    if (next.started) before = snapshotOfFocus();
    burst = next.burst;
    if (next.key !== 'pass') {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
    if (next.key === 'scan') {
      swallowEnterUp = true;
      restoreField(before);
      before = null;
      onScan({ text: next.text!, parsed: parseItemCode(next.text!) });
    }
    settleLater();
  };
  const onKeyUp = (e: KeyboardEvent) => {
    if (!swallowEnterUp || e.key !== 'Enter') return;
    swallowEnterUp = false;
    e.preventDefault();
    e.stopImmediatePropagation();
  };

  window.addEventListener('keydown', onKeyDown, true);
  window.addEventListener('keyup', onKeyUp, true);
  return () => {
    clearTimeout(timer);
    window.removeEventListener('keydown', onKeyDown, true);
    window.removeEventListener('keyup', onKeyUp, true);
  };
}
