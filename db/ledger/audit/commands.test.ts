// The audit log as an auditor reads it, on real ledgers: every command in words, refusals stored as codes and typed
// details (one entry reads in zh-CN, zh-TW and en), targets by ledger number, the filters, and 核对打印件.
import { describe, expect, it } from 'vitest';
import { commands, describeCommands } from '../../commands';
import { AUDIT_ACTION_TERMS, AUDIT_FIELD_TERMS, auditActionText, auditCategoryOf, auditFields } from '../../domain/audit';
import { errorMessage } from '../../domain/errors';
import { addUser, ADMIN, auditRows, login, makeLedger, ok, openRaw, refused, type SetUpLedger } from '../../testing';
import type { AuditEntryView, PrintoutCheckView } from '../../views';
import { spotApproval } from '../approvals/fixture';
import type { PrintPayload } from '../print/commands';

const AUDITOR = { username: 'auditor1', displayName: '审计员甲', roles: ['auditor' as const], password: 'Auditor2026pass' };

/** Every field name a command's input schema has, at any depth. */
function inputFields(): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (schema: unknown, command: string): void => {
    if (!schema || typeof schema !== 'object') return;
    const s = schema as Record<string, unknown>;
    for (const [key, value] of Object.entries((s['properties'] as Record<string, unknown>) ?? {})) {
      if (!found.has(key)) found.set(key, command);
      walk(value, command);
    }
    for (const k of ['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties']) {
      const v = s[k];
      for (const part of Array.isArray(v) ? v : [v]) walk(part, command);
    }
  };
  for (const c of describeCommands()) walk(c.input, c.name);
  return found;
}

function ledger(): { t: SetUpLedger; cab: number; doc: number } {
  const t = makeLedger();
  addUser(t, AUDITOR);
  const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  const doc = ok<{ id: number }>(t.service, 'documents.receive', {
    docNumber: '鲁X发〔2026〕3号',
    title: '关于加强网络失泄密防范工作的通知',
    originUnit: '山东省XX厅办公室',
    marking: '机密★10年',
    issueDate: '2026-11-02',
    scope: ['办公室'],
    copies: 3,
    locationId: cab,
    signedBy: '李明',
    receivedAt: '2026-11-20',
  }).id;
  return { t, cab, doc };
}

const list = (t: SetUpLedger, filters: Record<string, unknown> = {}) => ok<{ total: number; rows: AuditEntryView[] }>(t.service, 'audit.list', filters);

describe('every command in words', () => {
  it('each command of the table has its category and its action in three languages', () => {
    const missing = Object.keys(commands).filter((name) => !Object.hasOwn(AUDIT_ACTION_TERMS, name) || auditCategoryOf(name) === null);
    expect(missing).toEqual([]);
    expect(auditActionText('documents.lend', 'zh-CN')).toBe('借阅');
    expect(auditActionText('documents.lend', 'zh-TW')).toBe('借閱');
    expect(auditActionText('documents.lend', 'en')).toBe('Lend');
  });

  it('each field any command takes has a label, so a summary shows no raw key', () => {
    const unlabelled = [...inputFields()].filter(([key]) => !Object.hasOwn(AUDIT_FIELD_TERMS, key)).map(([key, command]) => `${command}: ${key}`);
    expect(unlabelled).toEqual([]);
  });
});

