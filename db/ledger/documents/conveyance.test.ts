// 传达 and 公开 on documents (issue 19, seed §1): the conveyance plan stays within the 知悉范围, each conveyance within
// its plan and its dates; a publication plan is decided by the originator (received) or the unit's approver on the
// spot (its own), reminds when its day comes; an 内部 document's 发放范围 is widened only with an approval.
// Real encrypted ledgers, real accounts, through service.invoke.
import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../domain/errors';
import { auditRows, dataSnapshot, ok, refused } from '../../testing';
import type { DocumentDetail, ReminderCounts } from '../../views';
import { approvalsLedger, external, onTheSpot, type ApprovalsLedger } from '../approvals/fixture';
import type { ConveyanceView } from './conveyance';
import { receiveInput } from './fixture';

const DAY = 86_400_000;
const plan = (documentId: number, over: Record<string, unknown> = {}) => ({
  documentId,
  range: [{ name: '办公室' }, { name: '王芳' }],
  manner: 'meeting',
  discipline: '不得记录、录音、拍照，不得向无关人员传播',
  at: '2026-11-25',
  ...over,
});
const convey = (documentId: number, over: Record<string, unknown> = {}) => ({
  documentId,
  conveyor: '李明',
  audience: [{ name: '张三', department: '办公室' }, { name: '王芳' }],
  attended: 12,
  at: '2026-11-25',
  ...over,
});
const view = (t: ApprovalsLedger, documentId: number) => ok<ConveyanceView>(t.service, 'documents.conveyance', { documentId });
const doc = (t: ApprovalsLedger, id: number) => ok<DocumentDetail>(t.service, 'documents.get', { id });
const reminders = (t: ApprovalsLedger) => ok<ReminderCounts>(t.service, 'reminders.get');

describe('the conveyance plan (传达方案)', () => {
  it('names a range within the 知悉范围 (a person by their department too); an entry outside it is refused by name and nothing is written', () => {
    const t = approvalsLedger();
    const before = dataSnapshot(t);
    const e = refused(
      t.service,
      'documents.planConveyance',
      plan(t.doc, { range: [{ name: '办公室' }, { name: '财务科' }, { name: '赵六', department: '保卫科' }] }),
    );
    expect(e).toMatchObject({ code: 'E_CONVEYANCE_SCOPE', details: { rule: 'scope', outside: ['财务科', '赵六（保卫科）'] } });
    expect(errorMessage(e, 'zh-CN')).toBe('财务科、赵六（保卫科） 不在 2026-0001 的知悉范围内：传达范围不得超出知悉范围。');
    expect(dataSnapshot(t)).toEqual(before);
    expect(ok(t.service, 'documents.planConveyance', plan(t.doc, { range: [{ name: '张三', department: '办公室' }, { name: '王芳' }] }))).toEqual({
      planId: 1,
      version: 1,
    });
  });

  it('states the manner and the discipline; a change is the next version, and every version stays in the history', () => {
    const t = approvalsLedger();
    expect(refused(t.service, 'documents.planConveyance', plan(t.doc, { discipline: '  ' }))).toMatchObject({ code: 'E_VALIDATION' });
    expect(refused(t.service, 'documents.planConveyance', plan(t.doc, { manner: 'phone' }))).toMatchObject({ code: 'E_VALIDATION' });
    ok(t.service, 'documents.planConveyance', plan(t.doc));
    ok(t.service, 'documents.planConveyance', plan(t.doc, { range: [{ name: '办公室' }], manner: 'reading', discipline: '阅后即退，不得摘抄' }));
    const v = view(t, t.doc);
    expect(v.conveyancePlans.map((p) => [p.version, p.manner, p.discipline, p.range.map((r) => r.name).join('、')])).toEqual([
      [2, 'reading', '阅后即退，不得摘抄', '办公室'],
      [1, 'meeting', '不得记录、录音、拍照，不得向无关人员传播', '办公室、王芳'],
    ]);
    expect(
      doc(t, t.doc)
        .events.filter((e) => e.kind === 'conveyance_plan')
        .map((e) => e.details['version']),
    ).toEqual([1, 2]);
    const audit = auditRows(t).at(-1)!;
    expect(audit).toMatchObject({ action: 'documents.planConveyance', target: '2026-0001' });
    expect(JSON.parse(audit.summary!)).toMatchObject({ version: 2, manner: 'reading', discipline: '阅后即退，不得摘抄' });
  });
});

