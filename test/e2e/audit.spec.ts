// The audit log an auditor can read (issue 12): in Chinese, no command id, no code as the main text, no English
// sentence; a row opens with every field labelled; and 核对打印件 proves a printout's `审计链 #seq hash`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ADMIN, AUDITOR, expect, login, must, setUpQuickly, test } from './fixtures';

const SHOTS = process.env.SCREENSHOTS_DIR;
const folder = mkdtempSync(join(tmpdir(), 'ledger-audit-'));
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Latin words a Chinese screen may show: the code beside a refusal and the hashes are excluded by element; these by
 * word: account names (an account's target is its login name) and the cabinet's code.
 */
const ALLOWED_LATIN = new Set([ADMIN.username, AUDITOR.username, 'BMG']);

/** Every Latin word in the page's text, outside the small code beside a refusal and the hashes. */
async function latinWords(page: Page): Promise<string[]> {
  const words = await page.evaluate(() => {
    const words: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('.audit-error-code, code, script, style, [aria-hidden="true"]')) continue;
      // Only what is seen: not the select's hidden list of values kept for screen readers.
      const box = parent.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(parent).visibility === 'hidden') continue;
      // A hash (the head a check names, in full or short) is hexadecimal, not a word, whatever letters it happens to hold.
      const text = (node.textContent ?? '').replace(/\b[0-9a-f]{6,64}\b/g, '');
      for (const m of text.matchAll(/[A-Za-z]{2,}/g)) words.push(m[0]);
    }
    return words;
  });
  return words.filter((w) => !ALLOWED_LATIN.has(w));
}

test('the auditor reads the log in Chinese, opens a refusal, filters it, and checks a printout’s head', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  const h = host.current;
  const cab = must<{ id: number }>(h, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  const doc = must<{ id: number }>(h, 'documents.receive', {
    docNumber: '鲁X发〔2026〕3号',
    title: '关于加强网络失泄密防范工作的通知',
    originUnit: '山东省XX厅办公室',
    marking: '机密★10年',
    issueDate: '2026-11-02',
    scope: ['办公室'],
    copies: 3,
    locationId: cab,
    signedBy: '李明',
  }).id;
  // A loan outside the 知悉范围 without an approval: refused, and the refusal is an entry.
  const refusal = h.invoke('documents.lend', { documentId: doc, copyNos: [2], borrower: { name: '外单位人员' }, dueAt: inDays(30) });
  expect(refusal.ok ? null : refusal.error.code).toBe('E_APPROVAL_REQUIRED');

  // A printout, saved as PDF as the preview's 保存为PDF does: its footer carries 审计链 #seq hash.
  const printed = await page.evaluate((job) => window.ledger.print!(job as never), {
    request: { kind: 'sheet', name: 'documents', filters: {} },
    target: 'pdf',
  });
  if (!printed.ok) throw new Error(JSON.stringify(printed.error));
  const pdf = join(folder, 'register.pdf');
  writeFileSync(pdf, Buffer.from(printed.value.pdfBase64!, 'base64'));
  const footer = /审计链\s*#\s*(\d+)\s+([0-9a-f]{6})/.exec(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
  expect(footer).not.toBeNull();
  const [, seq, hash] = footer!;

  // The custodian (here also the administrator) checks the printout too, but does not read the log.
  await expect(page.getByTestId('menu-audit')).toHaveText('核对打印件');
  await page.getByTestId('menu-audit').click();
  await expect(page.getByTestId('audit-check-seq')).toBeFocused();
  await page.getByTestId('audit-check-seq').fill(seq!);
  await page.getByTestId('audit-check-hash').fill(hash!);
  await page.getByTestId('audit-check-hash').press('Enter');
  await expect(page.getByTestId('audit-check-result')).toContainText('与打印件一致');
  await expect(page.getByTestId('audit-table')).toHaveCount(0);

  must(h, 'account.create', { username: AUDITOR.username, displayName: AUDITOR.displayName, roles: ['auditor'], password: 'Temp2026pass' });
  await page.getByTestId('logout-button').click();
  await login(page, { username: AUDITOR.username, password: 'Temp2026pass' });
  await page.getByTestId('change-password-old').fill('Temp2026pass');
  await page.getByTestId('change-password-new').fill(AUDITOR.password);
  await page.getByTestId('change-password-new-confirm').fill(AUDITOR.password);
  await page.getByTestId('change-password-submit').click();

  await page.getByTestId('menu-audit').click();
  const table = page.getByTestId('audit-table');
  await expect(table).toContainText('借阅');
  await expect(table).toContainText('涉密文件');
  await expect(table).toContainText('拒绝');
  await expect(table).toContainText('2026-0001');
  await expect(table).toContainText('新建账户');
  await expect(table).toContainText(ADMIN.displayName);
  await expect(table).not.toContainText('documents.');
  await expect(table).not.toContainText('account.create');
  // The code stays visible, small beside the reason: never the main text of a cell.
  const code = table.locator('.audit-error-code', { hasText: 'E_APPROVAL_REQUIRED' });
  await expect(code).toHaveCount(1);
  const reasonCell = table.locator('.audit-reason').filter({ hasText: 'E_APPROVAL_REQUIRED' });
  expect((await reasonCell.innerText()).replace('E_APPROVAL_REQUIRED', '')).toMatch(/[\u4e00-\u9fff]{6,}/);
  expect(await latinWords(page)).toEqual([]);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/audit-log.png`, fullPage: true });

  // The refusal opens with every field labelled, in words.
  await table.locator('tr', { hasText: 'E_APPROVAL_REQUIRED' }).click();
  const detail = page.getByTestId('audit-detail');
  await expect(detail).toContainText('拒绝原因');
  await expect(detail).toContainText('收文编号');
  await expect(detail).toContainText('份号');
  await expect(detail).toContainText('0002');
  await expect(detail).toContainText('外单位人员');
  for (const raw of ['documentId', 'copyNos', 'dueAt', 'input', '{']) await expect(detail).not.toContainText(raw);
  expect(await latinWords(page)).toEqual([]);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/audit-detail.png`, fullPage: true });
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);

  // Filters: the category 涉密文件 and the target's 收文编号, refused only.
  await page.getByTestId('audit-filter-category').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '涉密文件' }).click();
  await page.getByTestId('audit-filter-outcome').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '拒绝' }).click();
  await page.getByTestId('audit-filter-target').fill('2026-0001');
  await page.getByTestId('audit-filter-target').press('Enter');
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(1);
  await expect(table).toContainText('借阅');

  // 核对打印件: the head on the paper is still in the log, and the chain from there is intact.
  await page.getByTestId('audit-check-seq').fill(seq!);
  await page.getByTestId('audit-check-hash').fill(hash!);
  await page.getByTestId('audit-check-hash').press('Enter');
  const check = page.getByTestId('audit-check-result');
  await expect(check).toContainText(`第 ${seq} 条记录的哈希仍为 ${hash}，与打印件一致`);
  await expect(check).toContainText('审计链完整');
  await expect(check).toContainText('涉密文件登记台账');
  expect(await latinWords(page)).toEqual([]);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/audit-check.png`, fullPage: true });

  // A wrong hash is said to differ from the paper.
  await page.getByTestId('audit-check-hash').fill(hash === '000000' ? '111111' : '000000');
  await page.getByTestId('audit-check').click();
  await expect(check).toContainText('与打印件不一致');
});
