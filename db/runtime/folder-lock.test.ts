import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LedgerError } from '../errors';
import { ADMIN, makeLedger, ok, sha256File, tempDir } from '../testing';
import { acquireFolderLock, FOLDER_LOCK_FILE } from './folder-lock';

// Node itself with tsx's loader (not the tsx wrapper): the child's pid is the process holding the lock.
const CHILD = ['--import', 'tsx', join(import.meta.dirname, 'folder-lock.child.ts')];

/** A process of its own on the folder, as a second app or the CLI would be. */
function other(
  mode: 'try' | 'login',
  dir: string,
  args: string[] = [],
  stdin = '',
): { ok: boolean; error?: { code: string; details?: Record<string, unknown> } } {
  const r = spawnSync(process.execPath, [...CHILD, mode, dir, ...args], { input: stdin, encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

async function holder(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...CHILD, 'hold', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  expect(line.toString().trim()).toBe('held');
  return child;
}

function refusal(work: () => unknown): LedgerError {
  try {
    work();
  } catch (err) {
    if (err instanceof LedgerError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('one owner per ledger folder', () => {
  it('refuses a second process with E_LEDGER_IN_USE naming the holder, and takes over from a killed one', async () => {
    const dir = tempDir();
    const child = await holder(dir);
    try {
      const error = refusal(() => acquireFolderLock(dir, 'app'));
      expect(error.code).toBe('E_LEDGER_IN_USE');
      expect(error.details).toMatchObject({ holder: 'cli', pid: child.pid });
      expect(Date.parse(String(error.details?.['since']))).toBeGreaterThan(Date.now() - 60_000);
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    // A dead owner's lock is gone with its process: no waiting for it to go stale.
    const lock = acquireFolderLock(dir, 'app');
    expect(other('try', dir)).toMatchObject({ ok: false, error: { code: 'E_LEDGER_IN_USE', details: { holder: 'app', pid: process.pid } } });
    lock.release();
    expect(other('try', dir)).toEqual({ ok: true });
  }, 60_000);

  it('is shared inside one process and released with its last holder', () => {
    const dir = tempDir();
    const first = acquireFolderLock(dir, 'app');
    const second = acquireFolderLock(dir, 'app');
    first.release();
    first.release(); // releasing twice does not release the other holder's share
    expect(other('try', dir).ok).toBe(false);
    second.release();
    expect(other('try', dir).ok).toBe(true);
  }, 60_000);

  it('keeps a second process from signing in while a service has the ledger, changing nothing; close() lets it in', () => {
    const t = makeLedger();
    const files = [t.dbPath, t.keyPath].map(sha256File);
    for (const password of [ADMIN.password, 'wrong password 1']) {
      expect(other('login', t.dir, [ADMIN.username], `${password}\n`)).toMatchObject({
        ok: false,
        error: { code: 'E_LEDGER_IN_USE', details: { holder: 'app' } },
      });
    }
    expect([t.dbPath, t.keyPath].map(sha256File)).toEqual(files);
    expect(ok(t.service, 'ledger.status')).toMatchObject({ state: 'unlocked' });
    t.service.close();
    expect(other('login', t.dir, [ADMIN.username], `${ADMIN.password}\n`)).toMatchObject({ ok: true });
  }, 60_000);

  it('lives in the ledger folder as ledger.lock, which stays (never unlinked while another may be opening it)', () => {
    const t = makeLedger();
    t.service.close();
    expect(sha256File(join(t.dir, FOLDER_LOCK_FILE))).toMatch(/^[0-9a-f]{64}$/);
  });
});
