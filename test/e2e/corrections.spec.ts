// 更正 / 作废 through the browser test host (issue 12): a 标题 typo corrected in the dialog is seen on the item page,
// on its timeline, by the search and on the printed 流转记录 (pdftotext); a void is refused in words once anything has
// happened to the item, and a registration made in error is voided with the approver's countersign.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { RunningHost } from '../host/server';
import { ADMIN, approveOnTheSpot, APPROVER, expect, invoke, must, setUpQuickly, test } from './fixtures';

const folder = mkdtempSync(join(tmpdir(), 'ledger-corrections-'));
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

const TYPO = '关于开展年度保密自査工作的通知';
const FIXED = '关于开展年度保密自查工作的通知';

function receive(host: RunningHost, cabinet: number, n: number, title: string): number {
  return must<{ id: number }>(host, 'documents.receive', {
    docNumber: `鲁X发〔2026〕${n}号`,
    title,
    originUnit: '山东省某厅办公室',
    marking: '秘密★5年',
    issueDate: '2026-11-01',
    scope: ['李四'],
    copies: 2,
    locationId: cabinet,
    signedBy: ADMIN.displayName,
  }).id;
}

async function openDocument(page: Page, id: number): Promise<void> {
  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-filter-reset').click();
  await page.getByTestId(`documents-open-${id}`).click();
}

/** pdftotext spaces CJK glyphs as the layout placed them; compare without the spaces. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** APPROVER, with the temporary password replaced by their own (APPROVER.password): only then may they countersign. */
async function approverReady(page: Page, host: RunningHost): Promise<void> {
  must(host, 'account.create', { username: APPROVER.username, displayName: APPROVER.displayName, roles: ['approver'], password: 'Temp2026pass' });
  must(host, 'session.login', { username: APPROVER.username, password: 'Temp2026pass' });
  must(host, 'account.changePassword', { oldPassword: 'Temp2026pass', newPassword: APPROVER.password });
  must(host, 'session.login', { username: ADMIN.username, password: ADMIN.password });
  await page.reload();
}

test('a 标题 typo corrected: the item page, its timeline, the search and the printed 流转记录 show it', async ({ page, host }) => {
  test.setTimeout(180_000);
  await setUpQuickly(page, host.current);
  const cabinet = must<{ id: number }>(host.current, 'locations.create', { code: 'G-01', name: '保密柜一', maxLevel: 'secret' }).id;
  const id = receive(host.current, cabinet, 3, TYPO);

  await openDocument(page, id);
  await expect(page.getByTestId('doc-title')).toHaveText(TYPO);
  await page.getByTestId('doc-action-correct').click();
  // The dialog opens on 标题 with the registered title to edit.
  await expect(page.getByTestId('correct-text')).toHaveValue(TYPO);
  await page.getByTestId('correct-text').fill(FIXED);
  await page.getByTestId('correct-reason').fill('登记时错字');
  await page.getByTestId('correct-reason').press('Enter');
  await expect(page.getByTestId('correct-done')).toHaveText('标题已更正');
  await expect(page.getByTestId('doc-title')).toHaveText(FIXED);
  const event = page.locator('[data-kind="correct"]');
  await expect(event).toContainText('更正');
  await expect(event).toContainText(`${TYPO} → ${FIXED}`);
  await expect(event).toContainText('登记时错字');

  const found = await invoke<{ rows: { id: number }[] }>(page, 'documents.list', { query: '自查工作' });
  expect(found.value!.rows.map((r) => r.id)).toEqual([id]);

  const printed = await page.evaluate((job) => window.ledger.print!(job as never), { request: { kind: 'history', documentId: id }, target: 'pdf' });
  if (!printed.ok) throw new Error(JSON.stringify(printed.error));
  const path = join(folder, 'history.pdf');
  writeFileSync(path, Buffer.from(printed.value.pdfBase64!, 'base64'));
  // The 登记人 (by name) and 登记时间 columns stand beside a wrapped 说明 cell: read the cell without them.
  const text = squeeze(execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })).replaceAll(
    new RegExp(`${ADMIN.displayName}\\d{4}-\\d{2}-\\d{2}\\d{2}:\\d{2}`, 'g'),
    '',
  );
  expect(text).toContain('涉密载体流转记录');
  expect(text).toContain('更正');
  expect(text).toContain(squeeze(`标题：${TYPO}→${FIXED}`));
  expect(text).toContain('原因登记时错字');
});

test('a void is refused once something has happened to the item; an untouched registration is voided on the spot', async ({ page, host }) => {
  test.setTimeout(180_000);
  await setUpQuickly(page, host.current);
  await approverReady(page, host.current);
  const cabinet = must<{ id: number }>(host.current, 'locations.create', { code: 'G-01', name: '保密柜一', maxLevel: 'secret' }).id;
  const lent = receive(host.current, cabinet, 4, '关于做好年终保密检查的通知');
  must(host.current, 'documents.lend', { documentId: lent, copyNos: [1], borrower: { name: '李四' }, dueAt: '2026-12-31' });
  const mistaken = receive(host.current, cabinet, 5, '误登记的文件');

  await openDocument(page, lent);
  await page.getByTestId('doc-action-void').click();
  await expect(page.getByTestId('void-reason')).toBeFocused();
  await page.getByTestId('void-reason').fill('重复登记');
  await approveOnTheSpot(page, 'void-approval');
  await page.getByTestId('void-submit').click();
  const error = page.getByTestId('void-error');
  await expect(error).toContainText('不能作废');
  await expect(error).not.toContainText('E_');
  await page.getByTestId('void-cancel').click();

  await openDocument(page, mistaken);
  await page.getByTestId('doc-action-void').click();
  await page.getByTestId('void-reason').fill('重复登记');
  await approveOnTheSpot(page, 'void-approval');
  await page.getByTestId('void-submit').click();
  await expect(page.getByTestId('void-done')).toContainText('已作废');
  await expect(page.getByTestId('doc-voided')).toHaveText('已作废');
  const event = page.locator('[data-kind="void"]');
  await expect(event).toContainText('重复登记');
  await expect(event).toContainText('赵六');
  // Held no more: every action on its copies is off, and the register marks it.
  await expect(page.getByTestId('doc-action-lend')).toBeDisabled();
  await page.getByTestId('menu-documents').click();
  await expect(page.getByTestId(`documents-voided-${mistaken}`)).toHaveText('已作废');
});
