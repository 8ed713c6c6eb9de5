// Two and more processes on one ledger folder. The one that holds the ledger keeps it; any other (a second app, the
// CLI, a restore) is refused with E_LEDGER_IN_USE naming the holder and changes nothing. Processes racing for the
// key file (a new account, a password change, wrong passwords) lose no slot, and every failure is counted and audited.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvokeResult } from '../../db/process-protocol';
import { LedgerService } from '../../db/service';
import { ADMIN, sha256File, TEST_KDF } from '../../db/testing';
import { copyFolder, look, newFolder, scratch, startWorker, type Folder, type Worker } from './harness';

const RACERS = 4;
const WRONG = 'Wrong2026pass';
const SIGN_IN = { name: 'session.login', input: { username: ADMIN.username, password: ADMIN.password } };
const day = new Date().toISOString().slice(0, 10);
const receive = (docNumber: string) => ({
  name: 'documents.receive',
  input: {
    receivedAt: day,
    issueDate: day,
    originUnit: '省国家保密局',
    docNumber,
    title: `并发${docNumber}`,
    marking: '机密★10年',
    copies: 1,
    scope: ['办公室'],
    locationId: 1,
    signedBy: '李明',
  },
});

let space: ReturnType<typeof scratch>;
let base: Folder;
let backupFolder = '';
let cases = 0;

