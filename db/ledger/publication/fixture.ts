// Test fixture for the publication review tests: a real ledger on 2026-11-25 with a custodian (李明, signed in), an
// approver (王局长), a 机密 notice in a cabinet and a 机密 telegram in the telegram cabinet; the register's commands as
// one-line calls. Used by tests only.
import { addUser, login, makeLedger, ok, refused } from '../../testing';
import { createApprover, external, type TestApprover } from '../approvals/fixture';
import { receiveInput } from '../documents/fixture';
import type { ReviewView } from './queries';

const CUSTODIAN = { username: 'liming', displayName: '李明', roles: ['custodian' as const], password: 'Custodian2026pass' };

/** An item proposed for publication: the 2026 work summary of the 办公室, for the website. */
export const ITEM = { title: '2026年度政务公开工作总结', department: '办公室', channel: 'website', submittedBy: '赵六', at: '2026-11-24' } as const;

export function publicationLedger() {
  const t = makeLedger();
  addUser(t, CUSTODIAN);
  const approver: TestApprover = createApprover(t);
  login(t.service, CUSTODIAN.username, CUSTODIAN.password);
  const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  const tg = ok<{ id: number }>(t.service, 'locations.create', { code: 'DBG-01', name: '电报柜', maxLevel: 'secret', telegrams: true }).id;
  const notice = ok<{ id: number }>(t.service, 'documents.receive', receiveInput(cab, { receivedAt: '2026-11-20' })).id;
  const telegram = ok<{ id: number; receiptNo: string }>(
    t.service,
    'documents.receive',
    receiveInput(tg, { carrier: 'telegram', copies: 1, receivedAt: '2026-11-20', returnBy: '2026-12-30' }),
  );
  const asApprover = <T>(fn: () => T): T => {
    login(t.service, approver.username, approver.password);
    try {
      return fn();
    } finally {
      login(t.service, CUSTODIAN.username, CUSTODIAN.password);
    }
  };
  const spot = { approverId: approver.id, password: approver.password };
  return {
    t,
    approver,
    notice,
    telegram,
    spot,
    asApprover,
    open: (over: Record<string, unknown> = {}) => ok<{ id: number; reviewNo: string }>(t.service, 'publication.open', { ...ITEM, ...over }),
    get: (id: number) => ok<ReviewView>(t.service, 'publication.get', { id }),
    /** Decided on the spot at the custodian's desk (the approver's own password). */
    decide: (id: number, verdict: string, over: Record<string, unknown> = {}) =>
      ok<ReviewView>(t.service, 'publication.decide', { id, verdict, reasons: '不涉及国家秘密和工作秘密', countersign: spot, ...over }),
    publish: (id: number, over: Record<string, unknown> = {}) =>
      ok<ReviewView>(t.service, 'publication.publish', { id, place: '门户网站 政务公开栏目', at: '2026-11-25', ...over }),
    refused: (name: string, input: Record<string, unknown>) => refused(t.service, name, input),
    /** Declassifies the telegram by the originator's decision. */
    declassifyTelegram: () =>
      ok(t.service, 'documents.changeMarking', {
        documentId: telegram.id,
        declassify: true,
        approval: external('省国家保密局', '鲁保解〔2026〕3号', '2026-11-24'),
      }),
  };
}
