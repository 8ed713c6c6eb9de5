// Every day a dialog shows is the day it sends (issue 13). The lend dialog once showed a typed 应还日期 and saved
// the default instead: antd's picker kept a typed day on screen without committing it (a day its calendar greyed
// out, or any day when the form's Enter navigation or a click on the submit button came first). Each dialog with a
// day field is filled here as a custodian registering late would, and the day is read back from the record.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ADMIN, approveOnTheSpot, AUDITOR, createApprover, expect, invoke, must, pickOption, setUpQuickly, test } from './fixtures';

const folder = mkdtempSync(join(tmpdir(), 'ledger-dates-'));
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The local calendar day `offset` days from today, as the pickers show it (YYYY-MM-DD). */
function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return d.toLocaleDateString('sv-SE');
}

/**
 * Types a day as a user does, sees it in the field, then: Enter (the form moves to the next field, or submits from
 * the last one), Tab, or nothing (a click elsewhere comes next: the submit button, while the calendar is open).
 */
async function typeDay(page: Page, testId: string, value: string, then: 'enter' | 'tab' | 'nothing' = 'enter'): Promise<void> {
  await page.mouse.move(0, 0); // a pointer resting on the calendar would preview the day under it in the field
  await page.getByTestId(testId).fill(value);
  await expect(page.getByTestId(testId)).toHaveValue(value);
  if (then !== 'nothing') await page.getByTestId(testId).press(then === 'enter' ? 'Enter' : 'Tab');
}

