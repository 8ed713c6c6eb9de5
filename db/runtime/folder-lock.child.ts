// Test-only: a second process on a ledger folder (folder-lock.test.ts starts it with tsx).
//   hold DIR           takes the folder lock as the CLI would, prints "held", waits to be killed
//   try DIR            takes and releases the folder lock, prints the outcome as JSON
//   login DIR USER     signs in through a service (password on stdin), prints the result as JSON, closes
import { readFileSync } from 'node:fs';
import { toLedgerError } from '../errors';
import { LedgerService } from '../service';
import { acquireFolderLock } from './folder-lock';

const [mode, dir, user] = process.argv.slice(2);
if (!dir) throw new Error('usage: folder-lock.child.ts hold|try|login DIR [USER]');
if (mode === 'hold') {
  acquireFolderLock(dir, 'cli');
  process.stdout.write('held\n');
  setInterval(() => {}, 60_000);
} else if (mode === 'try') {
  try {
    acquireFolderLock(dir, 'cli').release();
    process.stdout.write(`${JSON.stringify({ ok: true })}\n`);
  } catch (err) {
    process.stdout.write(`${JSON.stringify({ ok: false, error: toLedgerError(err).toJSON() })}\n`);
  }
} else if (mode === 'login') {
  const service = new LedgerService({ dir, holder: 'cli' });
  const password = readFileSync(0, 'utf8').split('\n')[0] ?? '';
  process.stdout.write(`${JSON.stringify(service.invoke('session.login', { username: user, password }))}\n`);
  service.close();
}
