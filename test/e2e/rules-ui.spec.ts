// The screens for issue 13's rules: 找回 / 报失 of a missing copy, the 回执 of a transmission, the items a refused
// departure still waits for, a compilation marked lower than its sources, a medium's level lowered by decision, the
// settings behind the rules and the import's notes. Each step through the UI as the custodian does it; facts set up
// through the backend.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { documentSheet, xlsxOf } from '../../db/ledger/transfer/fixture';
import { ADMIN, APPROVER, approveOnTheSpot, createApprover, expect, invoke, setUpQuickly, test } from './fixtures';

/** The local calendar day `offset` days from today (YYYY-MM-DD). */
function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return d.toLocaleDateString('sv-SE');
}

async function choose(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

async function must<T>(page: Page, name: string, input: unknown): Promise<T> {
  const r = await invoke<T>(page, name, input);
  expect(r.ok, `${name}: ${JSON.stringify(r.error)}`).toBe(true);
  return r.value!;
}

async function cabinet(page: Page): Promise<number> {
  return (await must<{ id: number }>(page, 'locations.create', { code: 'G-01', name: '保密柜一', maxLevel: 'secret' })).id;
}

async function receive(page: Page, locationId: number, over: Record<string, unknown> = {}): Promise<{ id: number; receiptNo: string }> {
  return must(page, 'documents.receive', {
    originUnit: '山东省某厅办公室',
    docNumber: `鲁X发〔2026〕${Math.floor(Math.random() * 9000) + 1000}号`,
    title: '关于加强网络失泄密防范工作的通知',
    marking: '机密★10年',
    issueDate: day(-40),
    scope: ['李四', '办公室'],
    copies: 3,
    locationId,
    signedBy: ADMIN.displayName,
    receivedAt: day(-30),
    ...over,
  });
}

async function openDoc(page: Page, id: number): Promise<void> {
  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-filter-reset').click();
  await page.getByTestId(`documents-open-${id}`).click();
  await expect(page.getByTestId('doc-page')).toBeVisible();
}

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

test('a copy missing since an inventory is found (找回) back into a cabinet, another reported lost (报失) with its reference', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  const cab = await cabinet(page);
  const doc = await receive(page, cab);
  await must(page, 'documents.inventory', { missing: [{ documentId: doc.id, copyNos: [2, 3] }], checkedBy: [ADMIN.displayName, '李四'], at: day(-5) });

  await openDoc(page, doc.id);
  await page.getByTestId('doc-action-found').click();
  await expect(page.getByTestId('found-copies-1')).toHaveCount(0);
  await page.getByTestId('found-copies-2').check();
  await choose(page, 'found-location', 'G-01');
  await shot(page, 'found-dialog');
  await page.getByTestId('found-submit').click();
  await expect(page.getByTestId('found-done')).toContainText('0002');
  await expect(page.getByTestId('doc-timeline')).toContainText('找回');

  await page.getByTestId('doc-action-report-lost').click();
  // Only copy 3 is still missing: it is chosen already.
  await expect(page.getByTestId('report-lost-copies-2')).toHaveCount(0);
  await expect(page.getByTestId('report-lost-copies-3')).toBeChecked();
  await expect(page.getByTestId('report-lost-ref')).toBeFocused();
  await page.getByTestId('report-lost-ref').fill('鲁X保报〔2026〕1号');
  await page.getByTestId('report-lost-ref').press('Enter');
  await page.getByTestId('report-lost-at').press('Enter');
  await expect(page.getByTestId('report-lost-done')).toContainText('0003');
  await expect(page.getByTestId('doc-copy-lost-3')).toHaveText('已报失');
  await expect(page.getByTestId('doc-timeline')).toContainText('鲁X保报〔2026〕1号');
  // Nothing is left to find or report: the actions go.
  await expect(page.getByTestId('doc-action-found')).toHaveCount(0);
  await expect(page.getByTestId('doc-action-report-lost')).toHaveCount(0);
  await shot(page, 'found-lost');

  const after = await must<{ copyList: { copyNo: number; status: string; location: string | null }[] }>(page, 'documents.get', { id: doc.id });
  expect(after.copyList.map((c) => [c.copyNo, c.status])).toEqual([
    [1, 'in_custody'],
    [2, 'in_custody'],
    [3, 'missing'],
  ]);
});

