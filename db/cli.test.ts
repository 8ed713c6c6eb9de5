// The operator CLI as an operator runs it: a child process, the password in the environment or on stdin.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhTW } from './domain/errors/zh-TW';
import { openRaw } from './testing';
import { passwordSlotId, readKeyFile, unwrapKey } from './store/keyring';
import { MIGRATIONS } from './store/migrations';
import { documentSheet, xlsxOf } from './ledger/transfer/fixture';

const PASSWORD = 'Cli2026pass';
let dir = '';

function ledger(args: string[], options: { password?: string; stdin?: string; language?: string } = {}) {
  const env = { ...process.env, LEDGER_PASSWORD: options.password ?? '', LEDGER_USER: '', LEDGER_LANGUAGE: options.language ?? '' };
  if (options.password === undefined) delete (env as Record<string, string | undefined>).LEDGER_PASSWORD;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'db/cli.ts', ...args], { encoding: 'utf8', env, input: options.stdin ?? '' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ledger CLI', () => {
  it('init creates a ledger and prints the recovery code; info and verify-audit read it', () => {
    const init = ledger(['init', '--dir', dir, '--unit', '某某厅保密办', '--user', 'op', '--display', '操作员'], { stdin: `${PASSWORD}\n` });
    expect(init.status).toBe(0);
    expect(init.stdout).toMatch(/[0-9A-Z]{5}(-[0-9A-Z]{5}){5}/);

    const info = ledger(['info', '--dir', dir, '--user', 'op'], { password: PASSWORD });
    expect(info.status).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ schemaVersion: MIGRATIONS.length, counts: { accounts: 1 }, auditHead: { seq: expect.any(Number) } });

    const verify = ledger(['verify-audit', '--dir', dir, '--user', 'op'], { password: PASSWORD });
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/^intact/);
  });

  it('call runs one command through the command table and exits non-zero on a refusal', () => {
    const good = ledger(['call', '--dir', dir, '--user', 'op', 'settings.update', '{"idleMinutes":15}'], { password: PASSWORD });
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ ok: true, value: { idleMinutes: 15 } });
    const bad = ledger(['call', '--dir', dir, '--user', 'op', 'settings.update', '{"idleMinutes":"soon"}'], { password: PASSWORD });
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
  });

  it('call takes an input with a secret only from standard input or --input-file, never from argv; the audit log masks it', () => {
    const input = { username: 'clerk1', displayName: '文书', roles: ['custodian'], password: 'Clerk2026pass' };
    // Signed in, call prints the command's result (here E_PASSWORD_CHANGE_REQUIRED: a new account changes it first).
    const signsIn = (password: string) => ledger(['call', '--dir', dir, '--user', 'clerk1', 'documents.list', '{}'], { password }).stdout.startsWith('{');
    const onArgv = ledger(['call', '--dir', dir, '--user', 'op', 'account.create', JSON.stringify(input)], { password: PASSWORD });
    expect(onArgv.status).toBe(2);
    expect(onArgv.stderr).toContain('account.create takes password');
    expect(onArgv.stderr).toContain('--input-file');
    expect(onArgv.stderr).not.toContain('Clerk2026pass');
    expect(signsIn('Clerk2026pass')).toBe(false);

    // The password line first, then the JSON input (--input -).
    const piped = ledger(['call', '--dir', dir, '--user', 'op', 'account.create', '--input', '-'], {
      stdin: `${PASSWORD}\n${JSON.stringify(input, null, 2)}\n`,
    });
    expect({ status: piped.status, stdout: piped.stdout }).toMatchObject({ status: 0 });
    expect(signsIn('Clerk2026pass')).toBe(true);

    const file = join(dir, 'reset.json');
    writeFileSync(file, JSON.stringify({ username: 'clerk1', newPassword: 'Clerk2027pass' }), { mode: 0o600 });
    const fromFile = ledger(['call', '--dir', dir, '--user', 'op', 'account.resetPassword', '--input-file', file], { password: PASSWORD });
    expect({ status: fromFile.status, stdout: fromFile.stdout }).toMatchObject({ status: 0 });
    expect(signsIn('Clerk2027pass')).toBe(true);

    // With LEDGER_PASSWORD set, all of standard input is the JSON input; argv and stdin together are a usage error.
    const all = ledger(['call', '--dir', dir, '--user', 'op', 'account.resetPassword', '--input', '-'], {
      password: PASSWORD,
      stdin: JSON.stringify({ username: 'clerk1', newPassword: 'Clerk2028pass' }),
    });
    expect({ status: all.status, stdout: all.stdout }).toMatchObject({ status: 0 });
    expect(signsIn('Clerk2028pass')).toBe(true);
    expect(ledger(['call', '--dir', dir, '--user', 'op', 'settings.get', '{}', '--input', '-'], { password: PASSWORD, stdin: '{}' }).status).toBe(2);

    const keys = readKeyFile(join(dir, 'ledger.keys'));
    const slot = keys.slots.find((s) => s.id === passwordSlotId(keys.ledgerId, 'op'))!;
    const db = openRaw(join(dir, 'ledger.db'), unwrapKey(keys.ledgerId, slot, PASSWORD)!, { readonly: true });
    const entries = db.prepare(`SELECT target, summary FROM audit_log WHERE action LIKE 'account.%'`).all() as { target: string; summary: string }[];
    db.close();
    expect(entries.map((e) => e.target)).toContain('clerk1');
    expect(entries.map((e) => e.summary).join('\n')).not.toMatch(/Clerk202[678]pass/);
  }, 120_000);

  it('errors print their code and never a stack trace', () => {
    const wrong = ledger(['info', '--dir', dir, '--user', 'op'], { password: 'Wrong2026pass' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr.trim()).toBe('E_WRONG_PASSWORD: 用户名或密码错误');
    const none = ledger(['info', '--dir', join(dir, 'nowhere'), '--user', 'op'], { password: PASSWORD });
    expect(none.stderr).toMatch(/^E_NO_LEDGER: /);
    expect(`${wrong.stderr}${none.stderr}`).not.toMatch(/\n\s+at /);
  });

  it('prints messages in zh-CN unless --language or LEDGER_LANGUAGE names another', () => {
    const nowhere = ['info', '--dir', join(dir, 'nowhere'), '--user', 'op'];
    expect(ledger(nowhere, { password: PASSWORD }).stderr.trim()).toBe('E_NO_LEDGER: 尚未创建台账，请先完成初始设置。');
    expect(ledger([...nowhere, '--language', 'en'], { password: PASSWORD }).stderr.trim()).toBe(
      'E_NO_LEDGER: There is no ledger yet. Complete the first setup.',
    );
    expect(ledger(nowhere, { password: PASSWORD, language: 'zh-TW' }).stderr.trim()).toBe(`E_NO_LEDGER: ${zhTW.errors.E_NO_LEDGER}`);
    const bad = ledger(['call', '--dir', dir, '--user', 'op', 'documents.get', '{"id":999}'], { password: PASSWORD });
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, error: { code: 'E_NO_SUCH_DOCUMENT', message: '台账中没有这件文件。' } });
  });

  it('verify-audit exits non-zero naming the first broken entry', () => {
    const keys = readKeyFile(join(dir, 'ledger.keys'));
    const slot = keys.slots.find((s) => s.id === passwordSlotId(keys.ledgerId, 'op'))!;
    const db = openRaw(join(dir, 'ledger.db'), unwrapKey(keys.ledgerId, slot, PASSWORD)!);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare('UPDATE audit_log SET summary = \'{"forged":true}\' WHERE seq = 2').run();
    db.close();
    const verify = ledger(['verify-audit', '--dir', dir, '--user', 'op'], { password: PASSWORD });
    expect(verify.status).toBe(3);
    expect(verify.stderr).toContain('#2');
  });

  it('import checks a spreadsheet first: with bad rows it prints and saves the report and imports nothing; corrected, it imports it all', async () => {
    expect(
      ledger(['call', '--dir', dir, '--user', 'op', 'locations.create', '{"code":"BMG-01","name":"一号保密柜","maxLevel":"secret"}'], { password: PASSWORD })
        .status,
    ).toBe(0);
    const sheet = documentSheet(3);
    const file = join(dir, '收文.xlsx');
    const reportFile = join(dir, 'report.csv');
    sheet.rows[3]![5] = '机密级';
    writeFileSync(file, await xlsxOf(sheet));
    const args = ['import', '--dir', dir, '--user', 'op', '--register', 'documents', '--file', file, '--default', 'location=BMG-01'];
    const bad = ledger([...args, '--report', reportFile], { password: PASSWORD });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('第 4 行 F列(密级) [bad_marking]');
    const report = readFileSync(reportFile, 'utf8');
    expect(report.startsWith('\uFEFF文件,收文.xlsx\r\n')).toBe(true);
    expect(report).toContain('4,F,密级,bad_marking,');
    const list = () =>
      JSON.parse(ledger(['call', '--dir', dir, '--user', 'op', 'documents.list', '{}'], { password: PASSWORD }).stdout) as { value: { total: number } };
    expect(list().value.total).toBe(0);

    writeFileSync(file, await xlsxOf(documentSheet(3)));
    const dry = ledger([...args, '--dry-run'], { password: PASSWORD });
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('3 good, 0 bad, 0 skipped');
    expect(list().value.total).toBe(0);
    const good = ledger(args, { password: PASSWORD });
    expect(good.stdout).toContain('imported 3 rows');
    expect(list().value.total).toBe(3);

    // Export: the register as printed, to CSV (by the extension) with its marking first.
    const csv = join(dir, '台账.csv');
    const exported = ledger(['export', '--dir', dir, '--user', 'op', '--register', 'documents', '--out', csv, '--filters', '{"order":"asc"}'], {
      password: PASSWORD,
    });
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain('3 rows, marked 机密');
    expect(readFileSync(csv, 'utf8').split('\r\n').slice(0, 2)).toEqual([
      '\uFEFF机密',
      '收文编号,登记日期,来文单位,文号,标题,密级及保密期限,份数,份号,状态,应清退日期,标签编码',
    ]);
  }, 240_000); // eight CLI runs, each a fresh tsx process

  it('commands lists every command with a JSON Schema input', () => {
    const out = ledger(['commands']);
    expect(out.status).toBe(0);
    const list = JSON.parse(out.stdout) as { name: string; input: { type: string } }[];
    expect(list.map((c) => c.name)).toContain('account.create');
    expect(list.every((c) => c.input.type === 'object')).toBe(true);
  });
});
