// Clocks that lie: the wall clock moved forward and back around the failed-attempt throttle, the idle lock and the
// audit chain. The custodian is never locked out for longer than the throttle's maximum (15 minutes), whatever
// times the key file holds; the idle lock follows time that passed, not the wall clock.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADMIN, auditRows, makeLedger, ok, refused, type SetUpLedger } from '../../db/testing';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const MAX_WAIT = 15 * MINUTE;
const WRONG = 'Wrong2026pass';

/** A set-up ledger, locked out: five wrong passwords at the current (test) time. */
function lockedOut(): SetUpLedger {
  const t = makeLedger();
  ok(t.service, 'session.logout');
  for (let i = 0; i < 5; i += 1) refused(t.service, 'session.login', { username: ADMIN.username, password: WRONG });
  return t;
}

const signIn = (t: SetUpLedger) => t.service.invoke('session.login', { username: ADMIN.username, password: ADMIN.password });
const waitOf = (t: SetUpLedger) => t.service.status().retryAfterMs;

describe('the throttle when the clock moves forward', () => {
  it('a wait that has passed on the wall clock is over', () => {
    const t = lockedOut();
    expect(waitOf(t)).toBeGreaterThan(0);
    t.clock.jumpWall(DAY);
    expect(waitOf(t)).toBe(0);
    expect(signIn(t)).toMatchObject({ ok: true });
  });
});

describe('the throttle when the clock was wrong at the failures', () => {
  it('five failures a year ahead, then the clock set right: at most 15 minutes, then the right password works', () => {
    const t = makeLedger();
    ok(t.service, 'session.logout');
    t.clock.jumpWall(365 * DAY);
    for (let i = 0; i < 5; i += 1) refused(t.service, 'session.login', { username: ADMIN.username, password: WRONG });
    t.clock.jumpWall(-365 * DAY);
    expect(waitOf(t)).toBeLessThanOrEqual(MAX_WAIT);
    const early = signIn(t);
    if (!early.ok) expect(early.error).toMatchObject({ code: 'E_TOO_MANY_ATTEMPTS', details: { retryAfterMs: expect.any(Number) } });
    if (!early.ok) expect((early.error.details as { retryAfterMs: number }).retryAfterMs).toBeLessThanOrEqual(MAX_WAIT);
    t.clock.advance(MAX_WAIT + 1000);
    expect(signIn(t)).toMatchObject({ ok: true });
  });
});

// Found by this suite: a failure time in the future is moved to now only by the next attempt, so until someone tries
// (and is refused once more) the wait stays at its full length however much time passes.
describe('the throttle runs out with time passing, after the clock was wrong', () => {
  it('the same, and the recovery code works after at most 15 minutes too', () => {
    const t = makeLedger();
    ok(t.service, 'session.logout');
    t.clock.jumpWall(365 * DAY);
    for (let i = 0; i < 5; i += 1) refused(t.service, 'session.login', { username: ADMIN.username, password: WRONG });
    t.clock.jumpWall(-365 * DAY);
    t.clock.advance(MAX_WAIT + 1000);
    expect(t.service.invoke('session.recover', { username: ADMIN.username, recoveryCode: t.recoveryCode, newPassword: 'Recovered2026pass' })).toMatchObject({
      ok: true,
    });
  });

  it('failures, then the clock moved back a day: the wait is at most 15 minutes, not a day', () => {
    const t = lockedOut();
    t.clock.jumpWall(-DAY);
    expect(waitOf(t)).toBeGreaterThan(0);
    expect(waitOf(t)).toBeLessThanOrEqual(MAX_WAIT);
    t.clock.advance(MAX_WAIT + 1000);
    expect(signIn(t)).toMatchObject({ ok: true });
  });

  it('a throttle record far in the future with many failures (as a wrong clock or a tampered file leaves it) waits at most 15 minutes', () => {
    const t = makeLedger();
    t.service.close();
    const keys = JSON.parse(readFileSync(t.keyPath, 'utf8')) as { throttle: unknown };
    keys.throttle = { failures: 1000, lastFailureAt: t.clock.now + 10 * 365 * DAY };
    writeFileSync(t.keyPath, JSON.stringify(keys, null, 1));
    const s = t.restart();
    expect(s.status().retryAfterMs).toBeLessThanOrEqual(MAX_WAIT);
    t.clock.advance(MAX_WAIT + 1000);
    expect(s.invoke('session.login', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({ ok: true });
  });
});

describe('the idle lock follows the time that passed, not the wall clock', () => {
  it('the wall clock moved back an hour: locked after 11 idle minutes (setting: 10)', () => {
    const t = makeLedger();
    ok(t.service, 'settings.update', { idleMinutes: 10 });
    t.clock.jumpWall(-60 * MINUTE);
    t.clock.advance(11 * MINUTE);
    t.service.tick();
    expect(t.service.status().state).toBe('locked');
  });

  it('the wall clock moved forward a day: not locked after one idle minute', () => {
    const t = makeLedger();
    t.clock.jumpWall(DAY);
    t.clock.advance(MINUTE);
    t.service.tick();
    expect(t.service.status().state).toBe('unlocked');
  });
});

describe('the audit chain when the clock moves back', () => {
  it('an entry earlier than the previous one keeps its place (seq) and says the clock went back; the chain verifies', () => {
    const t = makeLedger();
    ok(t.service, 'settings.update', { idleMinutes: 15 });
    t.clock.jumpWall(-2 * DAY);
    ok(t.service, 'settings.update', { idleMinutes: 20 });
    const rows = auditRows(t);
    const [before, after] = rows.slice(-2);
    expect(after!.seq).toBe(before!.seq + 1);
    expect(after!.at < before!.at).toBe(true);
    expect(JSON.parse(after!.summary), 'the entry does not note the clock going back').toMatchObject({ clockBack: { previousAt: before!.at } });
    expect(ok(t.service, 'audit.verify')).toMatchObject({ intact: true });
  });
});