describe('what an entry stores', () => {
  it('a refusal stores its code and typed details, never a sentence, and names its target by the 收文编号', () => {
    const { t, doc } = ledger();
    const input = { documentId: doc, copyNos: [1], borrower: { name: '外人' }, dueAt: '2026-12-20', at: '2026-11-21' };
    const error = refused(t.service, 'documents.lend', input);
    expect(error.code).toBe('E_APPROVAL_REQUIRED');
    const row = auditRows(t).at(-1)!;
    expect(row).toMatchObject({ action: 'documents.lend', outcome: 'refused', error_code: error.code, target: '2026-0001' });
    const summary = JSON.parse(row.summary) as { input: unknown; details?: Record<string, unknown> };
    expect(summary).toEqual({ input, details: error.details });
    expect(row.summary).not.toContain(error.message);
    // The same stored entry, read in each language.
    const shape = { code: row.error_code!, details: summary.details };
    expect(errorMessage(shape, 'zh-CN')).not.toBe(errorMessage(shape, 'en'));
    expect(errorMessage(shape, 'zh-TW')).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a refused recovery (the right code, a weak new password) stores the code and details, not the sentence', () => {
    const { t } = ledger();
    ok(t.service, 'session.logout');
    const error = refused(t.service, 'session.recover', { username: ADMIN.username, recoveryCode: t.recoveryCode, newPassword: 'short' });
    expect(error.code).toBe('E_WEAK_PASSWORD');
    const row = auditRows(t).at(-1)!;
    expect(row).toMatchObject({ action: 'session.recover', outcome: 'refused', error_code: 'E_WEAK_PASSWORD' });
    expect(JSON.parse(row.summary)).toEqual(error.details ? { details: error.details } : {});
    expect(row.summary).not.toContain(error.message);
  });

  it('audit.list gives each entry its category and the ledger numbers of the ids it names; its fields read without raw keys', () => {
    const { t, doc } = ledger();
    ok(t.service, 'documents.move', { documentId: doc, copyNos: [2], locationId: 1, at: '2026-11-22' });
    login(t.service, AUDITOR.username, AUDITOR.password);
    const move = list(t, { action: 'documents.move' }).rows[0]!;
    expect(move).toMatchObject({
      actorName: ADMIN.displayName,
      category: 'documents',
      target: '2026-0001',
      refs: { documentId: '2026-0001', locationId: 'BMG-01' },
    });
    expect(list(t, { actor: ADMIN.displayName, action: 'documents.move' }).total).toBe(1);
    const zh = auditFields(move.summary, 'zh-CN', move.refs);
    expect(zh).toEqual(
      expect.arrayContaining([
        { labels: ['收文编号'], value: '2026-0001' },
        { labels: ['份号'], value: '0002' },
        { labels: ['保密柜'], value: 'BMG-01' },
      ]),
    );
    expect(auditFields(move.summary, 'en', move.refs)).toEqual(expect.arrayContaining([{ labels: ['Copy nos.'], value: '0002' }]));
    expect(auditFields(move.summary, 'zh-TW', move.refs)).toEqual(expect.arrayContaining([{ labels: ['份號'], value: '0002' }]));
  });

  it('an entry about an account names it by its display name beside the login name it keeps', () => {
    const { t } = ledger();
    login(t.service, AUDITOR.username, AUDITOR.password);
    expect(list(t, { action: 'account.create' }).rows[0]).toMatchObject({ target: AUDITOR.username, targetName: AUDITOR.displayName });
    expect(list(t, { action: 'documents.receive' }).rows[0]).toMatchObject({ target: '2026-0001', targetName: null });
  });

  it('an approval in an entry reads by its approver’s name and way, its password hidden; a request by its kind and item', () => {
    const { t, doc } = ledger();
    const approval = spotApproval(t, '陈主任');
    ok(t.service, 'documents.lend', { documentId: doc, copyNos: [1], borrower: { name: '外人' }, dueAt: '2026-12-20', approval });
    ok(t.service, 'approvals.request', { kind: 'copy', subject: { type: 'document', id: doc }, copyNos: [2], count: 1, reason: '工作需要' });
    login(t.service, AUDITOR.username, AUDITOR.password);
    const lend = list(t, { action: 'documents.lend' }).rows[0]!;
    expect(lend.refs).toMatchObject({ documentId: '2026-0001', approverId: '陈主任' });
    expect(auditFields(lend.summary, 'zh-CN', lend.refs)).toEqual(
      expect.arrayContaining([
        { labels: ['审批', '审批方式'], value: '当面审批' },
        { labels: ['审批', '审批人'], value: '陈主任' },
        { labels: ['审批', '密码'], value: '（已隐去）' },
      ]),
    );
    const request = list(t, { action: 'approvals.request' }).rows[0]!;
    expect(request.category).toBe('approvals');
    expect(auditFields(request.summary, 'zh-CN', request.refs)).toEqual(
      expect.arrayContaining([
        { labels: ['类别'], value: '复制' },
        { labels: ['审批事项', '类型'], value: '涉密文件' },
        { labels: ['审批事项', '编号'], value: '2026-0001' },
      ]),
    );
  });

  it('filters by category (documents and devices too), action, outcome and target number', () => {
    const { t, doc } = ledger();
    refused(t.service, 'documents.lend', { documentId: doc, copyNos: [9], borrower: { name: '李明' }, dueAt: '2026-12-20', at: '2026-11-21' });
    ok(t.service, 'computers.register', {
      code: 'JSJ-001',
      name: '保密室主机',
      model: 'ThinkCentre M720',
      serial: 'SN001',
      diskSerial: 'HD001',
      os: 'Windows 10',
      level: 'secret',
      network: 'standalone',
      purpose: '文件处理',
      department: '办公室',
      responsible: '李明',
      location: '保密室',
      enabledAt: '2026-01-05',
    });
    login(t.service, AUDITOR.username, AUDITOR.password);
    expect(list(t, { category: 'documents' }).rows.map((r) => r.action)).toEqual(['documents.lend', 'documents.receive']);
    expect(list(t, { category: 'computers' }).rows.map((r) => [r.action, r.target])).toEqual([['computers.register', 'JSJ-001']]);
    expect(list(t, { category: 'locations' }).rows.map((r) => r.action)).toEqual(['locations.create']);
    expect(list(t, { category: 'session' }).rows.map((r) => r.action)).toContain('session.login');
    expect(list(t, { target: '2026-0001' }).rows.map((r) => [r.action, r.outcome])).toEqual([
      ['documents.lend', 'refused'],
      ['documents.receive', 'ok'],
    ]);
    expect(list(t, { target: '0001', outcome: 'refused' }).total).toBe(1);
    expect(list(t, { action: 'computers.register' }).total).toBe(1);
    expect(list(t, { target: `x' OR '1'='1` }).total).toBe(0);
  });
});

