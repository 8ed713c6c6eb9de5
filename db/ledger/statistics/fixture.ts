// Test fixture for the statistics tests: a ledger built through the commands with events whose figures are known
// (the numbers are in the comments and in known-events.test.ts), entered on the tests' day 2026-11-25: events dated
// last year, a 份数 and a level corrected, a register imported with its 已销毁 / 已清退 history, a voided
// registration, a loan across the new year returned late, devices, and refusals of three rules. Used by tests only.
import { expect } from 'vitest';
import { makeLedger, ok, okAsync, refused } from '../../testing';
import { createApprover, external, onTheSpot } from '../approvals/fixture';
import { computerInput, mediumInput } from '../devices/fixture';
import { receiveInput } from '../documents/fixture';
import { csvOf } from '../transfer/fixture';

export async function knownLedger() {
  const t = makeLedger();
  const approver = createApprover(t, '陈主任');
  const spot = () => onTheSpot(approver.id, approver.password);
  const cabinet = (code: string, name: string) => ok<{ id: number }>(t.service, 'locations.create', { code, name, maxLevel: 'secret' }).id;
  const a = cabinet('G-01', '一号柜');
  const b = cabinet('G-02', '二号柜');
  const receive = (locationId: number, over: Record<string, unknown>) => ok<{ id: number }>(t.service, 'documents.receive', receiveInput(locationId, over)).id;

  // 2026 received: d1 机密 3 份 (Jan, paper, A); d2 秘密 2 份 (Mar, disc, B); d4 entered 秘密 2 份, corrected to 机密 3 份 (Feb, A).
  const d1 = receive(a, { issueDate: '2026-01-10', receivedAt: '2026-01-15', copies: 3 });
  const d2 = receive(b, { issueDate: '2026-03-01', receivedAt: '2026-03-10', marking: '秘密★5年', copies: 2, carrier: 'disc' });
  // Backdated: entered today, received last December: a 2025 figure, counted in no flow of 2026.
  const d3 = receive(a, {
    issueDate: '2025-12-01',
    receivedAt: '2025-12-20',
    copies: 2,
    scope: ['办公室', '财务科'],
    mustReturn: true,
    returnBy: '2026-12-31',
  });
  const d4 = receive(a, { issueDate: '2026-02-01', receivedAt: '2026-02-05', marking: '秘密★5年', copies: 2 });
  ok(t.service, 'documents.correct', { documentId: d4, field: 'marking', value: '机密★10年', reason: '密级登记错误', approval: spot() });
  ok(t.service, 'documents.correct', { documentId: d4, field: 'copies', value: 3, reason: '份数登记错误', approval: spot() });
  // Voided: counts nowhere.
  const d5 = receive(a, { issueDate: '2026-02-01', receivedAt: '2026-02-06', copies: 1 });
  ok(t.service, 'documents.void', { documentId: d5, reason: '误登', approval: spot() });

  // An old register imported: received 2026-03-01 (秘密, 2 份) and destroyed 2026-04-01; received 2025-11-01 (机密, 1 份)
  // and returned to its issuer 2026-01-20: the history counts as the flows it records, on their dates.
  const csv = csvOf(
    [
      ['收文日期', '来文单位', '文号', '标题', '密级', '保密期限', '份数', '份号', '签收人', '知悉范围', '状态', '状态日期'],
      ['2026-03-01', '省国家保密局', '鲁保发〔2026〕201号', '旧文件一', '秘密', '5年', 2, '0001-0002', '李明', '办公室', '已销毁', '2026-04-01'],
      ['2025-11-01', '市国家保密局', '济保发〔2025〕7号', '旧文件二', '机密', '10年', 1, '0001', '李明', '办公室', '已清退', '2026-01-20'],
    ],
    'utf-8-bom',
  );
  const imported = await okAsync<{ imported: number; historical: number }>(t.service, 'import.apply', {
    register: 'documents',
    fileName: '旧收文.csv',
    data: csv.toString('base64'),
    defaults: { location: 'G-01' },
  });
  expect(imported).toMatchObject({ imported: 2, historical: 2 });

  // Flows of 2026. What needs an approval on the spot is done today (an action never precedes its approval).
  ok(t.service, 'documents.copy', { documentId: d1, sourceCopyNo: 3, count: 2, approval: spot() });
  // Lent 2026-01-20 to 办公室, due 01-31, back 02-03: 3 days late.
  ok(t.service, 'documents.lend', { documentId: d1, copyNos: [1], borrower: { name: '王芳', department: '办公室' }, dueAt: '2026-01-31', at: '2026-01-20' });
  ok(t.service, 'documents.returnLoan', { documentId: d1, copyNos: [1], receivedBy: '李明', at: '2026-02-03' });
  // Across the new year: lent 2025-12-28 to 财务科, due 2026-01-05, back 01-10: lent in 2025, 5 days late in 2026.
  ok(t.service, 'documents.lend', { documentId: d3, copyNos: [1], borrower: { name: '赵六', department: '财务科' }, dueAt: '2026-01-05', at: '2025-12-28' });
  ok(t.service, 'documents.returnLoan', { documentId: d3, copyNos: [1], receivedBy: '李明', at: '2026-01-10' });
  // Out now: d2 copy 1 with 王芳 of 办公室 (cabinet B).
  ok(t.service, 'documents.lend', { documentId: d2, copyNos: [1], borrower: { name: '王芳', department: '办公室' }, dueAt: '2026-11-30', at: '2026-11-01' });
  ok(t.service, 'documents.returnToIssuer', {
    items: [{ documentId: d3, copyNos: [2] }],
    toUnit: '省国家保密局',
    returner: '李明',
    receiver: '张三',
    at: '2026-01-08',
  });
  ok(t.service, 'documents.destroy', {
    items: [{ documentId: d4, copyNos: [1] }],
    approval: spot(),
    method: 'shredder',
    place: '保密室',
    destroyers: ['李明'],
    witnesses: ['王芳'],
  });
  ok(t.service, 'documents.inventory', { missing: [{ documentId: d1, copyNos: [2] }], checkedBy: ['李明', '王芳'], at: '2026-07-01' });
  ok(t.service, 'documents.found', { documentId: d1, copyNos: [2], locationId: a, at: '2026-07-03' });

  // Refusals: 普通邮政 twice (E_FORBIDDEN_CHANNEL/channel), a copy without approval (E_APPROVAL_REQUIRED), a cross-use.
  const post = { documentId: d1, copyNos: [3], toUnit: '市保密局', channel: '普通邮政', handledBy: '李明' };
  expect(refused(t.service, 'documents.transmit', post).code).toBe('E_FORBIDDEN_CHANNEL');
  expect(refused(t.service, 'documents.transmit', { ...post, channel: '顺丰快递' }).code).toBe('E_FORBIDDEN_CHANNEL');
  expect(refused(t.service, 'documents.copy', { documentId: d1, sourceCopyNo: 1, count: 1 }).code).toBe('E_APPROVAL_REQUIRED');

  // Devices: pc1 (办公室) enabled 01-10, repaired 03-01, stopped 07-01; pc2 (财务科) enabled 2025-06-01, scrapped today;
  // a medium (办公室) enabled 02-01, used 02-02 with 秘密 data on pc1.
  const pc1 = ok<{ id: number }>(t.service, 'computers.register', computerInput(1, { enabledAt: '2026-01-10' })).id;
  const pc2 = ok<{ id: number }>(t.service, 'computers.register', computerInput(2, { department: '财务科', enabledAt: '2025-06-01' })).id;
  const usb = ok<{ id: number }>(t.service, 'media.register', mediumInput(1, { enabledAt: '2026-02-01' })).id;
  const plain = ok<{ id: number }>(t.service, 'media.register', mediumInput(2, { level: 'non_secret', enabledAt: '2026-02-01' })).id;
  ok(t.service, 'media.logUsage', { mediumId: usb, computerId: pc1, user: '李明', purpose: '拷贝文件', dataLevel: 'confidential', at: '2026-02-02' });
  expect(
    refused(t.service, 'media.logUsage', { mediumId: plain, computerId: pc1, user: '李明', purpose: '拷贝文件', dataLevel: 'non_secret', at: '2026-02-03' })
      .code,
  ).toBe('E_CROSS_USE');
  ok(t.service, 'computers.repair', { id: pc1, offSite: false, repairer: '信息科', reason: '硬盘故障', at: '2026-03-01' });
  ok(t.service, 'computers.backFromRepair', { id: pc1, checkedBy: '李明', at: '2026-03-02' });
  ok(t.service, 'computers.stop', { id: pc1, reason: '更新换代', at: '2026-07-01' });
  ok(t.service, 'computers.scrap', { id: pc2, reason: '老化', facility: '市保密局销毁中心', approval: spot() });
  return { t, a, b, d1, d2, d3, d4 };
}

