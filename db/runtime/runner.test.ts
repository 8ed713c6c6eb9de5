// The runner's boundary: a command's input is an object (or nothing at all); anything else is refused.
import { describe, expect, it } from 'vitest';
import { auditRows, makeLedger, refused, refusedAsync } from '../testing';

describe('command input that is not an object', () => {
  it.each([
    ['null', null],
    ['an array', [{ idleMinutes: 5 }]],
    ['a string', '{"idleMinutes": 5}'],
    ['a number', 5],
    ['true', true],
  ])('%s is E_VALIDATION, for a public and a signed-in command, and writes no "ok" entry', async (_, input) => {
    const t = makeLedger();
    const entries = auditRows(t).length;
    expect(refused(t.service, 'settings.update', input)).toMatchObject({ code: 'E_VALIDATION' });
    expect(refused(t.service, 'ledger.status', input)).toMatchObject({ code: 'E_VALIDATION' });
    expect(await refusedAsync(t.service, 'settings.update', input)).toMatchObject({ code: 'E_VALIDATION' });
    const added = auditRows(t).slice(entries);
    expect(added.every((r) => r.outcome === 'refused' && r.error_code === 'E_VALIDATION')).toBe(true);
  });

  it('no input at all is still an empty object', () => {
    const t = makeLedger();
    expect(t.service.invoke('ledger.status', undefined)).toMatchObject({ ok: true });
    expect(t.service.invoke('settings.get', undefined)).toMatchObject({ ok: true });
  });
});
