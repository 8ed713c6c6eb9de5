// Operator CLI: `npm run ledger -- <command>`. The same service and command table as the UI.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeCommands } from './commands';
import { errorMessage } from './domain/errors';
import { LANGUAGES, type Language } from './domain/terms';
import { LedgerError, toLedgerError } from './errors';
import { reportCsv, type ImportReport } from './ledger/transfer/import';
import { writeFileAtomic } from './store/files';
import type { InvokeResult } from './process-protocol';
import type { BackupCredentials } from './backup/restore';
import type { BackupVerifyView } from './ledger/backup/model';
import type { PushEvent } from './process-protocol';
import { LedgerService } from './service';

const USAGE = `涉密载体台账 operator CLI
  ledger init --dir D --unit NAME --user NAME [--display NAME]   create a ledger, print the recovery code
  ledger info --dir D [--user NAME]                              schema version, row counts, audit head
  ledger verify-audit --dir D [--user NAME]                      exit 0 when the audit chain is intact
  ledger commands                                                every command with its input as JSON Schema
  ledger call --dir D [--user NAME] <command> ['<json input>' | --input-file F | --input -]
                                                                 run one command, print {ok, value|error}
  ledger backup --dir D [--user NAME] --to FOLDER --medium ID|CODE   back up to an approved medium, verified
  ledger verify-backup FOLDER [--user NAME [--recovery-code]]    hashes; with an account, reopen and check all
  ledger restore --dir D --from FOLDER --user NAME [--recovery-code]   replace the ledger by a backup
  ledger import --dir D --register NAME --file F [--sheet S] [--header-row N] [--default FIELD=VALUE ...]
                [--dry-run] [--report OUT] [--user NAME]           check a spreadsheet (.xlsx/.csv) row by row,
                                                                 then import all of it or nothing
     registers: documents, secret-computers, plain-computers, secret-media, plain-media
  ledger export --dir D --register NAME --out F [--format xlsx|csv] [--language zh-CN|zh-TW|en]
                [--filters '<json>'] [--user NAME]               the register as printed, to .xlsx or CSV
     registers: also received, dispatched, loans, copies, media-usage
The password (or, with --recovery-code, the recovery code) is read from LEDGER_PASSWORD or the first line of
standard input. Progress of backup and restore goes to standard error.
call's input: '<json>' on the command line only for inputs without secrets (every local user sees the command line
in ps); an input with a password or recovery code comes from --input-file F (a file only you can read) or from
--input - : standard input, after the password line when LEDGER_PASSWORD is not set, e.g.
  printf '%s\n%s\n' "$PW" '{"username":"clerk1",...,"password":"..."}' | ledger call --dir D --user op account.create --input -
An action that needs an approval (审批) takes "approval": an approved request {"way":"request","approvalId":N}
(approvals.request, then approvals.decide by the approver, or approvals.recordPaper for a signed paper 审批单), the
approver on the spot {"way":"on_the_spot","approverId":N,"password":"..."} (a secret: --input-file or --input -), or
a decision from outside the unit {"way":"external","body":"...","docNo":"...","date":"YYYY-MM-DD"}; a typed name is none.
--user defaults to LEDGER_USER. Error messages are in zh-CN, or in --language / LEDGER_LANGUAGE (zh-CN|zh-TW|en).`;

class UsageError extends Error {}

/** The language error messages are printed in: --language, else LEDGER_LANGUAGE, else zh-CN (what custodians read). */
function messageLanguage(given: unknown): Language {
  const wanted = typeof given === 'string' ? given : process.env.LEDGER_LANGUAGE;
  return LANGUAGES.find((l) => l === wanted) ?? 'zh-CN';
}

let stdinText: string | undefined;
/** Standard input, read once: it may carry the password line and then call's JSON input. */
function stdin(): string {
  stdinText ??= readFileSync(0, 'utf8');
  return stdinText;
}

/** The password in LEDGER_PASSWORD, else the first line of standard input. */
function readPassword(): string {
  if (process.env.LEDGER_PASSWORD) return process.env.LEDGER_PASSWORD;
  if (process.stdin.isTTY) throw new UsageError('Set LEDGER_PASSWORD or pipe the password on standard input.');
  const line = stdin().split(/\r?\n/)[0] ?? '';
  if (!line) throw new UsageError('No password on standard input.');
  return line;
}

