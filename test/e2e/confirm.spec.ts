// What cannot be undone is confirmed first (issue 15): 清退, 销毁, 移交 and 确认导入 show how many items and copies,
// to whom and what prints, 返回修改 sends nothing (the item is unchanged, read through the backend), 确认 commits;
// 移交 shows its hand-over list before it is signed; a scanned 收文编号 and Enter adds the item to a batch; the
// import's reasons are sentences.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { documentSheet, xlsxOf } from '../../db/ledger/transfer/fixture';
import { ADMIN, approveOnTheSpot, createApprover, expect, invoke, setUpQuickly, test } from './fixtures';

interface Copy {
  copyNo: number;
  status: string;
}

async function receive(page: Page, locationId: number, title: string, copies: number): Promise<{ id: number; receiptNo: string }> {
  const r = await invoke<{ id: number; receiptNo: string }>(page, 'documents.receive', {
    docNumber: `鲁保发〔2026〕${copies}${title.length}号`,
    title,
    originUnit: '省国家保密局',
    marking: '机密★10年',
    issueDate: '2026-11-02',
    scope: ['办公室'],
    copies,
    locationId,
    signedBy: ADMIN.displayName,
  });
  expect(r.ok, JSON.stringify(r.error)).toBe(true);
  return r.value!;
}

const statuses = async (page: Page, id: number) => (await invoke<{ copyList: Copy[] }>(page, 'documents.get', { id })).value!.copyList.map((c) => c.status);

/** 返回修改 sends nothing (the copies read from the backend are as they were), then the batch is sent and confirmed. */
async function backThenConfirm(page: Page, id: number, unchanged: string[]): Promise<void> {
  await page.getByTestId('confirm-back').click();
  await expect(page.getByTestId('confirm-summary')).toHaveCount(0);
  expect(await statuses(page, id)).toEqual(unchanged);
  await page.getByTestId('batch-submit').click();
  await page.getByTestId('confirm-ok').click();
}

async function ledgerWithTwo(page: Page, host: { current: Parameters<typeof setUpQuickly>[1] }) {
  await setUpQuickly(page, host.current);
  const cab = await invoke<{ id: number }>(page, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' });
  const a = await receive(page, cab.value!.id, '关于开展年度保密自查的通知', 3);
  const b = await receive(page, cab.value!.id, '会议纪要', 2);
  return { a, b };
}

test('批量清退: a scanned 收文编号 and Enter adds the item; the summary names 2 件 5 份, the unit, the receiver and the 清退单; 返回修改 sends nothing', async ({
  page,
  host,
}) => {
  const { a, b } = await ledgerWithTwo(page, host);
  await page.getByTestId('menu-documents').click();
  await page.getByTestId(`documents-open-${a.id}`).click();
  await page.getByTestId('doc-action-return').click();
  await expect(page.getByTestId(`batch-item-${a.id}`)).toBeVisible();
  const search = page.getByTestId('batch-search');
  await expect(search).toBeFocused();
  // A scanner types the number and Enter at once, before the search that follows typing.
  await search.pressSequentially(b.receiptNo, { delay: 5 });
  await search.press('Enter');
  await expect(page.getByTestId(`batch-item-${b.id}`)).toBeVisible();
  await expect(search).toHaveValue('');
  await page.getByTestId('batch-to-unit').fill('省国家保密局');
  await page.getByTestId('batch-receiver').fill('王科长');
  await page.getByTestId('batch-submit').click();

  const summary = page.getByTestId('confirm-summary');
  await expect(page.getByTestId('confirm-amount')).toHaveText('2 件 5 份');
  await expect(page.getByTestId('confirm-to-unit')).toHaveText('省国家保密局');
  await expect(page.getByTestId('confirm-receiver')).toHaveText('王科长');
  await expect(page.getByTestId('confirm-prints')).toHaveText('登记后打印清退单');
  await expect(summary.getByTestId('confirm-lines')).toContainText(a.receiptNo);
  await page.getByTestId('confirm-back').click();
  await expect(summary).toHaveCount(0);
  expect(await statuses(page, a.id)).toEqual(['in_custody', 'in_custody', 'in_custody']);

  // The form kept what was typed; the confirmation takes Enter.
  await expect(page.getByTestId('batch-receiver')).toHaveValue('王科长');
  await page.getByTestId('batch-submit').click();
  await expect(page.getByTestId('confirm-ok')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('batch-result-no')).toContainText('QT-2026-001');
  expect(await statuses(page, a.id)).toEqual(['returned', 'returned', 'returned']);
  expect(await statuses(page, b.id)).toEqual(['returned', 'returned']);
});

test('销毁 from the item page: the summary names 1 件 3 份, who destroys and witnesses, the 销毁清单; 返回修改 leaves the copies in the cabinet', async ({
  page,
  host,
}) => {
  const { a } = await ledgerWithTwo(page, host);
  await createApprover(page);
  await page.getByTestId('menu-documents').click();
  await page.getByTestId(`documents-open-${a.id}`).click();
  await page.getByTestId('doc-action-destroy').click();
  await expect(page.getByTestId('batch-page')).toHaveAttribute('data-kind', 'destroy');
  await approveOnTheSpot(page, 'batch-approval');
  await page.getByTestId('batch-place').fill('本单位保密室');
  const witnesses = page.getByTestId('batch-witnesses').locator('input');
  await witnesses.fill('李四');
  await witnesses.press('Enter');
  await page.getByTestId('batch-submit').click();
  await expect(page.getByTestId('confirm-amount')).toHaveText('1 件 3 份');
  await expect(page.getByTestId('confirm-destroyers')).toHaveText(ADMIN.displayName);
  await expect(page.getByTestId('confirm-witnesses')).toHaveText('李四');
  await expect(page.getByTestId('confirm-prints')).toHaveText('登记后打印销毁清单');
  await backThenConfirm(page, a.id, ['in_custody', 'in_custody', 'in_custody']);
  await expect(page.getByTestId('batch-result-no')).toContainText('XH-2026-001');
  expect(await statuses(page, a.id)).toEqual(['destroyed', 'destroyed', 'destroyed']);
});

test('移交 shows the 移交清单 before it is signed: every item held, 2 件 5 份; 返回修改 records nothing, 确认 signs it', async ({ page, host }) => {
  const { a, b } = await ledgerWithTwo(page, host);
  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-handover-button').click();
  await page.getByTestId('handover-to').fill('钱新');
  await page.getByTestId('handover-supervisor').fill('陈主任');
  await page.getByTestId('handover-submit').click();

  await expect(page.getByTestId('confirm-amount')).toHaveText('在管 2 件 5 份（在柜和借出）');
  await expect(page.getByTestId('confirm-to')).toHaveText('钱新');
  await expect(page.getByTestId('confirm-prints')).toHaveText('登记后打印移交清单');
  const list = page.getByTestId('handover-list');
  await expect(list.locator('tr.ant-table-row')).toHaveCount(2);
  await expect(list).toContainText(a.receiptNo);
  await expect(list).toContainText('会议纪要');
  await expect(list).toContainText('合计：2 种 5 份');

  await page.getByTestId('confirm-back').click();
  await expect(page.getByTestId('handover-to')).toHaveValue('钱新');
  const kinds = async () => (await invoke<{ events: { kind: string }[] }>(page, 'documents.get', { id: b.id })).value!.events.map((e) => e.kind);
  expect(await kinds()).toEqual(['receive']);

  await page.getByTestId('handover-submit').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('handover-done')).toContainText('YJ-2026-001');
  expect(await kinds()).toEqual(['receive', 'handover']);
});

