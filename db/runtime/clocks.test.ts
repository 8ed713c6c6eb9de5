// Clocks that lie: the wall clock moved forward or back around the throttle, the idle lock and the audit chain.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../audit/chain';
import type { Db } from '../store/sql';
import { ADMIN, auditRows, makeLedger, ok, refused, withRaw } from '../testing';

const YEAR = 365 * 24 * 3600_000;
const MINUTE = 60_000;

describe('the failed-attempt throttle and a wrong clock', () => {
  it('five failures while the clock was a year ahead: once it is right the wait is at most 30 s, then the password and the recovery code work', () => {
    const t = makeLedger();
    ok(t.service, 'session.logout');
    t.clock.jumpWall(YEAR);
    for (let i = 1; i <= 5; i++) refused(t.service, 'session.login', { username: ADMIN.username, password: `Wrong${i}pass` });
    t.clock.jumpWall(-YEAR);
    const waiting = refused(t.service, 'session.login', { username: ADMIN.username, password: ADMIN.password });
    expect(waiting).toMatchObject({ code: 'E_TOO_MANY_ATTEMPTS' });
    expect(Number(waiting.details?.['retryAfterMs'])).toBeLessThanOrEqual(30_000);
    expect(t.service.status().retryAfterMs).toBeLessThanOrEqual(30_000);
    t.clock.advance(30_000);
    ok(t.service, 'session.recover', { username: ADMIN.username, recoveryCode: t.recoveryCode, newPassword: 'Recovered2026pass' });
  });
});

describe('the idle lock follows a monotonic clock, not the wall clock', () => {
  it('the wall clock set back an hour does not keep an idle session unlocked; set forward it does not lock an active one', () => {
    const t = makeLedger(); // idleMinutes: 10
    t.clock.jumpWall(-60 * MINUTE);
    t.clock.advance(10 * MINUTE);
    t.service.tick();
    expect(t.service.status()).toMatchObject({ state: 'locked' });

    ok(t.service, 'session.unlock', { password: ADMIN.password });
    t.clock.jumpWall(24 * 60 * MINUTE);
    t.service.tick();
    expect(t.service.status()).toMatchObject({ state: 'unlocked' });
  });
});

describe('the audit chain and a wall clock set back', () => {
  it('keeps the order of seq, records the earlier time as it is, and notes the clock went back', () => {
    const t = makeLedger();
    ok(t.service, 'settings.update', { idleMinutes: 15 });
    const before = auditRows(t).at(-1)!;
    t.clock.jumpWall(-60 * MINUTE);
    ok(t.service, 'settings.update', { idleMinutes: 20 });
    const rows = auditRows(t);
    const last = rows.at(-1)!;
    expect(last.seq).toBe(before.seq + 1);
    expect(last.at < before.at).toBe(true);
    expect(JSON.parse(last.summary)).toMatchObject({ clockBack: { previousAt: before.at } });
    expect(JSON.parse(before.summary)).not.toHaveProperty('clockBack');
    expect(withRaw(t, (db) => verifyChain(db, readLedgerId(db)))).toMatchObject({ intact: true });
  });
});

function readLedgerId(db: Db): string {
  return (db.prepare(`SELECT value FROM ledger_meta WHERE key = 'ledger_id'`).get() as { value: string }).value;
}

describe('the throttle runs out with time passing, whatever the wall clock says', () => {
  it('failures while the clock was a year ahead, the clock set right, 15 minutes pass with no attempt: the recovery code works', () => {
    const t = makeLedger();
    ok(t.service, 'session.logout');
    t.clock.jumpWall(YEAR);
    for (let i = 1; i <= 5; i++) refused(t.service, 'session.login', { username: ADMIN.username, password: `Wrong${i}pass` });
    t.clock.jumpWall(-YEAR);
    t.clock.advance(15 * MINUTE + 1000);
    ok(t.service, 'session.recover', { username: ADMIN.username, recoveryCode: t.recoveryCode, newPassword: 'Recovered2026pass' });
  });

  it('a record far in the future found after a restart: the wait shown is at most 15 minutes and runs out', () => {
    const t = makeLedger();
    t.service.close();
    const keys = JSON.parse(readFileSync(t.keyPath, 'utf8')) as { throttle: unknown };
    keys.throttle = { failures: 1000, lastFailureAt: t.clock.now + 10 * YEAR };
    writeFileSync(t.keyPath, JSON.stringify(keys));
    const s = t.restart();
    expect(s.status().retryAfterMs).toBe(15 * MINUTE);
    t.clock.advance(15 * MINUTE + 1000);
    ok(s, 'session.login', { username: ADMIN.username, password: ADMIN.password });
  });
});
