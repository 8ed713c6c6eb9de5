// Test fixture: real approver accounts and real approvals, so any test can pass one. Tests only.
import { ADMIN, addUser, login, makeLedger, ok, withRaw, type SetUpLedger } from '../../testing';
import type { ApprovalView } from '../../views';
import { receiveInput } from '../documents/fixture';
import type { ApprovalGrant } from './fields';

export interface TestApprover {
  id: number;
  username: string;
  displayName: string;
  password: string;
}

let made = 0;
/** Every test approver's password: a test that builds its inputs before the ledger can name it. */
const APPROVER_PASSWORD = 'Approver2026pass';

/** Creates an approver account as the administrator (ADMIN signed in afterwards: sign your own user back in). */
export function createApprover(t: SetUpLedger, name = '王局长'): TestApprover {
  const approver = { username: `shenpi${++made}`, displayName: name, password: APPROVER_PASSWORD };
  login(t.service, ADMIN.username, ADMIN.password);
  addUser(t, { ...approver, roles: ['approver'] });
  const { id } = withRaw(t, (db) => db.prepare('SELECT id FROM accounts WHERE username = ?').get(approver.username) as { id: number });
  return { id, ...approver };
}

/**
 * A ledger's approver 陈主任 and the approval it gives on the spot, for tests whose custodian is ADMIN (signed in
 * afterwards).
 */
export function spotApproval(t: SetUpLedger, name = '陈主任'): ApprovalGrant {
  const approver = createApprover(t, name);
  return onTheSpot(approver.id, approver.password);
}

/** The approval field of an action countersigned on the spot by the approver typing their own password. */
export function onTheSpot(approverId: number, password: string): ApprovalGrant {
  return { way: 'on_the_spot', approverId, password };
}

/**
 * The approval given on the spot by the approver a test ledger creates first after its administrator (account 2), for
 * inputs built before the ledger exists.
 */
export const FIRST_APPROVER_ON_THE_SPOT: ApprovalGrant = { way: 'on_the_spot', approverId: 2, password: APPROVER_PASSWORD };

/** An external decision (the originator's 同意函 / 通知). */
export function external(body = '省国家保密局', docNo = '鲁保函〔2026〕8号', date = '2026-11-24'): ApprovalGrant {
  return { way: 'external', body, docNo, date };
}

/**
 * A request filed by the signed-in custodian and decided in the app by the approver; the custodian is signed back in.
 * Returns the approval and the field an action passes to use it.
 */
export function approvedRequest(
  t: SetUpLedger,
  custodian: { username: string; password: string },
  approver: TestApprover,
  request: { kind: string; subject: { type: string; id: number }; copyNos?: number[]; count?: number; reason?: string },
  decision: 'approved' | 'refused' = 'approved',
): { approval: ApprovalView; grant: ApprovalGrant } {
  const { id } = ok<{ id: number }>(t.service, 'approvals.request', { reason: '工作需要', ...request });
  login(t.service, approver.username, approver.password);
  const approval = ok<ApprovalView>(t.service, 'approvals.decide', { id, decision });
  login(t.service, custodian.username, custodian.password);
  return { approval, grant: { way: 'request', approvalId: id } };
}

/** The custodian of the approval tests' ledger: not the administrator, so every approval is someone else's. */
export const APPROVALS_CUSTODIAN = { username: 'liming', displayName: '李明', roles: ['custodian' as const], password: 'Custodian2026pass' };

export interface ApprovalsLedger extends SetUpLedger {
  /** A 机密 notice in a 机密 cabinet, and a 绝密 one in the 绝密 cabinet (kept by 刘专管). */
  doc: number;
  topSecret: number;
  approver: TestApprover;
}

/** A ledger with a custodian (signed in), an approver, a 机密 and a 绝密 document; `over` varies their inputs. */
export function approvalsLedger(over: { doc?: Record<string, unknown>; topSecret?: Record<string, unknown> } = {}): ApprovalsLedger {
  const t = makeLedger();
  addUser(t, APPROVALS_CUSTODIAN);
  const approver = createApprover(t);
  login(t.service, APPROVALS_CUSTODIAN.username, APPROVALS_CUSTODIAN.password);
  const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  const vault = ok<{ id: number }>(t.service, 'locations.create', { code: 'JM-01', name: '绝密专柜', maxLevel: 'top_secret', keeper: '刘专管' }).id;
  const doc = ok<{ id: number }>(t.service, 'documents.receive', receiveInput(cab, over.doc)).id;
  const topSecret = ok<{ id: number }>(t.service, 'documents.receive', receiveInput(vault, { marking: '绝密★长期', ...over.topSecret })).id;
  return Object.assign(t, { doc, topSecret, approver });
}
