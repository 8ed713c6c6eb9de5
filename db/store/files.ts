import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { LedgerError, toLedgerError } from '../errors';

/** The refusals a missing or unreadable file of ours is, each naming the file. */
type FileCode = 'E_NOT_A_LEDGER' | 'E_CORRUPT' | 'E_NOT_A_BACKUP' | 'E_BACKUP_FOLDER_BOUND';

/** Reads and parses a JSON file; a missing or unparsable file is `code`. */
export function readJsonFile(path: string, code: FileCode): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new LedgerError<FileCode>(code, { file: basename(path) });
    throw toLedgerError(err);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new LedgerError<FileCode>(code, { file: basename(path) });
  }
}

/** Folders of ledgers and backups: their user's only. Files are 0600 (createPrivateFile, writeFileAtomic). */
export const PRIVATE_DIR_MODE = 0o700;

/** Creates an empty file only its user may read, for SQLite to fill: SQLite gives its -wal and -shm the same mode. */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'wx', 0o600));
}

/** Writes under a temporary name, flushes, renames over the target and flushes the folder: all or nothing. */
export function writeFileAtomic(path: string, content: string | Buffer): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      let offset = 0;
      while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    fsyncDir(dirname(path));
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      /* the temporary file may not exist */
    }
    throw toLedgerError(err);
  }
}

function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return; // directories cannot be opened for fsync on Windows
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
