// 汇编 / 摘录 (domain.md "More rules of the carriers"): a document produced from sources in the ledger links them and
// takes the highest level, the longest period and the union of their scopes. Through service.invoke on a real ledger.
import { describe, expect, it } from 'vitest';
import { makeLedger, ok, refused } from '../../testing';
import type { DocumentDetail } from '../../views';
import { spotApproval } from '../approvals/fixture';

function ledger() {
  const t = makeLedger();
  // A compilation of secret sources is approved like a copy: here on the spot by the ledger's approver.
  const approval = spotApproval(t);
  const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  let n = 0;
  const receive = (marking: string, scope: string[]) =>
    ok<{ id: number; receiptNo: string }>(t.service, 'documents.receive', {
      title: `来文${++n}`,
      docNumber: `鲁保发〔2026〕${n}号`,
      originUnit: '省国家保密局',
      marking,
      issueDate: '2026-11-02',
      scope,
      copies: 1,
      locationId: cab,
      signedBy: '李明',
    });
  const produce = (over: Record<string, unknown>) => ({
    title: '保密工作文件汇编',
    originUnit: '本单位办公室',
    issueDate: '2026-11-20',
    scope: ['办公室'],
    copies: 2,
    locationId: cab,
    producedBy: '李明',
    classifiedBy: '陈主任',
    classificationBasis: '依据来文密级',
    approval,
    ...over,
  });
  return { t, receive, produce, get: (id: number) => ok<DocumentDetail>(t.service, 'documents.get', { id }) };
}

describe('a compilation or excerpt (汇编 / 摘录)', () => {
  it('takes at least the highest level and the longest period of its sources; a lower marking is refused naming them (E_COMPILATION_MARKING)', () => {
    const l = ledger();
    const a = l.receive('机密★10年', ['办公室']);
    const b = l.receive('秘密★5年', ['王芳']);
    const sources = [a.id, b.id];
    const e = refused(l.t.service, 'documents.produce', l.produce({ marking: '秘密★10年', sources, compilation: 'compile' }));
    expect(e).toMatchObject({ code: 'E_COMPILATION_MARKING', details: { rule: 'level', marking: '秘密★10年', sources: [a.receiptNo] } });
    expect(e.message).toContain(a.receiptNo);
    expect(refused(l.t.service, 'documents.produce', l.produce({ marking: '机密★5年', sources, compilation: 'compile' }))).toMatchObject({
      code: 'E_COMPILATION_MARKING',
      details: { rule: 'period', sources: [a.receiptNo] },
    });
    const id = ok<{ id: number }>(l.t.service, 'documents.produce', l.produce({ marking: '机密★10年', sources, compilation: 'compile' })).id;
    const doc = l.get(id);
    expect(doc).toMatchObject({ level: 'secret', marking: '机密★10年', scope: ['办公室', '王芳'] });
    expect(doc.events[0]).toMatchObject({
      kind: 'produce',
      details: {
        compilation: 'compile',
        sources: [
          { documentId: a.id, receiptNo: a.receiptNo },
          { documentId: b.id, receiptNo: b.receiptNo },
        ],
      },
    });
  });

  it('a 长期 source makes the compilation 长期; the scope is narrowed only by a recorded decision', () => {
    const l = ledger();
    const a = l.receive('机密★长期', ['办公室', '王芳']);
    expect(refused(l.t.service, 'documents.produce', l.produce({ marking: '机密★20年', sources: [a.id], compilation: 'excerpt' })).details).toMatchObject({
      rule: 'period',
    });
    const decision = { decidedBy: '省国家保密局', decisionDocNo: '鲁保函〔2026〕30号' };
    const id = ok<{ id: number }>(
      l.t.service,
      'documents.produce',
      l.produce({ marking: '机密★长期', sources: [a.id], compilation: 'excerpt', scopeDecision: decision }),
    ).id;
    expect(l.get(id)).toMatchObject({ scope: ['办公室'] });
    expect(l.get(id).events[0]!.details).toMatchObject({ compilation: 'excerpt', scopeDecision: decision });
  });

  it('of secret sources needs an approval (E_APPROVAL_REQUIRED rule compile), recorded on the produce event', () => {
    const l = ledger();
    const a = l.receive('机密★10年', ['办公室']);
    const input = l.produce({ marking: '机密★10年', sources: [a.id] });
    expect(refused(l.t.service, 'documents.produce', { ...input, approval: undefined }).details).toEqual({ rule: 'compile' });
    const id = ok<{ id: number }>(l.t.service, 'documents.produce', input).id;
    expect(l.get(id).events[0]).toMatchObject({ kind: 'produce', approver: '陈主任', details: { approval: { way: 'on_the_spot' } } });
    const internal = l.receive('内部', ['办公室']);
    ok(l.t.service, 'documents.produce', { ...l.produce({ marking: '内部', sources: [internal.id] }), approval: undefined });
  });
});