test('a transmission shows 待回执 on the timeline until its receipt is confirmed from there, then 已回执', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  const cab = await cabinet(page);
  const doc = await receive(page, cab);
  await must(page, 'documents.transmit', {
    documentId: doc.id,
    copyNos: [1],
    toUnit: '山东省某厅办公室',
    channel: '机要交通',
    handledBy: ADMIN.displayName,
    at: day(-3),
  });
  const sent = (await must<{ events: { id: number; kind: string }[] }>(page, 'documents.get', { id: doc.id })).events.find((e) => e.kind === 'transmit')!;

  await openDoc(page, doc.id);
  await expect(page.getByTestId(`doc-event-receipt-${sent.id}`)).toHaveText('待回执');
  await page.getByTestId(`doc-event-confirm-receipt-${sent.id}`).click();
  await expect(page.getByTestId('receipt-event')).toContainText('山东省某厅办公室');
  await page.getByTestId('receipt-ref').fill('HZ-2026-015');
  await shot(page, 'receipt-dialog');
  await page.getByTestId('receipt-submit').click();
  await expect(page.getByTestId('receipt-done')).toBeVisible();
  await expect(page.getByTestId(`doc-event-receipt-${sent.id}`)).toHaveText('已回执');
  await expect(page.getByTestId(`doc-event-confirm-receipt-${sent.id}`)).toHaveCount(0);
  await expect(page.getByTestId('doc-timeline')).toContainText('HZ-2026-015');
  await shot(page, 'receipt-confirmed');
});

test('a departure refused while items are held lists each one: 收文编号 + 份号 and the medium number', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  const cab = await cabinet(page);
  const doc = await receive(page, cab, { scope: ['王芳', '办公室'] });
  await must(page, 'documents.lend', { documentId: doc.id, copyNos: [2], borrower: { name: '王芳' }, dueAt: day(5), at: day(-1) });
  await must(page, 'media.register', {
    code: 'MM-U-007',
    type: 'usb',
    model: '金士顿 DT100',
    serial: 'SN-U-007',
    capacity: '32GB',
    level: 'secret',
    responsible: '王芳',
    department: '办公室',
    usageScope: '办公室内部',
    enabledAt: day(-60),
  });

  await page.reload();
  await page.getByTestId('menu-people').click();
  await page.getByTestId('people-person').fill('王芳');
  await page.getByTestId('people-lookup').click();
  await expect(page.getByTestId('people-holdings')).toBeVisible();
  await page.getByTestId('people-depart-button').click();
  await page.getByTestId('people-depart-handedTo').fill('李四');
  await page.getByTestId('people-depart-supervisor').fill('陈主任');
  await page.getByTestId('people-depart-submit').click();
  await expect(page.getByTestId('people-depart-error')).toContainText('离岗交接');
  const items = page.getByTestId('people-still-holds-item');
  await expect(items).toHaveText([`收文编号 ${doc.receiptNo}\u3000份号 0002`, '介质 MM-U-007']);
  await shot(page, 'still-holds');
});

test('a compilation marked lower than a source is warned of on the form and refused naming the source; approved, it is registered', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  await createApprover(page);
  const cab = await cabinet(page);
  const source = await receive(page, cab, { title: '关于保密检查的通报', marking: '机密★20年' });
  await receive(page, cab, { title: '关于保密培训的通知', marking: '秘密★5年' });

  await page.reload();
  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-produce-button').click();
  await page.getByTestId('register-title').fill('保密工作文件汇编');
  await page.getByTestId('register-marking').fill('秘密★10年');
  await page.getByTestId('register-issue-date').fill(day(-1));
  await page.getByTestId('register-issue-date').press('Enter');
  await page.getByTestId('register-produce-sources').click();
  await page.getByTestId('register-produce-sources').locator('input').fill('保密检查');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: source.receiptNo }).first().click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('register-produce-sources-implied')).toContainText('机密');
  await expect(page.getByTestId('register-produce-sources-short')).toContainText(source.receiptNo);
  const scope = page.getByTestId('register-scope').locator('input');
  await scope.fill('办公室');
  await scope.press('Enter');
  await choose(page, 'register-location', 'G-01');
  await page.getByTestId('register-classified-by').fill('陈主任');
  await page.getByTestId('register-classification-basis').fill('依据来文密级');
  // A 机密 source: the compilation is approved by the approver, here on the spot.
  await approveOnTheSpot(page, 'register-produce-approval');
  await shot(page, 'produce-sources');
  await page.getByTestId('register-submit').click();
  await expect(page.getByTestId('register-error')).toContainText(source.receiptNo);
  await expect(page.getByTestId('register-error')).toContainText('汇编');

  // At the sources' level and period it is registered, linked to them.
  await page.getByTestId('register-marking').fill('机密★20年');
  await expect(page.getByTestId('register-produce-sources-short')).toHaveCount(0);
  await approveOnTheSpot(page, 'register-produce-approval');
  await page.getByTestId('register-submit').click();
  await expect(page.getByTestId('register-saved')).toBeVisible();
  const listed = await must<{ rows: { id: number }[] }>(page, 'documents.list', { query: '文件汇编' });
  const made = await must<{ marking: string; events: { kind: string; approver: string | null; details: Record<string, unknown> }[] }>(page, 'documents.get', {
    id: listed.rows[0]!.id,
  });
  expect(made.marking).toBe('机密★20年');
  expect(made.events[0]!.approver).toBe(APPROVER.displayName);
  expect(made.events[0]!.details).toMatchObject({ compilation: 'compile', sources: [{ documentId: source.id, receiptNo: source.receiptNo }] });
});