describe('a conveyance (传达)', () => {
  it('needs a plan, goes only to people within its range, and is shown in the item’s history', () => {
    const t = approvalsLedger();
    expect(refused(t.service, 'documents.convey', convey(t.doc))).toMatchObject({ code: 'E_NO_PLAN', details: { plan: 'conveyance' } });
    ok(t.service, 'documents.planConveyance', plan(t.doc, { range: [{ name: '办公室' }] }));
    const before = dataSnapshot(t);
    const e = refused(t.service, 'documents.convey', convey(t.doc));
    expect(e).toMatchObject({ code: 'E_CONVEYANCE_SCOPE', details: { rule: 'plan', outside: ['王芳'] } });
    expect(errorMessage(e, 'zh-CN')).toContain('王芳 不在 2026-0001 传达方案的范围内');
    expect(dataSnapshot(t)).toEqual(before);
    ok(t.service, 'documents.convey', convey(t.doc, { audience: [{ name: '张三', department: '办公室' }, { name: '办公室' }] }));
    const event = doc(t, t.doc).events.at(-1)!;
    expect(event).toMatchObject({
      kind: 'convey',
      counterpart: '张三（办公室）、办公室',
      details: { conveyor: '李明', attended: 12, manner: 'meeting', planVersion: 1 },
    });
    expect(view(t, t.doc).conveyances).toMatchObject([{ conveyor: '李明', attended: 12, planVersion: 1 }]);
    expect(auditRows(t).at(-1)).toMatchObject({ action: 'documents.convey', target: '2026-0001' });
  });

  it('is dated neither before its plan or the registration nor in the future', () => {
    const t = approvalsLedger({ doc: { receivedAt: '2026-11-10', issueDate: '2026-11-02' } });
    expect(refused(t.service, 'documents.planConveyance', plan(t.doc, { at: '2026-11-09' }))).toMatchObject({
      code: 'E_DATE_ORDER',
      details: { rule: 'before_registration' },
    });
    ok(t.service, 'documents.planConveyance', plan(t.doc, { at: '2026-11-20' }));
    expect(refused(t.service, 'documents.convey', convey(t.doc, { at: '2026-11-19' }))).toMatchObject({
      code: 'E_DATE_ORDER',
      details: { rule: 'before_plan', at: '2026-11-19', earliest: '2026-11-20' },
    });
    expect(refused(t.service, 'documents.convey', convey(t.doc, { at: '2026-11-26' }))).toMatchObject({ code: 'E_VALIDATION', details: { field: 'at' } });
    ok(t.service, 'documents.convey', convey(t.doc, { at: '2026-11-20' }));
  });

  it('is refused for a document no longer held, and for a voided one', () => {
    const t = approvalsLedger({ doc: { mustReturn: true, returnBy: '2026-12-31' } });
    ok(t.service, 'documents.planConveyance', plan(t.doc));
    ok(t.service, 'documents.returnToIssuer', {
      items: [{ documentId: t.doc, copyNos: [1, 2, 3] }],
      toUnit: '省国家保密局',
      returner: '李明',
      receiver: '周强',
    });
    const e = refused(t.service, 'documents.convey', convey(t.doc));
    expect(e).toMatchObject({ code: 'E_DOCUMENT_NOT_HELD', details: { receiptNo: '2026-0001' } });
    expect(refused(t.service, 'documents.planConveyance', plan(t.doc))).toMatchObject({ code: 'E_DOCUMENT_NOT_HELD' });
    const voided = ok<{ id: number }>(t.service, 'documents.receive', receiveInput(1)).id;
    ok(t.service, 'documents.void', { documentId: voided, reason: '重复登记', approval: onTheSpot(t.approver.id, t.approver.password) });
    expect(refused(t.service, 'documents.planConveyance', plan(voided))).toMatchObject({ code: 'E_VOIDED' });
  });
});

