// The burst detector over key timings: a scanner's fast keys ending in Enter are a scan, a person's typing never is,
// and no key typed by a person is lost or reordered.
import { describe, expect, it } from 'vitest';
import { expire, RELEASE_AFTER_MS, step, type Burst, type KeyInput, type Step } from './burst';

const CODE = 'SL7KD00012Q';

/** Feeds keys at the given gaps (ms before each key); `\n` is Enter. Returns every step and what the field shows. */
function feed(keys: string, gaps: number | number[], start = 1000) {
  let burst: Burst | null = null;
  let at = start;
  let field = '';
  const steps: Step[] = [];
  [...keys].forEach((ch, i) => {
    at += Array.isArray(gaps) ? (gaps[i] ?? 0) : i === 0 ? 0 : gaps;
    const input: KeyInput = ch === '\n' ? { kind: 'enter', at } : { kind: 'char', char: ch, at };
    const s = step(burst, input);
    field += s.release;
    if (s.key === 'pass' && ch !== '\n') field += ch;
    steps.push(s);
    burst = s.burst;
  });
  const end = expire(burst, RELEASE_AFTER_MS);
  field += end.release;
  return { steps, field, last: steps[steps.length - 1]!, burst: end.burst };
}

describe('a scan: fast keys ending in Enter', () => {
  it('reads the code when the keys come 5-20 ms apart (a wedge scanner, Playwright delay 5 or 10)', () => {
    for (const gap of [2, 8, 15, 20]) {
      const { last } = feed(`${CODE}\n`, gap);
      expect(last.key).toBe('scan');
      expect(last.text).toBe(CODE);
    }
  });

  it('lets the first two keys through and holds back the rest, so that only those two are taken back', () => {
    const { steps } = feed(`${CODE}\n`, 8);
    expect(steps.map((s) => s.key).join(' ')).toBe(['pass', 'pass', ...Array<string>(CODE.length - 2).fill('hold'), 'scan'].join(' '));
    expect(steps[0]!.started).toBe(true);
  });

  it('survives one late key on a busy machine (a gap up to 80 ms) while the burst stays fast on average', () => {
    const gaps = [0, 8, 8, 8, 70, 8, 8, 8, 8, 8, 8, 8];
    expect(feed(`${CODE}\n`, gaps).last.key).toBe('scan');
  });

  it('is not a scan when it is shorter than eight characters (a number typed fast, then Enter)', () => {
    const { last, field } = feed('0012\n', 8);
    expect(last.key).toBe('pass');
    expect(field).toBe('0012');
  });

  it('is not a scan when the scanner types anything but a label code (a serial number, a receipt number): that is typed', () => {
    for (const text of ['2026-0002', 'PC-2026-000123', 'SN8F3K2L9Q']) {
      const { last, field } = feed(`${text}\n`, 5);
      expect(last.key).toBe('pass');
      expect(field).toBe(text);
    }
  });

  it('is a scan when the code is mistyped (its check character wrong): it is refused, not typed', () => {
    const mistyped = CODE.slice(0, -1) + (CODE.endsWith('Z') ? 'Y' : 'Z');
    expect(feed(`${mistyped}\n`, 8).last.key).toBe('scan');
  });

  it('is not a scan when Enter comes long after the burst', () => {
    const gaps = [...Array<number>(CODE.length).fill(8), 200];
    const { last, field } = feed(`${CODE}\n`, gaps);
    expect(last.key).toBe('pass');
    expect(field).toBe(CODE);
  });
});

describe('a person typing', () => {
  it('is never a scan, even a fast typist (60-120 ms a key)', () => {
    const gaps = [0, 90, 60, 120, 75, 64, 110, 80, 95, 70, 66, 85];
    const { steps, field } = feed(`${CODE}\n`, gaps);
    expect(steps.every((s) => s.key === 'pass')).toBe(true);
    expect(field).toBe(CODE);
  });

  it('types every key in order when three keys roll over fast and the typing goes on slowly', () => {
    // "the" rolled over in 20 ms, then slower: the held "e" goes to the field before the next key.
    const gaps = [0, 15, 20, 150, 130, 140];
    const { steps, field } = feed('thenew', gaps);
    expect(steps[2]!.key).toBe('hold');
    expect(steps[3]!.release).toBe('e');
    expect(field).toBe('thenew');
  });

  it('types held keys when the typing stops without Enter', () => {
    const { field, burst } = feed('abcd', 10);
    expect(field).toBe('abcd');
    expect(burst).toBeNull();
  });

  it('types held keys before a key that is not a character (Backspace, Tab) takes effect', () => {
    let s = feed('abc', 10);
    expect(s.steps[2]!.key).toBe('hold');
    const next = step(s.steps[2]!.burst, { kind: 'other' });
    expect(next.release).toBe('c');
    expect(next.burst).toBeNull();
    // And before an Enter that ends no scan.
    s = feed('abc\n', 10);
    expect(s.last.release).toBe('c');
    expect(s.field).toBe('abc');
  });

  it('starts a new burst after a pause', () => {
    const gaps = [0, 10, 10, 300, 10];
    const { steps, field } = feed('abcde', gaps);
    expect(steps[3]!.started).toBe(true);
    expect(steps[3]!.release).toBe('c');
    expect(field).toBe('abcde');
  });
});

describe('held keys after the burst', () => {
  it('are kept until no key came for the release time', () => {
    const { steps } = feed('abc', 10);
    const burst = steps[2]!.burst;
    expect(expire(burst, RELEASE_AFTER_MS - 1)).toEqual({ burst, release: '' });
    expect(expire(burst, RELEASE_AFTER_MS)).toEqual({ burst: null, release: 'c' });
  });
});