async function choose(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

interface EventRead {
  kind: string;
  at: string;
  details: Record<string, unknown>;
}

async function eventsOf(page: Page, id: number): Promise<EventRead[]> {
  const r = await invoke<{ events: EventRead[] }>(page, 'documents.get', { id });
  return r.value!.events;
}

/** The day of the newest event of a kind. */
async function dayOf(page: Page, id: number, kind: string): Promise<string | undefined> {
  return (await eventsOf(page, id)).findLast((e) => e.kind === kind)?.at.slice(0, 10);
}

async function receiveOne(page: Page, locationId: number, title: string, receivedAt: string): Promise<number> {
  const r = await invoke<{ id: number }>(page, 'documents.receive', {
    originUnit: '山东省某厅办公室',
    docNumber: `鲁X发〔2026〕${title.length}号`,
    title,
    marking: '机密★10年',
    issueDate: day(-40),
    scope: ['李四', '办公室'],
    copies: 3,
    locationId,
    signedBy: ADMIN.displayName,
    receivedAt,
  });
  expect(r.ok).toBe(true);
  return r.value!.id;
}

async function openDoc(page: Page, id: number): Promise<void> {
  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-filter-reset').click();
  await page.getByTestId(`documents-open-${id}`).click();
  await expect(page.getByTestId('doc-page')).toBeVisible();
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

test('a loan registered late keeps the typed 应还日期: on screen, on the printed 借阅登记簿 and in the audit log', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  const cabinet = await invoke<{ id: number }>(page, 'locations.create', { code: 'G-01', name: '保密柜一', maxLevel: 'secret' });
  const id = await receiveOne(page, cabinet.value!.id, '关于加强网络失泄密防范工作的通知', day(-20));
  const [lentAt, dueAt] = [day(-10), day(-4)];

  await openDoc(page, id);
  await page.getByTestId('doc-action-lend').click();
  await page.getByTestId('lend-copies-2').check();
  await page.getByTestId('lend-borrower').fill('李四');
  // The loan's own day first: the default due date follows it. (An in-scope loan asks for no approval, so the day is
  // the dialog's last field and Enter would submit: Tab leaves it.)
  await typeDay(page, 'lend-at', lentAt, 'tab');
  await expect(page.getByTestId('lend-due-at')).toHaveValue(day(-3));
  // A due date already past (the loan is registered late): it is what the record gets.
  // Typed, and the submit button clicked while the calendar is still open.
  await typeDay(page, 'lend-due-at', dueAt, 'nothing');
  await page.getByTestId('lend-submit').click();
  await expect(page.getByTestId('lend-form')).toHaveCount(0);

  // The screen: the timeline and the copy, overdue since.
  const lend = page.locator('[data-testid^="doc-event-"][data-kind="lend"]');
  await expect(lend).toContainText(`应还日期：${dueAt}`);
  await expect(lend).toContainText(lentAt);
  await expect(page.getByTestId('doc-copies')).toContainText(dueAt);
  await expect(page.getByTestId('doc-copy-overdue-2')).toBeVisible();

  // The printed 借阅登记簿.
  const printed = await page.evaluate((job) => window.ledger.print!(job as never), { request: { kind: 'sheet', name: 'loans', filters: {} }, target: 'pdf' });
  if (!printed.ok) throw new Error(JSON.stringify(printed.error));
  const pdf = join(folder, 'loans.pdf');
  writeFileSync(pdf, Buffer.from(printed.value.pdfBase64!, 'base64'));
  const text = squeeze(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
  expect(text).toContain('借阅登记簿');
  expect(text).toContain(`${lentAt}2026-0001`);
  expect(text).toContain(`李四${dueAt}`);
  expect(text).not.toContain(day(-3));

  // The audit entry of the loan, read by an auditor.
  must(host.current, 'account.create', { username: AUDITOR.username, displayName: AUDITOR.displayName, roles: ['auditor'], password: 'Temp2026pass' });
  must(host.current, 'session.login', { username: AUDITOR.username, password: 'Temp2026pass' });
  must(host.current, 'account.changePassword', { oldPassword: 'Temp2026pass', newPassword: AUDITOR.password });
  const audit = must<{ rows: { action: string; summary: { input?: Record<string, unknown> } }[] }>(host.current, 'audit.list', {}).rows;
  const entry = audit.find((r) => r.action === 'documents.lend');
  expect(entry?.summary.input).toMatchObject({ dueAt, at: lentAt, copyNos: [2] });
});

test('every document dialog sends the day it shows', async ({ page, host }) => {
  test.setTimeout(240_000); // one dialog after another through the UI
  await setUpQuickly(page, host.current);
  await createApprover(page);
  expect((await invoke(page, 'locations.create', { code: 'G-01', name: '保密柜一', maxLevel: 'secret' })).ok).toBe(true);
  expect((await invoke(page, 'locations.create', { code: 'G-02', name: '保密柜二', maxLevel: 'secret' })).ok).toBe(true);

  // 收文登记: the day received, the issue date and the 应清退日期 (ahead), each typed.
  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-receive-button').click();
  await typeDay(page, 'register-date', day(-30));
  await page.getByTestId('register-origin-unit').fill('山东省某厅办公室');
  await page.getByTestId('register-doc-number').fill('鲁X发〔2026〕5号');
  await page.getByTestId('register-title').fill('关于开展保密自查的通知');
  await page.getByTestId('register-marking').fill('机密★10年');
  await typeDay(page, 'register-issue-date', day(-35), 'tab');
  const scope = page.getByTestId('register-scope').locator('input');
  await scope.fill('李四');
  await scope.press('Enter');
  await page.getByTestId('register-copies').fill('3');
  await choose(page, 'register-location', 'G-01');
  await page.getByTestId('register-must-return').click();
  await typeDay(page, 'register-return-by', day(30), 'tab');
  await page.getByTestId('register-submit').click();
  await expect(page.getByTestId('register-saved')).toBeVisible();
  const listed = await invoke<{ rows: { id: number }[] }>(page, 'documents.list', { query: '保密自查' });
  const id = listed.value!.rows[0]!.id;
  const registered = await invoke<{ registeredAt: string; issueDate: string; returnBy: string }>(page, 'documents.get', { id });
  expect(registered.value).toMatchObject({ registeredAt: day(-30), issueDate: day(-35), returnBy: day(30) });

  // 借阅 and 归还.
  await openDoc(page, id);
  await page.getByTestId('doc-action-lend').click();
  await page.getByTestId('lend-copies-1').check();
  await page.getByTestId('lend-borrower').fill('李四');
  await typeDay(page, 'lend-due-at', day(-20), 'tab');
  await typeDay(page, 'lend-at', day(-25), 'tab');
  await page.getByTestId('lend-submit').click();
  await expect(page.getByTestId('lend-form')).toHaveCount(0);
  const lend = (await eventsOf(page, id)).find((e) => e.kind === 'lend')!;
  expect([lend.at.slice(0, 10), lend.details['dueAt']]).toEqual([day(-25), day(-20)]);

  await page.getByTestId('doc-action-return-loan').click();
  await typeDay(page, 'return-loan-at', day(-22)); // the last field: Enter submits
  await expect(page.getByTestId('return-loan-form')).toHaveCount(0);
  expect(await dayOf(page, id, 'return_loan')).toBe(day(-22));

  // 复制 registered late: a countersignature given today cannot approve an earlier day (the dialog says so); the paper
  // 审批单 signed a month ago, recorded in the app, is the approval it names: it has lapsed since (30 days), but not by
  // the day of the copy.
  const approverId = must<{ id: number }[]>(host.current, 'approvals.approvers', {})[0]!.id;
  const filed = await invoke<{ id: number; approvalNo: string }>(page, 'approvals.request', {
    kind: 'copy',
    subject: { type: 'document', id },
    copyNos: [1],
    count: 1,
    reason: '工作需要',
  });
  const paper = { id: filed.value!.id, approverId, decision: 'approved', paperNo: 'SPD-001', decidedAt: day(-30) };
  expect((await invoke(page, 'approvals.recordPaper', paper)).ok).toBe(true);
  await page.getByTestId('doc-action-copy').click();
  await typeDay(page, 'copy-at', day(-21), 'tab');
  await approveOnTheSpot(page, 'copy-approval');
  await expect(page.getByTestId('copy-approval-late')).toContainText(day(-21));
  await page.getByTestId('copy-approval-way').getByText('已批准的申请').click();
  await choose(page, 'copy-approval-request', filed.value!.approvalNo);
  await page.getByTestId('copy-submit').click();
  await expect(page.getByTestId('copy-form')).toHaveCount(0);
  expect(await dayOf(page, id, 'copy')).toBe(day(-21));

  // 移库.
  await page.getByTestId('doc-action-move').click();
  await choose(page, 'move-location', 'G-02');
  await typeDay(page, 'move-at', day(-19), 'tab');
  await page.getByTestId('move-submit').click();
  await expect(page.getByTestId('move-form')).toHaveCount(0);
  expect(await dayOf(page, id, 'move')).toBe(day(-19));

  // 传递 and its 回执.
  await page.getByTestId('doc-action-transmit').click();
  await page.getByTestId('transmit-copies-3').check();
  await page.getByTestId('transmit-to-unit').fill('山东省某厅办公室');
  await page.getByTestId('transmit-channel').fill('机要交通');
  await typeDay(page, 'transmit-at', day(-18), 'tab');
  await page.getByTestId('transmit-submit').click();
  await expect(page.getByTestId('transmit-form')).toHaveCount(0);
  expect(await dayOf(page, id, 'transmit')).toBe(day(-18));

  await page.getByTestId('doc-action-receipt').click();
  await page.getByTestId('receipt-ref').fill('回执001');
  await typeDay(page, 'receipt-at', day(-16));
  await expect(page.getByTestId('receipt-form')).toHaveCount(0);
  expect(await dayOf(page, id, 'receipt_confirmed')).toBe(day(-16));

  // 定密审查 and 变更.
  await page.getByTestId('doc-action-review').click();
  await page.getByTestId('review-reviewed-by').fill('赵局长');
  await typeDay(page, 'review-at', day(-15));
  await page.getByTestId('review-submit').click();
  await expect(page.getByTestId('review-form')).toHaveCount(0);
  expect(await dayOf(page, id, 'review')).toBe(day(-15));

  await page.getByTestId('doc-action-change-marking').click();
  await page.getByTestId('change-marking-marking').fill('机密★5年');
  // A received document's marking is the originator's decision: its body, document number and day.
  await page.getByTestId('change-marking-approval-body').fill('某部办公厅');
  await page.getByTestId('change-marking-approval-doc-no').fill('某密〔2026〕1号');
  await typeDay(page, 'change-marking-approval-date', day(-14), 'tab');
  await typeDay(page, 'change-marking-at', day(-14));
  await expect(page.getByTestId('change-marking-form')).toHaveCount(0);
  expect(await dayOf(page, id, 'change_marking')).toBe(day(-14));

  // 清退 in a batch (the batch page's own day field).
  await page.getByTestId('doc-action-return').click();
  await expect(page.getByTestId('batch-page')).toHaveAttribute('data-kind', 'return');
  await page.getByTestId(`batch-copies-${id}-4`).uncheck();
  await page.getByTestId('batch-to-unit').fill('山东省某厅办公室');
  await page.getByTestId('batch-returner').fill(ADMIN.displayName);
  await page.getByTestId('batch-receiver').fill('王科长');
  await typeDay(page, 'batch-at', day(-12), 'tab');
  await page.getByTestId('batch-submit').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('batch-result-no')).toBeVisible();
  expect(await dayOf(page, id, 'return_to_issuer')).toBe(day(-12));

  // 移交 of what is left (copy 0004).
  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-handover-button').click();
  await page.getByTestId('handover-to').fill('李四');
  await page.getByTestId('handover-supervisor').fill('赵局长');
  await typeDay(page, 'handover-at', day(-10));
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('handover-done')).toBeVisible();
  expect(await dayOf(page, id, 'handover')).toBe(day(-10));

  // A day ahead is refused on the form, in words, and nothing is sent.
  await page.keyboard.press('Escape');
  await openDoc(page, id);
  await page.getByTestId('doc-action-review').click();
  await page.getByTestId('review-reviewed-by').fill('赵局长');
  await typeDay(page, 'review-at', day(3), 'tab');
  await page.getByTestId('review-submit').click();
  await expect(page.getByTestId('review-form')).toContainText('日期不能晚于今天');
  await page.getByTestId('review-cancel').click();
  expect((await eventsOf(page, id)).filter((e) => e.kind === 'review')).toHaveLength(1);
});

