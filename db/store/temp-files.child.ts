// Writes a ledger's words inside a transaction with a savepoint, large enough that SQLite spills its statement journal
// to a temporary file, and prints which of the process's open files in SQLITE_TMPDIR hold the words in plain text.
// Run by temp-files.test.ts as a child: SQLite reads SQLITE_TMPDIR once, when it starts.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { openLedgerDb } from './open';

const [folder, words] = process.argv.slice(2) as [string, string];
const tmp = process.env.SQLITE_TMPDIR!;
const db = openLedgerDb(join(folder, 'ledger.db'), randomBytes(32), { create: true });
db.exec('CREATE TABLE t (a TEXT)');
db.exec('BEGIN');
const insert = db.prepare('INSERT INTO t VALUES (?)');
for (let i = 0; i < 3000; i++) insert.run(`${words} ${i}`);
db.exec('SAVEPOINT s');
db.exec(`UPDATE t SET a = a || '。'`);
const files: { readable: boolean }[] = [];
for (const fd of readdirSync('/proc/self/fd')) {
  let target: string;
  try {
    target = readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    continue; // the listing's own descriptor, closed by now
  }
  // A temporary file is unlinked as soon as it is opened; its descriptor still reads it.
  if (target.startsWith(tmp)) files.push({ readable: readFileSync(`/proc/self/fd/${fd}`).includes(Buffer.from(words)) });
}
db.exec('RELEASE s');
db.exec('COMMIT');
db.close();
console.log(JSON.stringify({ files }));