describe('the publication plan (公开方案)', () => {
  const publication = (documentId: number, decision: unknown, over: Record<string, unknown> = {}) => ({
    documentId,
    extent: 'part',
    content: '第一部分“工作安排”',
    publishFrom: '2026-12-01',
    channel: '门户网站',
    decision,
    at: '2026-11-25',
    ...over,
  });

  it('of a received document is its originator’s decision (a 文号), never the unit’s countersignature', () => {
    const t = approvalsLedger();
    const e = refused(t.service, 'documents.planPublication', publication(t.doc, onTheSpot(t.approver.id, t.approver.password)));
    expect(e).toMatchObject({ code: 'E_PUBLICATION_DECISION', details: { rule: 'originator', receiptNo: '2026-0001' } });
    expect(errorMessage(e, 'zh-CN')).toContain('由发文机关决定');
    expect(refused(t.service, 'documents.planPublication', publication(t.doc, external(), { publishFrom: '2026-11-20' }))).toMatchObject({
      code: 'E_DATE_ORDER',
      details: { rule: 'before_decision', earliest: '2026-11-24' },
    });
    expect(ok(t.service, 'documents.planPublication', publication(t.doc, external()))).toMatchObject({ version: 1, decider: '省国家保密局' });
    expect(doc(t, t.doc).events.at(-1)).toMatchObject({
      kind: 'publication_plan',
      approver: '省国家保密局',
      details: { extent: 'part', publishFrom: '2026-12-01', decision: { way: 'external', docNo: '鲁保函〔2026〕8号' } },
    });
  });

  it('of the unit’s own document is countersigned by its approver with their own password, and the audit keeps no password', () => {
    const t = approvalsLedger();
    const { signedBy: _signedBy, ...registration } = receiveInput(1);
    const own = ok<{ id: number }>(t.service, 'documents.produce', {
      ...registration,
      originUnit: '本厅办公室',
      producedBy: '李明',
      classifiedBy: '陈处长',
      classificationBasis: '保密事项范围第3条',
    }).id;
    const { decision: _none, ...undecided } = publication(own, null);
    const e = refused(t.service, 'documents.planPublication', undecided);
    expect(e).toMatchObject({ code: 'E_PUBLICATION_DECISION', details: { rule: 'approver' } });
    expect(errorMessage(e, 'zh-CN')).toContain('须由审批人当面审批');
    expect(refused(t.service, 'documents.planPublication', publication(own, onTheSpot(t.approver.id, 'wrong-password')))).toMatchObject({
      code: 'E_APPROVER_PASSWORD',
    });
    // A countersignature given today does not decide a plan dated earlier.
    expect(
      refused(t.service, 'documents.planPublication', publication(own, onTheSpot(t.approver.id, t.approver.password), { at: '2026-11-24' })),
    ).toMatchObject({
      code: 'E_DATE_ORDER',
    });
    ok(t.service, 'documents.planPublication', publication(own, onTheSpot(t.approver.id, t.approver.password), { extent: 'whole', content: '全文' }));
    expect(view(t, own).publicationPlans[0]).toMatchObject({ decisionWay: 'on_the_spot', decider: '王局长', decidedOn: '2026-11-25', extent: 'whole' });
    const audit = auditRows(t).at(-1)!;
    expect(audit.summary).not.toContain(t.approver.password);
    expect(JSON.parse(audit.summary!)).toMatchObject({ decision: { way: 'on_the_spot', approver: '王局长' } });
  });

  it('reminds when its day comes (publicationDue) until a review of it is published (先审查后公开): not before that day, once per plan', () => {
    const t = approvalsLedger();
    const spot = { approverId: t.approver.id, password: t.approver.password };
    const cleared = (channel: string, at: string) => {
      const { id } = ok<{ id: number }>(t.service, 'publication.open', {
        title: '通知',
        department: '办公室',
        channel,
        documentId: t.doc,
        submittedBy: '赵六',
        at,
      });
      ok(t.service, 'publication.decide', { id, verdict: 'approve', reasons: '所列部分不涉及国家秘密', countersign: spot });
      return id;
    };
    // A document not declassified has nothing to publish without its plan, even once a review cleared it.
    const first = cleared('website', '2026-11-25');
    const before = dataSnapshot(t);
    expect(refused(t.service, 'publication.publish', { id: first, place: '门户网站', at: '2026-11-25' })).toMatchObject({
      code: 'E_NO_PLAN',
      details: { plan: 'publication' },
    });
    expect(dataSnapshot(t)).toEqual(before);
    ok(t.service, 'documents.planPublication', publication(t.doc, external()));
    expect(reminders(t).publicationDue).toBe(0);
    expect(refused(t.service, 'publication.publish', { id: first, place: '门户网站', at: '2026-11-25' })).toMatchObject({
      code: 'E_DATE_ORDER',
      details: { rule: 'before_publish_from', earliest: '2026-12-01' },
    });
    t.clock.advance(7 * DAY);
    expect(reminders(t).publicationDue).toBe(1);
    expect(doc(t, t.doc).reminders).toContain('publicationDue');
    ok(t.service, 'publication.publish', { id: first, place: '门户网站', at: '2026-12-02' });
    expect(reminders(t).publicationDue).toBe(0);
    expect(doc(t, t.doc).events.map((e) => e.kind)).toContain('publication_done');
    // The plan is carried out: the same document on another channel waits for a plan of its own.
    const second = cleared('notice_board', '2026-12-02');
    expect(refused(t.service, 'publication.publish', { id: second, place: '公开栏', at: '2026-12-02' })).toMatchObject({
      code: 'E_PUBLICATION_DONE',
      details: { at: '2026-12-02' },
    });
    // A later plan (the rest, from a later day) is the next version, and reminds again when its day comes.
    ok(
      t.service,
      'documents.planPublication',
      publication(t.doc, external('省国家保密局', '鲁保函〔2026〕9号', '2026-12-02'), {
        at: '2026-12-02',
        publishFrom: '2026-12-02',
        extent: 'whole',
        content: '全文',
      }),
    );
    expect(reminders(t).publicationDue).toBe(1);
    ok(t.service, 'publication.publish', { id: second, place: '公开栏', at: '2026-12-02' });
    expect(view(t, t.doc).publicationPlans.map((p) => [p.version, p.doneReference])).toEqual([
      [2, 'GK-2026-002 公开栏'],
      [1, 'GK-2026-001 门户网站'],
    ]);
  });
});