/** `--input -`: standard input after the password line, or all of it when the password is in LEDGER_PASSWORD. */
function stdinInput(): string {
  const text = stdin();
  if (process.env.LEDGER_PASSWORD) return text;
  const end = /\r?\n/.exec(text);
  return end ? text.slice(end.index + end[0].length) : '';
}

// A string field named password, oldPassword, newPassword, recoveryCode ... (not passwordPolicy, an object).
const SECRET_KEY = /(password|recoverycode)$/i;

/** The secret fields of a command's input, read from its JSON Schema (nested objects, arrays and unions too). */
function secretFields(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const s = schema as { properties?: Record<string, { type?: unknown }>; items?: unknown; anyOf?: unknown[]; oneOf?: unknown[]; allOf?: unknown[] };
  const own = Object.entries(s.properties ?? {})
    .filter(([key, field]) => SECRET_KEY.test(key) && field.type === 'string')
    .map(([key]) => key);
  const nested = [...Object.values(s.properties ?? {}), s.items, ...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])].flatMap(secretFields);
  return [...new Set([...own, ...nested])];
}

/** call's JSON input: from --input-file, --input - (standard input) or argv; argv never for a command with secrets. */
function callInput(name: string, argvJson: string | undefined, values: { input?: string | undefined; 'input-file'?: string | undefined }): unknown {
  const sources = [argvJson !== undefined, values.input !== undefined, values['input-file'] !== undefined].filter(Boolean).length;
  if (sources > 1) throw new UsageError('Give call its input one way: on the command line, --input-file F or --input -.');
  if (values.input !== undefined && values.input !== '-') throw new UsageError('--input takes only - (standard input); use --input-file F for a file.');
  if (argvJson !== undefined) {
    const secrets = secretFields(describeCommands().find((c) => c.name === name)?.input);
    if (secrets.length > 0) {
      throw new UsageError(`${name} takes ${secrets.join(', ')}: give its input with --input-file F or --input - (standard input), never on the command line.`);
    }
  }
  const json = values['input-file'] !== undefined ? readFileSync(resolve(values['input-file']), 'utf8') : values.input === '-' ? stdinInput() : argvJson;
  try {
    return json ? JSON.parse(json) : {};
  } catch {
    throw new LedgerError('E_VALIDATION', { field: 'json' });
  }
}

/** Throws the error of a failed result, so every failure leaves by one path. */
function valueOf(result: InvokeResult): unknown {
  if (!result.ok) throw new LedgerError(result.error.code, result.error.message, result.error.details);
  return result.value;
}

/**
 * Progress lines on standard error. LEDGER_TEST_HOLD_AT=task:step makes the process stop there (tests kill it
 * at that point to prove a crash at any step leaves the ledger whole).
 */
function onPush(event: PushEvent): void {
  if (event.type !== 'progress') return;
  process.stderr.write(`progress: ${event.task} ${event.step}\n`);
  if (process.env.LEDGER_TEST_HOLD_AT === `${event.task}:${event.step}`) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}

function usernameOf(user: string | undefined): string {
  const username = user ?? process.env.LEDGER_USER;
  if (!username) throw new UsageError('Name the account with --user or LEDGER_USER.');
  return username;
}

function credentials(username: string, recovery: boolean | undefined): BackupCredentials {
  const secret = readPassword();
  return recovery ? { username, recoveryCode: secret } : { username, password: secret };
}

