// The whole-file check beside the session: damage deep in the file (where signing in reads nothing) lets the custodian
// sign in, is then found, ends the session with E_CORRUPT told to the screen, and keeps later sign-ins refused.
// A lock or logout while it runs leaves no thread behind. Real encrypted ledgers in temp folders.
import { closeSync, openSync, writeSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { LedgerService } from '../service';
import { ADMIN, auditRows, makeLedger, ok, refused, sha256File, TEST_KDF, withRaw, type SetUpLedger } from '../testing';
import type { LedgerStatus } from '../views';
import { checkInBackground, runningChecks } from './integrity-check';

const PAGE = 4096;
const WAIT = { timeout: 30_000, interval: 20 };
const loginAdmin = (t: SetUpLedger) => t.service.invoke('session.login', { username: ADMIN.username, password: ADMIN.password });

/** A ledger with a register of 2,000 items written straight into the file, closed (the log folded in). */
function filledLedger(): SetUpLedger {
  const t = makeLedger();
  withRaw(t, (db) =>
    db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
         INSERT INTO documents (year, seq, receipt_no, origin, doc_number, title, origin_unit, carrier, level, level_rank, marking, issue_date, scope,
                                must_return, attachments, remarks, registered_at, created_at, created_by)
         SELECT 2025, i, printf('2025-%04d', i), 'received', printf('鲁保发〔2025〕%d号', i), printf('关于做好保密工作的通知（第%d号）', i), '省国家保密局', 'paper',
                'secret', 2, '机密★10年', '2025-01-02', '[]', 0, '', '', '2025-01-03', '2025-01-03T01:00:00.000Z', 'zhangwei' FROM n`,
      )
      .run(),
  );
  t.restart();
  return t;
}

/** Four bytes flipped in the middle of one of the register's pages far from page 1: what signing in never reads. */
function damageDeepPage(t: SetUpLedger): number {
  const pages = withRaw(
    t,
    (db) => db.prepare(`SELECT pageno FROM dbstat WHERE name = 'documents' AND pagetype = 'leaf' ORDER BY pageno`).pluck().all() as number[],
  );
  const page = pages[pages.length >> 1]!;
  expect(page).toBeGreaterThan(10);
  const fd = openSync(t.dbPath, 'r+');
  try {
    writeSync(fd, Buffer.from([0xde, 0xad, 0xbe, 0xef]), 0, 4, (page - 1) * PAGE + PAGE / 2);
  } finally {
    closeSync(fd);
  }
  return page;
}

describe('the background integrity check', () => {
  it('a damaged page deep in the file: signed in, then the check ends the session with E_CORRUPT; later sign-ins are refused before writing', async () => {
    const t = filledLedger();
    damageDeepPage(t);
    expect(loginAdmin(t).ok).toBe(true);

    await vi.waitFor(() => expect(t.pushes.at(-1)).toMatchObject({ type: 'logged-out', error: { code: 'E_CORRUPT' } }), WAIT);
    expect(ok<LedgerStatus>(t.service, 'ledger.status')).toMatchObject({ state: 'locked', session: null, lockedUser: null });
    expect(refused(t.service, 'ledger.info').code).toBe('E_NOT_LOGGED_IN');
    await vi.waitFor(() => expect(runningChecks()).toBe(0), WAIT);
    const last = auditRows(t).at(-1)!;
    expect([last.action, last.outcome, last.error_code, last.actor]).toEqual(['ledger.integrityCheck', 'refused', 'E_CORRUPT', ADMIN.username]);

    // In this run and after a restart: refused at sign-in, the file left as it is.
    const before = sha256File(t.dbPath);
    expect(loginAdmin(t)).toMatchObject({ ok: false, error: { code: 'E_CORRUPT' } });
    t.restart();
    expect(loginAdmin(t)).toMatchObject({ ok: false, error: { code: 'E_CORRUPT' } });
    expect(refused(t.service, 'session.recover', { username: ADMIN.username, recoveryCode: t.recoveryCode, newPassword: 'Fresh2026pass' }).code).toBe(
      'E_CORRUPT',
    );
    expect(sha256File(t.dbPath)).toBe(before);
  });

  it('the CLI (one command, then gone) checks the whole file at sign-in: the same damage is refused before it writes', () => {
    const t = filledLedger();
    damageDeepPage(t);
    const before = sha256File(t.dbPath);
    const cli = new LedgerService({ dir: t.dir, holder: 'cli', kdf: TEST_KDF });
    try {
      expect(cli.invoke('session.login', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'E_CORRUPT' } });
    } finally {
      cli.close();
    }
    expect(sha256File(t.dbPath)).toBe(before);
  });

  it('a whole ledger: the check passes while the session writes, and the session goes on', async () => {
    const t = filledLedger();
    expect(loginAdmin(t).ok).toBe(true);
    for (let i = 0; i < 20; i++) ok(t.service, 'settings.update', { idleMinutes: 10 + (i % 5) });
    await vi.waitFor(() => expect(runningChecks()).toBe(0), WAIT);
    expect(t.pushes.filter((p) => p.type === 'logged-out')).toEqual([]);
    expect(ok<LedgerStatus>(t.service, 'ledger.status').state).toBe('unlocked');
    expect(auditRows(t).some((r) => r.action === 'ledger.integrityCheck')).toBe(false);
  });

  it.each([
    ['logout', 'session.logout'],
    ['lock', 'session.lock'],
  ])('a %s while the check runs stops it: no thread is left, nothing is reported of it', async (_name, command) => {
    const t = filledLedger();
    damageDeepPage(t);
    expect(loginAdmin(t).ok).toBe(true);
    expect(runningChecks()).toBeGreaterThan(0);
    ok(t.service, command);
    await vi.waitFor(() => expect(runningChecks()).toBe(0), WAIT);
    expect(t.pushes.some((p) => p.type === 'logged-out' && p.error)).toBe(false);
    expect(auditRows(t).some((r) => r.action === 'ledger.integrityCheck')).toBe(false);
  });

  it('stopped with its thread started: the thread exits and its result is dropped', async () => {
    const t = filledLedger();
    damageDeepPage(t);
    const reported: unknown[] = [];
    const check = checkInBackground(t.dbPath, t.key, undefined, (error) => reported.push(error), 0);
    await new Promise((resolve) => setTimeout(resolve, 1));
    check.stop();
    await vi.waitFor(() => expect(runningChecks()).toBe(0), WAIT);
    expect(reported).toEqual([]);
    // Not stopped, the same check finds the damage.
    checkInBackground(t.dbPath, t.key, undefined, (error) => reported.push(error?.code), 0);
    await vi.waitFor(() => expect(reported).toEqual(['E_CORRUPT']), WAIT);
  });
});
