// Backup and restore through the operator CLI as child processes: the real failure modes of a medium and a process.
// A disk fills up (a small tmpfs, when this machine lets us mount one; a file-size limit otherwise), a medium turns
// read-only mid-write, and the process is killed with SIGKILL at each step of a backup and of a restore.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordSlotId, readKeyFile, unwrapKey } from '../store/keyring';
import { auditRows, dataSnapshot, refused, type SetUpLedger } from '../testing';
import { backupLedger } from './fixture';
import { RESTORE_INTENT_FILE } from './restore';

const PASSWORD = 'Backup2026pass';
const USER = 'op';
let root = '';
let ledgerDir = '';
let backupPath = '';
let key: Buffer;
let atBackup: unknown;
let afterChange: unknown;

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'db/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LEDGER_PASSWORD: PASSWORD, LEDGER_USER: USER, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI held at `task:step` and kills it there with SIGKILL. */
function killedAt(args: string[], holdAt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'db/cli.ts', ...args], {
      env: { ...process.env, LEDGER_PASSWORD: PASSWORD, LEDGER_USER: USER, LEDGER_TEST_HOLD_AT: holdAt },
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes(`progress: ${holdAt.replace(':', ' ')}\n`)) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(err) : reject(new Error(`exited ${code} before ${holdAt}: ${err}`))));
  });
}

/** The data of the ledger in `dir` (all tables but the audit log), read with the raw key; every CLI run signs in, so the last login time is left out. */
function snapshot(dir: string): unknown {
  const data = dataSnapshot({ dbPath: join(dir, 'ledger.db'), key } as SetUpLedger) as Record<string, string[]>;
  data['accounts'] = data['accounts']!.map((row) => JSON.stringify({ ...(JSON.parse(row) as object), last_login_at: null }));
  return data;
}

function copyLedger(): string {
  const dir = mkdtempSync(join(root, 'copy-'));
  cpSync(ledgerDir, dir, { recursive: true });
  return dir;
}

function medium(folder: string): string {
  const dir = join(root, folder);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const finalNamed = (folder: string) => readdirSync(folder).filter((f) => f.startsWith('涉密载体台账备份-'));

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ledger-cli-backup-'));
  ledgerDir = join(root, 'ledger');
  expect(cli(['init', '--dir', ledgerDir, '--unit', '某某厅保密办', '--user', USER]).status).toBe(0);
  const register = (code: string, serial: string) =>
    cli([
      'call',
      '--dir',
      ledgerDir,
      'media.register',
      JSON.stringify({
        code,
        type: 'hdd',
        model: 'm',
        serial,
        capacity: '1TB',
        level: 'secret',
        responsible: '李明',
        department: '办公室',
        usageScope: '备份',
        enabledAt: '2026-02-01',
        backupApproved: true,
      }),
    ]);
  expect(register('BK-1', 'HDD-1').status).toBe(0);
  const keyFile = readKeyFile(join(ledgerDir, 'ledger.keys'));
  key = unwrapKey(
    keyFile.ledgerId,
    keyFile.slots.find((s) => s.id === passwordSlotId(keyFile.ledgerId, USER))!,
    PASSWORD,
  )!;
  atBackup = snapshot(ledgerDir);
  const out = cli(['backup', '--dir', ledgerDir, '--to', medium('medium'), '--medium', 'BK-1']);
  expect(out.status).toBe(0);
  expect(out.stderr).toContain('progress: backup verify');
  backupPath = (JSON.parse(out.stdout) as { path: string }).path;
  // What a restore takes back: one more medium after the backup (and the backup's own records, made after the copy).
  expect(register('BK-2', 'HDD-2').status).toBe(0);
  afterChange = snapshot(ledgerDir);
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('backup, verify-backup and restore verbs', () => {
  it('verify-backup checks hashes without a key and everything with an account; a flipped bit fails both', () => {
    expect(cli(['verify-backup', backupPath])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^files intact/) });
    expect(cli(['verify-backup', backupPath, '--user', USER])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^verified: integrity ok/) });
    expect(cli(['verify-backup', backupPath, '--user', USER], { LEDGER_PASSWORD: 'Wrong2026pass' })).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/^E_WRONG_PASSWORD: /),
    });
    const spoiled = join(root, 'spoiled');
    cpSync(backupPath, spoiled, { recursive: true });
    const db = readFileSync(join(spoiled, 'ledger.db'));
    db[20_000]! ^= 0x10;
    writeFileSync(join(spoiled, 'ledger.db'), db);
    expect(cli(['verify-backup', spoiled])).toMatchObject({ status: 1, stderr: expect.stringMatching(/^E_BACKUP_DAMAGED: /) });
  });

  it('restore replaces the ledger by the backup, keeps the old one, and is one audit entry', () => {
    const dir = copyLedger();
    const out = cli(['restore', '--dir', dir, '--from', backupPath, '--user', USER]);
    expect(out.status).toBe(0);
    const result = JSON.parse(out.stdout) as { preRestoreDir: string };
    expect(snapshot(dir)).toEqual(atBackup);
    expect(snapshot(result.preRestoreDir)).toEqual(afterChange);
    expect(cli(['verify-audit', '--dir', dir]).status).toBe(0);
    expect(auditRows({ dbPath: join(dir, 'ledger.db'), key } as SetUpLedger).filter((r) => r.action === 'backup.restore')).toHaveLength(1);
  });
});