export const YEAR_2026 = { from: '2026-01-01', to: '2026-12-31' };

/**
 * A year of known events for the figures and the printout (figures.test.ts, report.test.ts): received in two months
 * and two levels, a copy, a loan back 3 days late, a return to the issuer, destructions, a declassification, a
 * backdated, a corrected, an imported and a voided registration, devices, a refusal.
 */
export async function busyLedger() {
  const t = makeLedger();
  const approver = createApprover(t, '陈主任');
  const spot = () => onTheSpot(approver.id, approver.password);
  const cabinet = (code: string, name: string) => ok<{ id: number }>(t.service, 'locations.create', { code, name, maxLevel: 'secret' }).id;
  const a = cabinet('G-01', '一号柜');
  const b = cabinet('G-02', '二号柜');
  const receive = (locationId: number, over: Record<string, unknown>) =>
    ok<{ id: number }>(t.service, 'documents.receive', receiveInput(locationId, { issueDate: '2026-01-02', ...over })).id;

  const d1 = receive(a, { receivedAt: '2026-10-10', copies: 3 });
  const d2 = receive(b, { receivedAt: '2026-11-20', marking: '秘密★5年', copies: 2, scope: ['办公室', '赵六'] });
  const d3 = receive(a, { receivedAt: '2026-11-03', copies: 1, mustReturn: true, returnBy: '2026-11-30' });
  // Entered today, dated in February: it counts in February.
  const d4 = receive(a, { receivedAt: '2026-02-03', marking: '秘密★5年', copies: 1 });
  // Entered as 秘密 in two copies, corrected to 机密 in four: counted as corrected.
  const d5 = receive(a, { receivedAt: '2026-11-05', marking: '秘密★5年', copies: 2 });
  ok(t.service, 'documents.correct', { documentId: d5, field: 'marking', value: '机密★10年', reason: '登记错误', approval: spot() });
  ok(t.service, 'documents.correct', { documentId: d5, field: 'copies', value: 4, reason: '份数登记错误', approval: spot() });
  const d6 = receive(a, { receivedAt: '2026-11-06', copies: 1 });
  ok(t.service, 'documents.void', { documentId: d6, reason: '误登', approval: spot() });
  // Last year's: held now, counted in no flow of this year; it must go back.
  receive(a, { receivedAt: '2025-06-01', issueDate: '2025-05-20', copies: 3, mustReturn: true, returnBy: '2026-12-31' });
  ok(t.service, 'documents.produce', {
    docNumber: '',
    title: '内部工作简报',
    originUnit: '本单位办公室',
    marking: '内部',
    issueDate: '2026-11-10',
    scope: ['办公室'],
    copies: 1,
    locationId: a,
    producedAt: '2026-11-10',
    producedBy: '李明',
  });
  // An old register: received in March, destroyed in June (2 copies), marked as imported history.
  const csv = csvOf(
    [
      ['收文日期', '来文单位', '文号', '标题', '密级', '保密期限', '份数', '份号', '签收人', '知悉范围', '状态', '销毁日期'],
      ['2026-03-09', '省国家保密局', '鲁保发〔2026〕99号', '旧文件', '秘密', '5年', 2, '0001-0002', '李明', '办公室', '已销毁', '2026-06-01'],
    ],
    'utf-8-bom',
  );
  await okAsync(t.service, 'import.apply', { register: 'documents', fileName: '旧收文.csv', data: csv.toString('base64'), defaults: { location: 'G-01' } });

  ok(t.service, 'documents.copy', { documentId: d1, sourceCopyNo: 1, count: 1, approval: spot() });
  ok(t.service, 'documents.lend', { documentId: d1, copyNos: [2], borrower: { name: '王芳', department: '办公室' }, dueAt: '2026-11-10', at: '2026-11-01' });
  ok(t.service, 'documents.returnLoan', { documentId: d1, copyNos: [2], receivedBy: '李明', at: '2026-11-13' });
  ok(t.service, 'documents.lend', { documentId: d2, copyNos: [1], borrower: { name: '赵六', department: '财务科' }, dueAt: '2026-12-10', at: '2026-11-24' });
  ok(t.service, 'documents.returnToIssuer', {
    items: [{ documentId: d3, copyNos: [1] }],
    toUnit: '省国家保密局',
    returner: '李明',
    receiver: '张三',
    at: '2026-11-21',
  });
  ok(t.service, 'documents.destroy', {
    items: [{ documentId: d4, copyNos: [1] }],
    approval: spot(),
    method: 'shredder',
    place: '保密室',
    destroyers: ['李明'],
    witnesses: ['王芳'],
  });
  ok(t.service, 'documents.changeMarking', { documentId: d2, declassify: true, approval: external() });
  expect(refused(t.service, 'documents.transmit', { documentId: d1, copyNos: [3], toUnit: '市保密局', channel: '普通邮政', handledBy: '李明' }).code).toBe(
    'E_FORBIDDEN_CHANNEL',
  );
  ok(t.service, 'documents.inventory', { missing: [{ documentId: d1, copyNos: [3] }], checkedBy: ['李明', '王芳'] });
  ok(t.service, 'documents.found', { documentId: d1, copyNos: [3], locationId: a });

  const pc = ok<{ id: number }>(t.service, 'computers.register', computerInput(1)).id;
  ok(t.service, 'computers.register', computerInput(2, { level: 'non_secret', network: 'internet', department: '财务科', enabledAt: '2025-12-01' }));
  ok(t.service, 'computers.repair', { id: pc, offSite: false, repairer: '信息科', reason: '硬盘故障', at: '2026-03-01' });
  ok(t.service, 'computers.backFromRepair', { id: pc, checkedBy: '李明', at: '2026-03-02' });
  ok(t.service, 'computers.stop', { id: pc, reason: '更新换代', at: '2026-04-01' });
  const medium = ok<{ id: number }>(t.service, 'media.register', mediumInput(3)).id;
  const pc2 = ok<{ id: number }>(t.service, 'computers.register', computerInput(4, { enabledAt: '2026-05-06' })).id;
  ok(t.service, 'media.logUsage', { mediumId: medium, computerId: pc2, user: '李明', purpose: '拷贝文件', dataLevel: 'secret', at: '2026-06-02' });
  return { t, a, b };
}