test('every device dialog sends the day it shows', async ({ page, host }) => {
  test.setTimeout(240_000);
  await setUpQuickly(page, host.current);
  await createApprover(page);
  const pc = await invoke<{ id: number }>(page, 'computers.register', {
    code: 'JM-PC-001',
    name: '保密室办公机',
    model: '联想 M720',
    serial: 'SN-PC-001',
    os: '银河麒麟 V10',
    level: 'secret',
    network: 'standalone',
    purpose: '涉密文件处理',
    department: '办公室',
    responsible: '王五',
    location: '保密室',
    enabledAt: day(-60),
  });
  expect(pc.ok).toBe(true);
  const pcId = pc.value!.id;
  const computerEvents = async () => (await invoke<{ history: EventRead[] }>(page, 'computers.get', { id: pcId })).value!.history;
  const mediumEvents = async (mid: number) => (await invoke<{ history: EventRead[] }>(page, 'media.get', { id: mid })).value!.history;
  const lastDay = (events: EventRead[], kind: string) => events.findLast((e) => e.kind === kind)?.at.slice(0, 10);

  // 登记 a 秘密 U盘 through the form, its 启用日期 typed.
  await page.getByTestId('menu-secret-media').click();
  await page.getByTestId('devices-register-button').click();
  await page.getByTestId('device-form-code').fill('MM-U-001');
  await page.getByTestId('device-form-model').fill('金士顿 DT100');
  await page.getByTestId('device-form-serial').fill('SN-U-001');
  await page.getByTestId('device-form-capacity').fill('32GB');
  await pickOption(page, 'device-form-level', '秘密');
  await page.getByTestId('device-form-responsible').fill('王五');
  await page.getByTestId('device-form-department').fill('办公室');
  await page.getByTestId('device-form-usageScope').fill('办公室内部');
  await typeDay(page, 'device-form-enabledAt', day(-50), 'tab');
  await page.getByTestId('device-register-submit').click();
  await expect(page.getByTestId('device-register-form')).toHaveCount(0);
  const media = await invoke<{ rows: { id: number; enabledAt: string }[] }>(page, 'media.list', { classified: true });
  const medium = media.value!.rows[0]!;
  expect(medium.enabledAt).toBe(day(-50));

  // The medium's dialogs.
  const action = async (name: string, fill: () => Promise<void>, at: string) => {
    await page.getByTestId(`device-action-${name}`).click();
    await fill();
    await typeDay(page, `device-${name}-at`, at); // the last field: Enter submits
    await expect(page.getByTestId(`device-${name}-form`)).toHaveCount(0);
  };
  await page.getByTestId('device-open-MM-U-001').click();
  await action('change', () => page.getByTestId('device-change-department').fill('保密办'), day(-45));
  await action(
    'lend',
    async () => {
      await page.getByTestId('device-lend-to').fill('李四');
      await pickOption(page, 'device-lend-computerId', 'JM-PC-001', { containing: true });
      await typeDay(page, 'device-lend-dueAt', day(-38));
    },
    day(-40),
  );
  await action('return', () => page.getByTestId('device-return-checkedBy').fill('王五'), day(-36));
  await action(
    'logUsage',
    async () => {
      await pickOption(page, 'device-logUsage-computerId', 'JM-PC-001', { containing: true });
      await page.getByTestId('device-logUsage-user').fill('王五');
      await page.getByTestId('device-logUsage-purpose').fill('拷贝文件');
      await pickOption(page, 'device-logUsage-dataLevel', '秘密');
    },
    day(-34),
  );
  await action('stop', () => page.getByTestId('device-stop-reason').fill('暂不使用'), day(-32));
  await action('enable', () => page.getByTestId('device-enable-reason').fill('恢复使用'), day(-30));
  const mEvents = await mediumEvents(medium.id);
  expect(['change', 'lend', 'return', 'stop', 'enable'].map((k) => lastDay(mEvents, k))).toEqual([day(-45), day(-40), day(-36), day(-32), day(-30)]);
  expect(mEvents.find((e) => e.kind === 'lend')?.details['dueAt']).toBe(day(-38));
  const usage = await invoke<{ usage: { at: string }[] }>(page, 'media.get', { id: medium.id });
  expect(usage.value!.usage[0]!.at.slice(0, 10)).toBe(day(-34));

  // The computer's dialogs, its 操作系统安装日期 typed in 变更.
  await page.getByTestId('menu-secret-computers').click();
  await page.getByTestId('device-open-JM-PC-001').click();
  await action('change', () => typeDay(page, 'device-change-osInstalledAt', day(-70)), day(-28));
  await action(
    'repair',
    async () => {
      await page.getByTestId('device-repair-repairer').fill('本单位信息中心');
      await page.getByTestId('device-repair-reason').fill('主板故障');
    },
    day(-26),
  );
  await action('backFromRepair', () => page.getByTestId('device-backFromRepair-checkedBy').fill('王五'), day(-24));
  await action(
    'scrap',
    async () => {
      await page.getByTestId('device-scrap-facility').fill('某某销毁中心');
      await approveOnTheSpot(page, 'device-scrap-approval');
    },
    day(0), // countersigned now: an approval on the spot approves only what is done today
  );
  const cEvents = await computerEvents();
  expect(['change', 'repair', 'repair_back', 'scrap'].map((k) => lastDay(cEvents, k))).toEqual([day(-28), day(-26), day(-24), day(0)]);
  const computer = await invoke<{ osInstalledAt: string }>(page, 'computers.get', { id: pcId });
  expect(computer.value!.osInstalledAt).toBe(day(-70));
});

