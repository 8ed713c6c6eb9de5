// The fault suite's tools: real ledgers in temporary folders, worker processes that can be killed as a whole
// process group, what a raw connection sees afterwards, and the bounded/full sizes of every loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyChain, type VerifyResult } from '../../db/audit/chain';
import { KEY_FILE, LEDGER_DB_FILE, LedgerService } from '../../db/service';
import { passwordSlotId, readKeyFile, unwrapKey } from '../../db/store/keyring';
import { ADMIN, openRaw, TEST_KDF, UNIT_NAME } from '../../db/testing';

/** `npm test` runs the bounded form (FAULTS_BOUNDED=1): fewer rounds, the same checks. */
const BOUNDED = process.env.FAULTS_BOUNDED === '1';
export const sized = (full: number, bounded: number): number => (BOUNDED ? bounded : full);

/** One seed per run, printed, so a failing round can be replayed with FAULTS_SEED. */
export const SEED = Number(process.env.FAULTS_SEED ?? Date.now() % 2 ** 31);
/** mulberry32: a small seeded generator; Math.random cannot be replayed. */
export function random(seed = SEED): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const ROOT = new URL('../..', import.meta.url).pathname;
const WORKER = join(ROOT, 'test/faults/workers/ledger-worker.ts');

/** A temporary folder for a whole file (beforeAll); the returned function removes it. */
export function scratch(prefix: string): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), `ledger-faults-${prefix}-`));
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export interface Folder {
  dir: string;
  dbPath: string;
  keyPath: string;
  /** The raw database key, to look at the file as it is after a fault. */
  key: Buffer;
  ledgerId: string;
}

const folderAt = (dir: string, key: Buffer, ledgerId: string): Folder => ({
  dir,
  dbPath: join(dir, LEDGER_DB_FILE),
  keyPath: join(dir, KEY_FILE),
  key,
  ledgerId,
});

/**
 * A new ledger in `dir`, set up by ADMIN with one location (BMG-01, id 1), then closed: nothing holds it open
 * when a worker process takes it. The real clock, so the workers' registrations are not in its future.
 */
export function newFolder(dir: string): Folder & { recoveryCode: string } {
  const service = new LedgerService({ dir, kdf: TEST_KDF });
  const setup = service.invoke('ledger.setup', { unitName: UNIT_NAME, ...ADMIN });
  if (!setup.ok) throw new Error(`setup: ${JSON.stringify(setup.error)}`);
  const location = service.invoke('locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' });
  if (!location.ok) throw new Error(`location: ${JSON.stringify(location.error)}`);
  service.close();
  const keyFile = readKeyFile(join(dir, KEY_FILE));
  const slot = keyFile.slots.find((s) => s.id === passwordSlotId(keyFile.ledgerId, ADMIN.username))!;
  const key = unwrapKey(keyFile.ledgerId, slot, ADMIN.password)!;
  return { ...folderAt(dir, key, keyFile.ledgerId), recoveryCode: (setup.value as { recoveryCode: string }).recoveryCode };
}

/** A byte copy of a closed folder, for a test that damages it. */
export function copyFolder(from: Folder, to: string): Folder {
  cpSync(from.dir, to, { recursive: true });
  return folderAt(to, from.key, from.ledgerId);
}

export interface RawLook {
  integrity: string;
  chain: VerifyResult;
  docNumbers: Set<string>;
  audit: { action: string; outcome: string }[];
}

/** The ledger as a raw connection sees it (a crash's write-ahead log is replayed by SQLite itself). */
export function look(f: Folder): RawLook {
  const db = openRaw(f.dbPath, f.key);
  try {
    return {
      integrity: String(db.pragma('integrity_check', { simple: true })),
      chain: verifyChain(db, f.ledgerId),
      docNumbers: new Set((db.prepare('SELECT doc_number FROM documents').all() as { doc_number: string }[]).map((r) => r.doc_number)),
      audit: db.prepare('SELECT action, outcome FROM audit_log ORDER BY seq').all() as { action: string; outcome: string }[],
    };
  } finally {
    db.close();
  }
}