/** A command that needs no ledger (verify-backup), run by a service on an empty folder of its own. */
function withoutLedger<T>(work: (service: LedgerService) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
  try {
    return work(new LedgerService({ dir, holder: 'cli' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function signedIn<T>(dir: string, user: string | undefined, work: (service: LedgerService) => T | Promise<T>): Promise<T> {
  const username = usernameOf(user);
  const service = new LedgerService({ dir, onPush, holder: 'cli' });
  valueOf(service.invoke('session.login', { username, password: readPassword() }));
  try {
    return await work(service);
  } finally {
    service.invoke('session.logout', {});
  }
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** `--default location=BMG-01` -> { location: 'BMG-01' }: values for fields a row leaves blank. */
function defaultsOf(pairs: string[] | undefined): Record<string, string> {
  return Object.fromEntries(
    (pairs ?? []).map((p) => {
      const at = p.indexOf('=');
      if (at < 1) throw new UsageError(`--default takes FIELD=VALUE, not "${p}".`);
      return [p.slice(0, at), p.slice(at + 1)];
    }),
  );
}

/** import: the dry run first (its report is printed, and saved with --report); then, unless --dry-run, the import. */
async function importFile(service: LedgerService, values: Record<string, string | boolean | string[] | undefined>): Promise<number> {
  if (typeof values.register !== 'string' || typeof values.file !== 'string') throw new UsageError('import needs --register and --file.');
  const file = resolve(values.file);
  const input = {
    register: values.register,
    fileName: basename(file),
    data: readFileSync(file).toString('base64'),
    ...(typeof values.sheet === 'string' ? { sheet: values.sheet } : {}),
    ...(typeof values['header-row'] === 'string' ? { headerRow: Number(values['header-row']) } : {}),
    defaults: defaultsOf(values.default as string[] | undefined),
  };
  const report = valueOf(await service.invokeAsync('import.dryRun', input)) as ImportReport;
  if (typeof values.report === 'string') writeFileAtomic(resolve(values.report), Buffer.from(reportCsv(report), 'utf8'));
  for (const i of report.issues) console.error(`第 ${i.row} 行 ${i.column ?? '-'}列${i.header ? `(${i.header})` : ''} [${i.reason}] ${i.message}`);
  console.log(
    `${report.fileName} → ${report.register}: sheet ${report.sheet}, header row ${report.headerRow}; ${report.good} good, ${report.bad} bad, ${report.skipped.length} skipped`,
  );
  if (report.bad > 0) {
    console.error(`E_IMPORT_HAS_ERRORS: ${report.bad} of ${report.rows} rows have errors; nothing was imported.`);
    return 1;
  }
  if (values['dry-run']) return 0;
  const out = valueOf(await service.invokeAsync('import.apply', input)) as { imported: number; historical: number };
  console.log(`imported ${out.imported} rows (${out.historical} with imported history)`);
  return 0;
}

/** export: the same command as the UI's 导出 buttons; the format follows --format or the extension of --out. */
async function exportFile(service: LedgerService, values: Record<string, string | boolean | string[] | undefined>): Promise<number> {
  if (typeof values.register !== 'string' || typeof values.out !== 'string') throw new UsageError('export needs --register and --out.');
  const out = resolve(values.out);
  const format = typeof values.format === 'string' ? values.format : out.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
  let filters: unknown;
  try {
    filters = typeof values.filters === 'string' ? JSON.parse(values.filters) : {};
  } catch {
    throw new LedgerError('E_VALIDATION', { field: 'json' });
  }
  const input = { register: values.register, filters, format, ...(typeof values.language === 'string' ? { language: values.language } : {}) };
  const result = valueOf(await service.invokeAsync('export.register', input)) as { data: string; rows: number; marking: string };
  writeFileAtomic(out, Buffer.from(result.data, 'base64'));
  console.log(`${out}: ${result.rows} rows${result.marking ? `, marked ${result.marking}` : ''}`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dir: { type: 'string' },
      unit: { type: 'string' },
      user: { type: 'string' },
      display: { type: 'string' },
      to: { type: 'string' },
      from: { type: 'string' },
      medium: { type: 'string' },
      'recovery-code': { type: 'boolean' },
      register: { type: 'string' },
      file: { type: 'string' },
      sheet: { type: 'string' },
      'header-row': { type: 'string' },
      default: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean' },
      report: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      language: { type: 'string' },
      filters: { type: 'string' },
      input: { type: 'string' },
      'input-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [verb, ...rest] = positionals;
  if (!verb || values.help) {
    console.log(USAGE);
    return verb ? 0 : 2;
  }
  if (verb === 'commands') {
    print(describeCommands());
    return 0;
  }
  if (verb === 'verify-backup') {
    const [folderArg] = rest;
    if (!folderArg) throw new UsageError('verify-backup needs the backup folder.');
    const input = { folder: resolve(folderArg), ...(values.user ? credentials(values.user, values['recovery-code']) : {}) };
    const m = valueOf(withoutLedger((service) => service.invoke('backup.verify', input))) as BackupVerifyView;
    if (!m.content)
      console.log(
        `files intact (no key used): ${m.createdAt} by ${m.createdBy}, audit head #${m.auditHead.seq} ${m.auditHead.hash.slice(0, 12)}, ledger.db ${m.sha256}`,
      );
    else console.log(`verified: integrity ok, ${m.content.rows} rows as in the manifest, audit head #${m.auditHead.seq} ${m.auditHead.hash.slice(0, 12)}`);
    return 0;
  }
  if (!values.dir) throw new UsageError('--dir is required.');
  const dir = resolve(values.dir);

  switch (verb) {
    case 'init': {
      if (!values.unit || !values.user) throw new UsageError('init needs --unit and --user.');
      const service = new LedgerService({ dir, holder: 'cli' });
      const out = valueOf(
        service.invoke('ledger.setup', { unitName: values.unit, username: values.user, displayName: values.display ?? values.user, password: readPassword() }),
      ) as { recoveryCode: string };
      service.invoke('session.logout', {});
      console.log(
        `Ledger created in ${dir}\nAccount ${values.user}: administrator + custodian\nRecovery code (shown once; print it and keep it in the safe):\n\n  ${out.recoveryCode}\n`,
      );
      return 0;
    }
    case 'info':
      print(await signedIn(dir, values.user, (s) => valueOf(s.invoke('ledger.info', {}))));
      return 0;
    case 'verify-audit': {
      const result = (await signedIn(dir, values.user, (s) => valueOf(s.invoke('audit.verify', {})))) as {
        intact: boolean;
        count: number;
        firstBroken?: { seq: number; reason: string };
      };
      if (result.intact) {
        console.log(`intact: ${result.count} entries`);
        return 0;
      }
      console.error(`E_AUDIT_BROKEN: the audit chain is broken at entry #${result.firstBroken!.seq} (${result.firstBroken!.reason})`);
      return 3;
    }
    case 'call': {
      const [name, json] = rest;
      if (!name) throw new UsageError('call needs a command name.');
      const input = callInput(name, json, values);
      const result = await signedIn(dir, values.user, (s) => s.invokeAsync(name, input));
      print(result.ok ? result : { ...result, error: { ...result.error, message: errorMessage(result.error, messageLanguage(values.language)) } });
      return result.ok ? 0 : 1;
    }
    case 'backup': {
      if (!values.to || !values.medium) throw new UsageError('backup needs --to and --medium.');
      const medium = /^\d+$/.test(values.medium) ? Number(values.medium) : values.medium;
      print(await signedIn(dir, values.user, (s) => valueOf(s.invoke('backup.run', { mediumId: medium, folder: resolve(values.to!) }))));
      return 0;
    }
    case 'restore': {
      if (!values.from) throw new UsageError('restore needs --from.');
      const service = new LedgerService({ dir, onPush, holder: 'cli' });
      print(valueOf(service.invoke('backup.restore', { folder: resolve(values.from), ...credentials(usernameOf(values.user), values['recovery-code']) })));
      return 0;
    }
    case 'import':
      return signedIn(dir, values.user, (s) => importFile(s, values));
    case 'export':
      return signedIn(dir, values.user, (s) => exportFile(s, values));
    default:
      throw new UsageError(`Unknown command "${verb}".`);
  }
}

// Errors print their stable code and message, never a stack trace.
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof UsageError) {
    console.error(`${err.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    const e = toLedgerError(err);
    const { values } = parseArgs({ args: process.argv.slice(2), strict: false, options: { language: { type: 'string' } } });
    console.error(`${e.code}: ${errorMessage(e, messageLanguage(values.language))}`);
    process.exitCode = 1;
  }
}