describe('an 内部 document’s 发放范围', () => {
  it('is widened only with an approval, refused in its own words; narrowed only by a decision too', () => {
    const t = approvalsLedger({ doc: { marking: '内部', scope: ['办公室'] } });
    const before = dataSnapshot(t);
    const e = refused(t.service, 'documents.changeMarking', { documentId: t.doc, scope: ['办公室', '财务科'] });
    expect(e).toMatchObject({ code: 'E_APPROVAL_REQUIRED', details: { rule: 'internal_scope_widening' } });
    expect(errorMessage(e, 'zh-CN')).toContain('扩大发放范围须经批准');
    expect(dataSnapshot(t)).toEqual(before);
    // Narrowing is a change of scope as well: the originator decides it.
    const narrower = ok<{ id: number }>(t.service, 'documents.receive', receiveInput(1, { marking: '内部', scope: ['办公室', '王芳'] })).id;
    expect(refused(t.service, 'documents.changeMarking', { documentId: narrower, scope: ['办公室'] })).toMatchObject({
      code: 'E_APPROVAL_REQUIRED',
      details: { rule: 'change_marking_originator' },
    });
    ok(t.service, 'documents.changeMarking', { documentId: t.doc, scope: ['办公室', '财务科'], approval: external() });
    expect(doc(t, t.doc).scope).toEqual(['办公室', '财务科']);
  });
});