/** One JSON line a worker printed. */
export type WorkerLine = Record<string, unknown>;

export interface Worker {
  child: ChildProcess;
  lines: WorkerLine[];
  stderr: () => string;
  /** Resolves with the first line (already printed or to come) that matches; rejects after timeoutMs or at exit. */
  waitFor(match: (line: WorkerLine) => boolean, timeoutMs: number): Promise<WorkerLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL to the whole process group: the shell and the node process it started. */
  killGroup(): void;
  send(line: string): void;
}

/**
 * The worker (test/faults/workers/ledger-worker.ts) started through a shell, in its own process group, as a writer
 * started by npm is a grandchild of what the operator sees: killing only the parent would leave it running.
 */
export function startWorker(mode: string, args: Record<string, unknown>, env: Record<string, string> = {}): Worker {
  const command = `"${process.execPath}" --import tsx "${WORKER}" ${mode} '${JSON.stringify(args).replace(/'/g, `'\\''`)}'`;
  const child = spawn('/bin/sh', ['-c', command], { cwd: ROOT, detached: true, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: WorkerLine[] = [];
  const waiters = new Set<() => void>();
  let err = '';
  let partial = '';
  child.stdout!.on('data', (d: Buffer) => {
    partial += d.toString('utf8');
    const complete = partial.split('\n');
    partial = complete.pop()!;
    for (const l of complete) if (l.trim()) lines.push(JSON.parse(l) as WorkerLine);
    for (const w of waiters) w();
  });
  child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
  child.stdin!.on('error', () => {}); // a killed worker's stdin: nothing to tell it any more
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      for (const w of waiters) w();
      resolve({ code, signal });
    }),
  );
  let done = false;
  void exited.then(() => (done = true));
  return {
    child,
    lines,
    stderr: () => err,
    exited,
    waitFor(match, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`worker ${mode}: nothing matched within ${timeoutMs} ms; stderr: ${err.slice(-2000)}`)), timeoutMs);
        const check = () => {
          const found = lines.find(match);
          if (found) finish(null, found);
          else if (done || child.exitCode !== null || child.signalCode !== null) finish(new Error(`worker ${mode} ended; stderr: ${err.slice(-2000)}`));
        };
        const finish = (e: Error | null, line?: WorkerLine) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (e) reject(e);
          else resolve(line!);
        };
        waiters.add(check);
        check();
      });
    },
    killGroup() {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // the group is gone already
      }
    },
    send(line) {
      child.stdin!.write(`${line}\n`);
    },
  };
}

/** True while a process with this id exists (a zombie not yet reaped counts as gone after a short wait). */
export async function gone(pid: number, timeoutMs = 3000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** issue 14: an import of any file stays under this; the process alone (node, tsx, the service) is about 100 MB. */
export const IMPORT_RSS_LIMIT_MB = 400;
/** Values for the columns a test sheet leaves out. */
export const IMPORT_DEFAULTS = { location: 'BMG-01', scope: '办公室' };

export interface MeasuredImport {
  result: { ok: boolean; error?: { code: string; details?: Record<string, unknown> }; value?: unknown };
  peakRssMb: number;
}

/**
 * import.dryRun of `file` in a worker process on `dir` (signed in as ADMIN); its answer and its peak memory. The
 * worker's heap is capped, so a reader that would take gigabytes fails here instead of starving the machine.
 */
export async function importInWorker(dir: string, file: string, register = 'documents', timeoutMs = 120_000): Promise<MeasuredImport> {
  const worker = startWorker(
    'steps',
    {
      dir,
      steps: [
        { name: 'session.login', input: { username: ADMIN.username, password: ADMIN.password } },
        { name: 'import.dryRun', input: { register, fileName: file.split('/').pop(), defaults: IMPORT_DEFAULTS }, file },
      ],
    },
    { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=2048` },
  );
  try {
    const end = await worker.waitFor((l) => 'peakRssMb' in l, timeoutMs);
    const result = worker.lines.find((l) => l.step === 1)?.result as MeasuredImport['result'];
    return { result, peakRssMb: Number(end.peakRssMb) };
  } finally {
    worker.killGroup();
  }
}
