// Approvals on paper (issue 12): the 审批单 of a request, and the registers, the destruction list and an item's history
// naming the approver with how the approval was given. Real ledgers, real approver accounts.
import { describe, expect, it } from 'vitest';
import { login, ok, UNIT_NAME, type SetUpLedger } from '../../testing';
import { APPROVALS_CUSTODIAN, approvalsLedger, approvedRequest, external, onTheSpot } from '../approvals/fixture';
import type { PrintPayload } from '../print/commands';
import { buildBatchForm, buildHistory, buildSheet } from './index';
import { withRaw } from '../../testing';

const CUSTODIAN = APPROVALS_CUSTODIAN;
const ledger = () => approvalsLedger({ doc: { docNumber: '鲁保发〔2026〕12号' }, topSecret: { docNumber: '鲁保发〔2026〕13号' } });

const approvalForm = (t: SetUpLedger, approvalId: number, language: 'zh-CN' | 'zh-TW' | 'en' = 'zh-CN') =>
  ok<PrintPayload>(t.service, 'print.prepare', { request: { kind: 'approval-form', approvalId, language } }).document;
const fields = (doc: { fields: { label: string; value: string }[] }) => Object.fromEntries(doc.fields.map((f) => [f.label, f.value]));
const column = (s: { columns: { key: string }[]; rows: string[][] }, key: string) => s.rows.map((r) => r[s.columns.findIndex((c) => c.key === key)]);

describe('the 审批单 of a request', () => {
  it('prints the request for signature: SP number, kind, the item and its copies, count, reason, who asked, signature lines', () => {
    const t = ledger();
    const { id } = ok<{ id: number }>(t.service, 'approvals.request', {
      kind: 'copy',
      subject: { type: 'document', id: t.doc },
      copyNos: [1],
      count: 2,
      reason: '全省保密工作会议传达',
    });
    const form = approvalForm(t, id);
    expect(form).toMatchObject({
      kind: 'approval-form',
      orientation: 'portrait',
      title: '涉密载体审批单',
      number: 'SP-2026-0001',
      unitName: UNIT_NAME,
      markingText: '机密',
      totalText: '',
    });
    expect(fields(form)).toEqual({ 审批事项: '复制', 申请人: '李明', 申请日期: '2026-11-25', 申请理由: '全省保密工作会议传达' });
    expect(form.columns.map((c) => c.label)).toEqual(['序号', '收文编号', '文号', '标题', '密级', '份号', '数量']);
    expect(form.rows).toEqual([['1', '2026-0001', '鲁保发〔2026〕12号', '关于开展年度保密自查自评工作的通知', '机密', '0001', '2']]);
    expect(form.signatures).toEqual([
      { label: '申请人', names: '李明' },
      { label: '审批人', names: '' },
    ]);
    // The approver and the auditor print it too; each print is recorded by its id (print.record).
    login(t.service, t.approver.username, t.approver.password);
    expect(approvalForm(t, id).number).toBe('SP-2026-0001');
  });

  it('once decided, a reprint says the decision, by whom and how; zh-TW and en', () => {
    const t = ledger();
    const { approval } = approvedRequest(t, CUSTODIAN, t.approver, { kind: 'copy', subject: { type: 'document', id: t.doc }, copyNos: [1], count: 2 });
    expect(fields(approvalForm(t, approval.id))).toMatchObject({ 审批结果: '批准', 审批人及方式: '王局长（系统内审批 SP-2026-0001）', 审批日期: '2026-11-25' });
    expect(approvalForm(t, approval.id).signatures[1]).toEqual({ label: '审批人', names: '王局长' });
    expect(approvalForm(t, approval.id, 'zh-TW')).toMatchObject({
      title: '涉密載體審批單',
      fields: expect.arrayContaining([{ label: '審批事項', value: '複製' }]),
    });
    expect(fields(approvalForm(t, approval.id, 'en'))).toMatchObject({
      'Approval for': 'Copy',
      'Approved by and how': '王局长 (approved in the app SP-2026-0001)',
    });
  });
});

