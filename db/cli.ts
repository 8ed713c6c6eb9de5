// Operator CLI: `npm run ledger -- <command>`. The same service and command table as the UI.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeCommands } from './commands';
import { LedgerError, toLedgerError } from './errors';
import type { InvokeResult } from './process-protocol';
import { LedgerService } from './service';

const USAGE = `涉密载体台账 operator CLI
  ledger init --dir D --unit NAME --user NAME [--display NAME]   create a ledger, print the recovery code
  ledger info --dir D [--user NAME]                              schema version, row counts, audit head
  ledger verify-audit --dir D [--user NAME]                      exit 0 when the audit chain is intact
  ledger commands                                                every command with its input as JSON Schema
  ledger call --dir D [--user NAME] <command> ['<json input>']   run one command, print {ok, value|error}
The password is read from LEDGER_PASSWORD or the first line of standard input.
--user defaults to LEDGER_USER.`;

class UsageError extends Error {}

function readPassword(): string {
  if (process.env.LEDGER_PASSWORD) return process.env.LEDGER_PASSWORD;
  if (process.stdin.isTTY) throw new UsageError('Set LEDGER_PASSWORD or pipe the password on standard input.');
  const line = readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
  if (!line) throw new UsageError('No password on standard input.');
  return line;
}

/** Throws the error of a failed result, so every failure leaves by one path. */
function valueOf(result: InvokeResult): unknown {
  if (!result.ok) throw new LedgerError(result.error.code, result.error.message, result.error.details);
  return result.value;
}

function signedIn<T>(dir: string, user: string | undefined, work: (service: LedgerService) => T): T {
  const username = user ?? process.env.LEDGER_USER;
  if (!username) throw new UsageError('Name the account with --user or LEDGER_USER.');
  const service = new LedgerService({ dir });
  valueOf(service.invoke('session.login', { username, password: readPassword() }));
  try {
    return work(service);
  } finally {
    service.invoke('session.logout', {});
  }
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { dir: { type: 'string' }, unit: { type: 'string' }, user: { type: 'string' }, display: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
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
  if (!values.dir) throw new UsageError('--dir is required.');
  const dir = resolve(values.dir);

  switch (verb) {
    case 'init': {
      if (!values.unit || !values.user) throw new UsageError('init needs --unit and --user.');
      const service = new LedgerService({ dir });
      const out = valueOf(service.invoke('ledger.setup', { unitName: values.unit, username: values.user, displayName: values.display ?? values.user, password: readPassword() })) as { recoveryCode: string };
      service.invoke('session.logout', {});
      console.log(`Ledger created in ${dir}\nAccount ${values.user}: administrator + custodian\nRecovery code (shown once; print it and keep it in the safe):\n\n  ${out.recoveryCode}\n`);
      return 0;
    }
    case 'info':
      print(signedIn(dir, values.user, (s) => valueOf(s.invoke('ledger.info', {}))));
      return 0;
    case 'verify-audit': {
      const result = signedIn(dir, values.user, (s) => valueOf(s.invoke('audit.verify', {}))) as { intact: boolean; count: number; firstBroken?: { seq: number; reason: string } };
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
      let input: unknown = {};
      try {
        input = json ? JSON.parse(json) : {};
      } catch {
        throw new LedgerError('E_VALIDATION', 'The input is not valid JSON.');
      }
      const result = signedIn(dir, values.user, (s) => s.invoke(name, input));
      print(result);
      return result.ok ? 0 : 1;
    }
    default:
      throw new UsageError(`Unknown command "${verb}".`);
  }
}

// Errors print their stable code and message, never a stack trace.
try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  if (err instanceof UsageError) {
    console.error(`${err.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    const e = toLedgerError(err);
    console.error(`${e.code}: ${e.message}`);
    process.exitCode = 1;
  }
}