test('确认导入 names the dry run’s counts (new items and copies, skipped rows, notes); the reasons are sentences; 返回修改 imports nothing', async ({
  page,
  host,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-confirm-'));
  try {
    await setUpQuickly(page, host.current);
    expect((await invoke(page, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' })).ok).toBe(true);
    const sheet = documentSheet(3);
    sheet.rows[3]![5] = '机密级'; // a marking that cannot be read
    sheet.rows[4]![6] = ''; // a bare level: read as its default period, with a note
    sheet.rows.push(['合计', '', '', '', '', '', '', 6]);
    const file = join(dir, '2025收文.xlsx');
    writeFileSync(file, await xlsxOf(sheet));
    await page.getByTestId('menu-import').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-default-location').fill('BMG-01');
    await page.getByTestId('import-dry-run').click();
    await expect(page.getByTestId('import-bad')).toContainText('1');
    // Every reason and note is a sentence: no reason code on the page.
    await expect(page.getByTestId('import-issue-message')).toHaveText('“机密级★10年”没有以密级开头：密级只能是 绝密、机密、秘密 或 内部');
    await expect(page.getByTestId('import-note')).toHaveText('第 5 行：密级“秘密”没有写保密期限，按该密级的默认期限登记为“秘密★”（10年）。');
    expect(await page.getByTestId('import-page').innerText()).not.toMatch(/\b[a-z]+_[a-z_]+\b/);

    sheet.rows[3]![5] = '机密';
    writeFileSync(file, await xlsxOf(sheet));
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-default-location').fill('BMG-01');
    await page.getByTestId('import-dry-run').click();
    await expect(page.getByTestId('import-bad')).toContainText('0');
    await page.getByTestId('import-apply').click();
    await expect(page.getByTestId('confirm-register')).toHaveText('涉密文件台账（收文）');
    await expect(page.getByTestId('confirm-amount')).toHaveText('3 件 6 份');
    await expect(page.getByTestId('confirm-skipped')).toHaveText('1 行（空行、合计行）');
    await expect(page.getByTestId('confirm-notes')).toHaveText('1 处，请核对下方提示');
    await expect(page.getByTestId('confirm-notes-list')).toContainText('第 5 行');
    await page.getByTestId('confirm-back').click();
    expect((await invoke<{ total: number }>(page, 'documents.list', {})).value!.total).toBe(0);

    await page.getByTestId('import-apply').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('import-done')).toContainText('已导入 3 行');
    expect((await invoke<{ total: number }>(page, 'documents.list', {})).value!.total).toBe(3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('清查 in the register opens the cabinet-by-cabinet stocktakes (there is no second 清查); the return dialog opens on its first field, not its close button', async ({
  page,
  host,
}) => {
  const { b } = await ledgerWithTwo(page, host);
  const lent = await invoke(page, 'documents.lend', { documentId: b.id, copyNos: [1], borrower: { name: '办公室' }, dueAt: '2099-12-31', takenOut: false });
  expect(lent.ok, JSON.stringify(lent.error)).toBe(true);

  // 归还: Enter must not close the dialog at once; the cursor starts in the form.
  await page.getByTestId('menu-documents').click();
  await page.getByTestId(`documents-open-${b.id}`).click();
  await page.getByTestId('doc-action-return-loan').click();
  const form = page.getByTestId('return-loan-form');
  await expect(form).toBeVisible();
  await expect.poll(() => form.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.getByTestId('return-loan-cancel').click();

  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-inventory-button').click();
  await expect(page.getByTestId('stocktakes-page')).toBeVisible();
});