describe('registers name the approver and how the approval was given', () => {
  it('复制登记: in the app, on paper (纸质审批单 No.), and from outside the unit for 绝密', () => {
    const t = ledger();
    const { grant } = approvedRequest(t, CUSTODIAN, t.approver, { kind: 'copy', subject: { type: 'document', id: t.doc }, copyNos: [1], count: 1 });
    ok(t.service, 'documents.copy', { documentId: t.doc, sourceCopyNo: 1, count: 1, approval: grant });
    const { id } = ok<{ id: number }>(t.service, 'approvals.request', {
      kind: 'copy',
      subject: { type: 'document', id: t.doc },
      copyNos: [2],
      count: 1,
      reason: '会议',
    });
    ok(t.service, 'approvals.recordPaper', { id, approverId: t.approver.id, decision: 'approved', paperNo: 'SPD-017', decidedAt: '2026-11-25' });
    ok(t.service, 'documents.copy', { documentId: t.doc, sourceCopyNo: 2, count: 1, approval: { way: 'request', approvalId: id } });
    ok(t.service, 'documents.copy', { documentId: t.topSecret, sourceCopyNo: 1, count: 1, approval: external() });
    const s = withRaw(t, (db) => buildSheet(db, 'copies', {}, 'zh-CN'));
    expect(column(s, 'approver')).toEqual([
      '王局长（系统内审批 SP-2026-0001）',
      '王局长（纸质审批单 No. SPD-017）',
      '外部：省国家保密局 鲁保函〔2026〕8号 2026-11-24',
    ]);
    expect(
      column(
        withRaw(t, (db) => buildSheet(db, 'copies', {}, 'en')),
        'approver',
      )[2],
    ).toBe('External: 省国家保密局 鲁保函〔2026〕8号 2026-11-24');
  });

  it('借阅登记簿: a loan outside the scope approved on the spot; a loan needing none names no one', () => {
    const t = ledger();
    ok(t.service, 'documents.lend', {
      documentId: t.doc,
      copyNos: [1],
      borrower: { name: '赵科长' },
      dueAt: '2026-12-10',
      approval: onTheSpot(t.approver.id, t.approver.password),
    });
    ok(t.service, 'documents.lend', { documentId: t.doc, copyNos: [2], borrower: { name: '王芳' }, dueAt: '2026-12-10' });
    expect(
      column(
        withRaw(t, (db) => buildSheet(db, 'loans', {}, 'zh-CN')),
        'approver',
      ),
    ).toEqual(['王局长（当面审批）', '']);
  });

  it('销毁清单 and the printed history: the approver with how, and 销毁人 and 监销人 on the history', () => {
    const t = ledger();
    const { grant } = approvedRequest(t, CUSTODIAN, t.approver, { kind: 'destroy', subject: { type: 'document', id: t.doc }, copyNos: [3] });
    const { batchNo } = ok<{ batchNo: string }>(t.service, 'documents.destroy', {
      items: [{ documentId: t.doc, copyNos: [3], approval: grant }],
      method: 'shredder',
      place: '保密室',
      destroyers: ['李明'],
      witnesses: ['孙监销', '周监销'],
    });
    const list = withRaw(t, (db) => buildBatchForm(db, 'destruction-list', batchNo, 'zh-CN'));
    expect(fields(list)).toMatchObject({ 批准人: '王局长（系统内审批 SP-2026-0001）' });
    expect(list.signatures).toEqual(
      expect.arrayContaining([
        { label: '销毁人', names: '李明' },
        { label: '监销人', names: '孙监销、周监销' },
      ]),
    );
    const history = withRaw(t, (db) => buildHistory(db, t.doc, 'zh-CN'));
    const destroyed = history.rows.find((r) => r[2] === '销毁')!;
    expect(destroyed[history.columns.findIndex((c) => c.key === 'approver')]).toBe('王局长（系统内审批 SP-2026-0001）');
    expect(destroyed[history.columns.findIndex((c) => c.key === 'details')]).toContain('销毁人 李明；监销人 孙监销、周监销');
  });
});