test('lowering a classified medium asks for the decision and an approval, and its history shows both', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  await createApprover(page);
  await must(page, 'media.register', {
    code: 'MM-U-009',
    type: 'usb',
    model: '金士顿 DT100',
    serial: 'SN-U-009',
    capacity: '32GB',
    level: 'secret',
    responsible: '王五',
    department: '办公室',
    usageScope: '办公室内部',
    enabledAt: day(-60),
  });
  await page.reload();
  await page.getByTestId('menu-secret-media').click();
  await page.getByTestId('device-open-MM-U-009').click();
  await page.getByTestId('device-action-change').click();
  await expect(page.getByTestId('device-change-decision')).toHaveCount(0);
  await choose(page, 'device-change-level', '秘密');
  await expect(page.getByTestId('device-change-decision')).toBeVisible();
  await page.getByTestId('device-change-decidedBy').fill('省国家保密局');
  await page.getByTestId('device-change-decisionDocNo').fill('鲁保函〔2026〕8号');
  await approveOnTheSpot(page, 'device-change-approval');
  await shot(page, 'medium-lower');
  await page.getByTestId('device-change-submit').click();
  await expect(page.getByTestId('device-action-done')).toBeVisible();
  await expect(page.getByTestId('device-event-change')).toContainText('鲁保函〔2026〕8号');
  await expect(page.getByTestId('device-event-change')).toContainText(APPROVER.displayName);
});

test('the settings behind the rules are saved: receipt days, shredder limit, late-entry years', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  await page.getByTestId('menu-settings').click();
  await expect(page.getByTestId('settings-receipt-reminder-days')).toHaveValue('14');
  await expect(page.getByTestId('settings-shredder-max-copies')).toHaveValue('10');
  await expect(page.getByTestId('settings-late-entry-years')).toHaveValue('1');
  await page.getByTestId('settings-receipt-reminder-days').fill('7');
  await page.getByTestId('settings-shredder-max-copies').fill('5');
  await page.getByTestId('settings-late-entry-years').fill('3');
  await shot(page, 'settings');
  await page.getByTestId('settings-save').click();
  await expect(page.locator('.ant-message')).toContainText('设置已保存');
  expect(await must(page, 'settings.get', {})).toMatchObject({ receiptReminderDays: 7, shredderMaxCopies: 5, lateEntryYears: 3 });
  await page.reload();
  await page.getByTestId('menu-settings').click();
  await expect(page.getByTestId('settings-late-entry-years')).toHaveValue('3');
});

test('the import dry run tells, as a sentence on its row, that a bare level is read as its default period', async ({ page, host }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-notes-'));
  try {
    await setUpQuickly(page, host.current);
    await cabinet(page);
    const sheet = documentSheet(3);
    // Spreadsheet row 4: 密级 机密 and 保密期限 left empty, the level alone.
    sheet.rows[3]![5] = '机密';
    sheet.rows[3]![6] = '';
    const file = join(dir, '2025收文.xlsx');
    writeFileSync(file, await xlsxOf(sheet));
    await page.getByTestId('menu-import').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await expect(page.getByTestId('import-file-name')).toHaveText('2025收文.xlsx');
    await page.getByTestId('import-default-location').fill('G-01');
    await page.getByTestId('import-dry-run').click();
    await expect(page.getByTestId('import-bad')).toContainText('0');
    await expect(page.getByTestId('import-note')).toHaveCount(1);
    await expect(page.getByTestId('import-note')).toContainText('第 4 行');
    await expect(page.getByTestId('import-note')).toContainText('机密★');
    await shot(page, 'import-notes');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