test('a registration dated before the open years asks for its 补登 reason, and the timeline shows it', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  expect((await invoke(page, 'locations.create', { code: 'G-01', name: '保密柜一', maxLevel: 'secret' })).ok).toBe(true);
  const year = new Date().getFullYear();
  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-receive-button').click();
  // Last year is still open: no reason asked.
  await typeDay(page, 'register-date', `${year - 1}-03-02`);
  await expect(page.getByTestId('register-late-entry-reason')).toHaveCount(0);
  await typeDay(page, 'register-date', `${year - 2}-03-02`);
  await expect(page.getByTestId('receive-page')).toContainText(`登记日期早于 ${year - 1} 年，属于补登`);
  await page.getByTestId('register-origin-unit').fill('山东省某厅办公室');
  await page.getByTestId('register-title').fill('补登的旧文件');
  await page.getByTestId('register-marking').fill('秘密★10年');
  await typeDay(page, 'register-issue-date', `${year - 2}-03-01`, 'tab');
  const scope = page.getByTestId('register-scope').locator('input');
  await scope.fill('李四');
  await scope.press('Enter');
  await choose(page, 'register-location', 'G-01');
  await page.getByTestId('register-submit').click();
  await expect(page.getByTestId('receive-page')).toContainText('请输入补登原因');
  await page.getByTestId('register-late-entry-reason').fill('清理旧柜时发现，原未登记');
  await page.getByTestId('register-submit').click();
  await expect(page.getByTestId('register-saved')).toBeVisible();
  await page.getByTestId('register-last-open').click();
  await expect(page.locator('[data-testid^="doc-event-"][data-kind="receive"]')).toContainText('补登原因：清理旧柜时发现，原未登记');
});