beforeAll(() => {
  space = scratch('contention');
  base = newFolder(join(space.root, 'base'));
  // A backup to restore from while another process holds the ledger.
  const s = new LedgerService({ dir: base.dir, kdf: TEST_KDF });
  const run = (name: string, input: unknown) => {
    const r = s.invoke(name, input);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  run(SIGN_IN.name, SIGN_IN.input);
  run('media.register', {
    code: 'BK-1',
    type: 'hdd',
    model: 'm',
    serial: 'HDD-1',
    capacity: '1TB',
    level: 'secret',
    responsible: '李明',
    department: '办公室',
    usageScope: '备份',
    enabledAt: '2026-02-01',
    backupApproved: true,
  });
  const medium = join(space.root, 'medium');
  mkdirSync(medium);
  backupFolder = (run('backup.run', { mediumId: 'BK-1', folder: medium }) as { path: string }).path;
  s.close();
});
afterAll(() => space.remove());

const fresh = () => copyFolder(base, join(space.root, `case-${(cases += 1)}`));
type Result = InvokeResult & { error?: { code: string; details?: unknown } };
const resultsOf = (w: Worker) => w.lines.filter((l) => 'step' in l).map((l) => l.result as Result);

/** Starts one worker per step list, waits until all are loaded, then lets them go at once. */
async function race(f: Folder, stepLists: { name: string; input: unknown }[][]): Promise<Result[][]> {
  const workers = stepLists.map((steps) => startWorker('steps', { dir: f.dir, steps, waitGo: true }));
  await Promise.all(workers.map((w) => w.waitFor((l) => 'loaded' in l, 30_000)));
  for (const w of workers) w.send('go');
  await Promise.all(workers.map((w) => w.exited));
  return workers.map(resultsOf);
}

const inUse = (r: Result | undefined) => r?.ok === false && r.error?.code === 'E_LEDGER_IN_USE';
const keyFileOf = (f: Folder) =>
  JSON.parse(readFileSync(f.keyPath, 'utf8')) as { throttle: { failures: number }; pendingAudit: unknown[]; slots: { id: string }[] };

/**
 * Wrong passwords the ledger knows of: sealed in the key file while locked, or moved into the audit log by a sign-in
 * (which also resets the throttle). Signs in to move them, so the audit log shows every one.
 */
function countedAndAudited(f: Folder, password: string = ADMIN.password): number {
  const s = new LedgerService({ dir: f.dir, kdf: TEST_KDF });
  const signedIn = s.invoke('session.login', { username: ADMIN.username, password }).ok;
  s.close();
  const { audit } = look(f);
  if (!signedIn) return -1;
  return audit.filter((a) => a.action === 'session.login' && a.outcome === 'refused').length;
}

describe('two processes on one folder', () => {
  it('the second is refused with E_LEDGER_IN_USE naming the holder; it changes nothing and nothing of the first is lost', { timeout: 90_000 }, async () => {
    const f = fresh();
    const holder = startWorker('steps', { dir: f.dir, steps: [SIGN_IN, receive('A-1'), receive('A-2'), receive('A-3')], hold: true });
    const { pid } = await holder.waitFor((l) => 'loaded' in l, 30_000);
    await holder.waitFor((l) => 'holding' in l, 30_000);
    expect(resultsOf(holder).every((r) => r.ok)).toBe(true);
    const before = { keys: sha256File(f.keyPath) };

    const second = startWorker('steps', {
      dir: f.dir,
      steps: [
        SIGN_IN,
        { name: 'session.login', input: { username: ADMIN.username, password: WRONG } },
        { name: 'backup.restore', input: { folder: backupFolder, username: ADMIN.username, password: ADMIN.password } },
      ],
    });
    await second.exited;
    const refusals = resultsOf(second);
    expect(refusals).toHaveLength(3);
    for (const r of refusals) {
      expect(inUse(r), JSON.stringify(r)).toBe(true);
      expect(JSON.stringify(r.error!.details), 'the refusal does not name the holding process').toContain(String(pid));
    }
    // The operator CLI, too: a code on standard error, never a stack trace.
    for (const verb of [['info'], ['verify-audit']]) {
      const cli = spawnSync(process.execPath, ['--import', 'tsx', 'db/cli.ts', ...verb, '--dir', f.dir, '--user', ADMIN.username], {
        encoding: 'utf8',
        env: { ...process.env, LEDGER_PASSWORD: ADMIN.password },
      });
      expect(cli.status, cli.stderr).toBe(1);
      expect(cli.stderr).toMatch(/^E_LEDGER_IN_USE: /);
      expect(cli.stderr).not.toMatch(/\n\s+at /);
    }
    expect(sha256File(f.keyPath), 'the refused process wrote the key file').toBe(before.keys);

    holder.send('close');
    await holder.exited;
    const after = look(f);
    expect(
      ['A-1', 'A-2', 'A-3'].filter((d) => !after.docNumbers.has(d)),
      'lost to the refused restore',
    ).toEqual([]);
    expect(after.chain).toMatchObject({ intact: true });
    expect(after.integrity).toBe('ok');
    // Once the holder is gone the folder is free again.
    const next = startWorker('steps', { dir: f.dir, steps: [SIGN_IN] });
    await next.exited;
    expect(resultsOf(next)[0]).toMatchObject({ ok: true });
  });
});

describe('key-file races between processes', () => {
  it(`${RACERS} processes each create an account at once: every created account has its slot and can sign in`, { timeout: 90_000 }, async () => {
    const f = fresh();
    const users = Array.from({ length: RACERS }, (_, i) => ({ username: `racer${i + 1}`, password: `Racer${i + 1}pass2026` }));
    const results = await race(
      f,
      users.map((u) => [
        SIGN_IN,
        { name: 'account.create', input: { username: u.username, displayName: u.username, roles: ['custodian'], password: u.password } },
      ]),
    );
    const created = users.filter((_, i) => results[i]![1]?.ok === true);
    // Each racer either did its work or was refused cleanly at the door.
    results.forEach((r, i) => expect(r[1]?.ok === true || inUse(r[0]) || inUse(r[1]), `racer ${i + 1}: ${JSON.stringify(r)}`).toBe(true));
    expect(created.length).toBeGreaterThan(0);
    const s = new LedgerService({ dir: f.dir, kdf: TEST_KDF });
    try {
      for (const u of created) {
        const r = s.invoke('session.login', { username: u.username, password: u.password });
        expect(r, `${u.username} was created but has no usable key slot`).toMatchObject({ ok: true });
      }
    } finally {
      s.close();
    }
    expect(keyFileOf(f).slots).toHaveLength(2 + created.length);
  });

  it(`${RACERS} wrong passwords at once: each one that was tried is counted and reaches the audit log`, { timeout: 90_000 }, async () => {
    const f = fresh();
    const results = await race(
      f,
      Array.from({ length: RACERS }, () => [{ name: 'session.login', input: { username: ADMIN.username, password: WRONG } }]),
    );
    const tried = results.filter((r) => r[0]?.ok === false && r[0].error?.code === 'E_WRONG_PASSWORD').length;
    results.forEach((r) => expect(r[0]?.ok === false && (r[0].error?.code === 'E_WRONG_PASSWORD' || inUse(r[0])), JSON.stringify(r)).toBe(true));
    expect(tried).toBeGreaterThan(0);
    expect(keyFileOf(f).throttle.failures).toBe(tried);
    expect(countedAndAudited(f)).toBe(tried);
  });

  it('a password change raced by wrong passwords: the change is kept, and every wrong password is counted', { timeout: 90_000 }, async () => {
    const f = fresh();
    const NEW = 'Changed2026pass';
    const results = await race(f, [
      [SIGN_IN, { name: 'account.changePassword', input: { oldPassword: ADMIN.password, newPassword: NEW } }],
      ...Array.from({ length: RACERS - 1 }, () => [{ name: 'session.login', input: { username: ADMIN.username, password: WRONG } }]),
    ]);
    const changed = results[0]![1]?.ok === true;
    const tried = results.slice(1).filter((r) => r[0]?.ok === false && r[0].error?.code === 'E_WRONG_PASSWORD').length;
    expect(countedAndAudited(f, changed ? NEW : ADMIN.password), JSON.stringify(results)).toBe(tried);
    const s = new LedgerService({ dir: f.dir, kdf: TEST_KDF });
    try {
      expect(s.invoke('session.login', { username: ADMIN.username, password: changed ? NEW : ADMIN.password }), JSON.stringify(results)).toMatchObject({
        ok: true,
      });
      if (changed) expect(s.invoke('session.login', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({ ok: false });
    } finally {
      s.close();
    }
  });
});
