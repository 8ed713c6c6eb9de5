// SQLite3MultipleCiphers encrypts the database and its WAL, not SQLite's temporary files (statement journals, sorts,
// temporary tables): a large write inside a savepoint put a ledger's titles on disk in plain text until the ledger
// connection kept them in memory (temp_store = MEMORY, set with the key).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing';

const WORDS = '关于二〇二六年度涉密载体清查工作的通知';

describe.runIf(process.platform === 'linux')('temporary files', () => {
  it('a keyed connection writes no temporary file, so no plain text of the ledger reaches the temporary folder', () => {
    const root = tempDir();
    const tmp = join(root, 'tmp');
    mkdirSync(tmp);
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'temp-files.child.ts'), root, WORDS], {
      env: { ...process.env, SQLITE_TMPDIR: tmp },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
    expect(JSON.parse(r.stdout)).toEqual({ files: [] });
  });
});