describe('failures while writing a backup: a clear code, the live ledger as it was, no backup-named folder left', () => {
  const expectUntouched = () => {
    expect(snapshot(ledgerDir)).toEqual(afterChange);
    expect(cli(['verify-audit', '--dir', ledgerDir]).status).toBe(0);
  };

  // A file-size limit (ulimit -f, SIGXFSZ ignored) makes writes fail with EFBIG as on a medium whose filesystem caps
  // file sizes; SQLite reports it as a write error, not as a full disk.
  it('a file-size limit below the backup size', () => {
    const target = medium('limited');
    const r = spawnSync(
      'bash',
      ['-c', `ulimit -f 128; trap '' XFSZ; exec "${process.execPath}" --import tsx db/cli.ts backup --dir "${ledgerDir}" --to "${target}" --medium BK-1`],
      {
        encoding: 'utf8',
        env: { ...process.env, LEDGER_PASSWORD: PASSWORD, LEDGER_USER: USER },
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^E_BACKUP_TARGET_UNAVAILABLE: /m);
    expect(readdirSync(target)).toEqual([]);
    expectUntouched();
  });

  const canMount = (() => {
    if (process.platform !== 'linux') return false;
    const probe = mkdtempSync(join(tmpdir(), 'ledger-mount-probe-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
      execFileSync('umount', [probe], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    } finally {
      rmSync(probe, { recursive: true, force: true });
    }
  })();

  it.skipIf(!canMount)('a disk that fills up (a 160 KiB tmpfs): E_DISK_FULL', () => {
    const target = medium('tmpfs');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=160k', 'tmpfs', target]);
    try {
      const r = cli(['backup', '--dir', ledgerDir, '--to', target, '--medium', 'BK-1']);
      expect(r).toMatchObject({ status: 1, stderr: expect.stringMatching(/^E_DISK_FULL: /m) });
      expect(readdirSync(target)).toEqual([]);
    } finally {
      execFileSync('umount', [target]);
    }
    expectUntouched();
  });

  it.skipIf(!canMount)('a medium that turns read-only mid-write (a bind mount remounted read-only at the manifest step)', () => {
    const t = backupLedger();
    const target = medium(`readonly-${Date.now()}`);
    execFileSync('mount', ['--bind', medium(`readonly-backing-${Date.now()}`), target]);
    try {
      const before = t.live();
      const original = t.pushes.push.bind(t.pushes);
      t.pushes.push = (...events) => {
        for (const e of events) if (e.type === 'progress' && e.step === 'manifest') execFileSync('mount', ['-o', 'remount,bind,ro', target]);
        return original(...events);
      };
      expect(refused(t.service, 'backup.run', { mediumId: t.mediumId, folder: target })).toMatchObject({
        code: 'E_BACKUP_TARGET_UNAVAILABLE',
        details: { cause: 'EROFS' },
      });
      // The partial folder cannot even be removed from a read-only medium, but nothing there carries a backup's name.
      expect(finalNamed(target)).toEqual([]);
      expect(t.live()).toEqual(before);
    } finally {
      execFileSync('umount', [target]);
    }
  });

  it.each(['copy', 'manifest', 'verify', 'rename'])('SIGKILL at "%s"', async (step) => {
    const target = medium(`killed-${step}`);
    await killedAt(['backup', '--dir', ledgerDir, '--to', target, '--medium', 'BK-1'], `backup:${step}`);
    expect(finalNamed(target)).toEqual([]);
    expectUntouched();
    if (step !== 'rename') return;
    // The next backup to the folder clears what the killed one left and succeeds.
    expect(readdirSync(target).filter((f) => f.endsWith('.partial'))).toHaveLength(1);
    expect(cli(['backup', '--dir', copyLedger(), '--to', target, '--medium', 'BK-1']).status).toBe(0);
    expect(readdirSync(target).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});

describe('SIGKILL during a restore: the next start has the old or the new ledger, whole', () => {
  it.each([
    ['stage', 'old'],
    ['verify', 'old'],
    ['prepare', 'old'],
    ['intent', 'old'],
    ['switch', 'new'],
  ] as const)('killed at "%s": the %s ledger', async (step, expected) => {
    const dir = copyLedger();
    await killedAt(['restore', '--dir', dir, '--from', backupPath, '--user', USER], `restore:${step}`);
    // The next start (any command) finishes or forgets the interrupted switch before it reads the ledger.
    expect(cli(['verify-audit', '--dir', dir]).status).toBe(0);
    expect(snapshot(dir)).toEqual(expected === 'new' ? atBackup : afterChange);
    expect(readdirSync(dir).filter((f) => f.startsWith('.restore') || f === RESTORE_INTENT_FILE)).toEqual([]);
    expect(existsSync(join(dir, 'ledger.keys'))).toBe(true);
  });
});