describe('核对打印件: paper proves the log', () => {
  function printed(t: SetUpLedger): { seq: number; shortHash: string } {
    const { meta } = ok<PrintPayload>(t.service, 'print.prepare', { request: { kind: 'sheet', name: 'documents' } });
    ok(t.service, 'print.record', { printId: meta.printId, pages: 1, destination: 'pdf' });
    return meta.auditHead;
  }

  it('an intact head: the entry still has that hash, the chain from there is intact, and the printout is named', () => {
    const { t } = ledger();
    const head = printed(t);
    ok(t.service, 'documents.move', { documentId: 1, copyNos: [1], locationId: 1, at: '2026-11-22' });
    for (const who of [ADMIN, AUDITOR]) {
      login(t.service, who.username, who.password);
      const check = ok<PrintoutCheckView>(t.service, 'audit.checkPrintout', { seq: head.seq, hash: head.shortHash.toUpperCase() });
      expect(check).toMatchObject({
        found: true,
        matches: true,
        chain: { intact: true },
        prints: [{ title: '涉密文件登记台账', actor: ADMIN.displayName, pages: 1 }],
      });
      expect(auditRows(t).at(-1)).toMatchObject({ action: 'audit.checkPrintout', outcome: 'ok', target: `#${head.seq}` });
    }
    const wrong = ok<PrintoutCheckView>(t.service, 'audit.checkPrintout', { seq: head.seq, hash: head.shortHash === '000000' ? '111111' : '000000' });
    expect(wrong).toMatchObject({ found: true, matches: false });
    expect(ok<PrintoutCheckView>(t.service, 'audit.checkPrintout', { seq: 99_999, hash: 'abcdef' })).toMatchObject({
      found: false,
      matches: false,
      prints: [],
    });
  });

  it('a head after a row is edited through the raw key: the chain from there is broken at that row', () => {
    const { t } = ledger();
    const head = printed(t);
    ok(t.service, 'documents.move', { documentId: 1, copyNos: [1], locationId: 1, at: '2026-11-22' });
    const edited = head.seq + 2; // the move, after the print entry
    t.service.close();
    const db = openRaw(t.dbPath, t.key);
    db.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET summary = '{"forged":true}' WHERE seq = ${edited};`);
    db.close();
    const s = t.restart();
    login(s, AUDITOR.username, AUDITOR.password);
    const check = ok<PrintoutCheckView>(s, 'audit.checkPrintout', { seq: head.seq, hash: head.shortHash });
    expect(check).toMatchObject({ found: true, matches: true, chain: { intact: false, firstBroken: { seq: edited, reason: 'hash' } } });
  });

  it('the custodian checks too; an approver does not; only the auditor lists the entries', () => {
    const { t } = ledger();
    addUser(t, { username: 'boss', roles: ['approver'], password: 'Approver2026pass' });
    addUser(t, { username: 'clerk', roles: ['custodian'], password: 'Clerk2026pass' });
    login(t.service, 'clerk', 'Clerk2026pass');
    expect(ok<PrintoutCheckView>(t.service, 'audit.checkPrintout', { seq: 1, hash: auditRows(t)[0]!.hash.slice(0, 6) }).matches).toBe(true);
    expect(refused(t.service, 'audit.list', {}).code).toBe('E_FORBIDDEN');
    login(t.service, 'boss', 'Approver2026pass');
    expect(refused(t.service, 'audit.checkPrintout', { seq: 1, hash: 'abcdef' }).code).toBe('E_FORBIDDEN');
    expect(refused(t.service, 'audit.checkPrintout', { seq: 1, hash: 'xyz' }).code).toBe('E_FORBIDDEN');
  });

  it('a hash that is not hex, or a seq below one, is refused', () => {
    const { t } = ledger();
    for (const input of [
      { seq: 1, hash: 'xyzxyz' },
      { seq: 0, hash: 'abcdef' },
      { seq: 1, hash: 'abc' },
    ]) {
      expect(refused(t.service, 'audit.checkPrintout', input).code).toBe('E_VALIDATION');
    }
  });
});
