// 密码电报 / 级发电 (issue 13): a 电报专柜 is marked when created, the entry form keeps a telegram must-return with an
// 应清退日期 and offers only 电报专柜 for it, and telegrams are a group of their own on the overview, in the register
// (filter and tag) and on paper (密码电报登记簿).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ADMIN, expect, invoke, setUpQuickly, test } from './fixtures';

const folder = mkdtempSync(join(tmpdir(), 'ledger-telegrams-'));
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The local calendar day `offset` days from today (YYYY-MM-DD). */
function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return d.toLocaleDateString('sv-SE');
}

async function typeDay(page: Page, testId: string, value: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.getByTestId(testId).fill(value);
  await expect(page.getByTestId(testId)).toHaveValue(value);
  await page.getByTestId(testId).press('Tab');
}

const option = (page: Page, text: string | RegExp) => page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });

test('a 电报专柜, a telegram registered into it, and telegrams as their own group on the overview, in the register and on paper', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  expect((await invoke(page, 'locations.create', { code: 'G-01', name: '保密柜一', maxLevel: 'secret' })).ok).toBe(true);

  // 保密柜: registered as a 电报专柜 by its checkbox.
  await page.getByTestId('menu-locations').click();
  await page.getByTestId('location-create-button').click();
  await expect(page.getByTestId('location-create-code')).toBeFocused();
  await page.getByTestId('location-create-code').fill('DB-01');
  await page.getByTestId('location-create-name').fill('电报柜');
  await page.getByTestId('location-create-telegrams').check();
  await page.getByTestId('location-create-submit').click();
  await expect(page.getByTestId('location-telegrams-DB-01')).toHaveText('电报专柜');
  await page.screenshot({ path: test.info().outputPath('locations.png'), fullPage: true });

  // 收文登记 of a 密码电报: must-return is on and fixed, 应清退日期 required, only the 电报专柜 can be chosen.
  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-receive-button').click();
  await typeDay(page, 'register-date', day(-3));
  await page.getByTestId('register-origin-unit').fill('省委机要局');
  await page.getByTestId('register-doc-number').fill('机电〔2026〕18号');
  await page.getByTestId('register-title').fill('关于做好岁末年初安全保密工作的电报');
  await page.getByTestId('register-carrier').getByText('密码电报').click();
  await expect(page.getByTestId('register-telegram-hint')).toContainText('须按期清退');
  await expect(page.getByTestId('register-must-return')).toBeDisabled();
  await expect(page.getByTestId('register-must-return')).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('register-marking').fill('机密★10年');
  await typeDay(page, 'register-issue-date', day(-3));
  const scope = page.getByTestId('register-scope').locator('input');
  await scope.fill('李四');
  await scope.press('Enter');
  await page.getByTestId('register-copies').fill('1');
  await page.getByTestId('register-location').click();
  await expect(option(page, 'G-01')).toHaveClass(/ant-select-item-option-disabled/);
  await option(page, 'DB-01').click();
  await typeDay(page, 'register-return-by', day(5));
  await page.screenshot({ path: test.info().outputPath('entry.png'), fullPage: true });
  await page.getByTestId('register-submit').click();
  await expect(page.getByTestId('register-saved')).toBeVisible();

  const listed = await invoke<{ rows: { id: number; carrier: string; mustReturn: boolean; returnBy: string }[] }>(page, 'documents.list', {
    query: '岁末年初',
  });
  const telegram = listed.value!.rows[0]!;
  expect(telegram).toMatchObject({ carrier: 'telegram', mustReturn: true, returnBy: day(5) });
  // One overdue, and an ordinary document beside them.
  const overdue = await invoke<{ id: number }>(page, 'documents.receive', {
    originUnit: '省委机要局',
    docNumber: '机电〔2026〕9号',
    title: '关于节日期间值班的电报',
    carrier: 'telegram',
    marking: '秘密★5年',
    issueDate: day(-20),
    scope: ['李四'],
    copies: 1,
    locationId: 2,
    signedBy: ADMIN.displayName,
    receivedAt: day(-20),
    returnBy: day(-2),
  });
  expect(overdue.ok).toBe(true);
  expect(
    (
      await invoke(page, 'documents.receive', {
        originUnit: '山东省某厅办公室',
        title: '关于开展保密自查的通知',
        marking: '秘密★5年',
        issueDate: day(-10),
        scope: ['李四'],
        copies: 1,
        locationId: 1,
        signedBy: ADMIN.displayName,
        receivedAt: day(-10),
      })
    ).ok,
  ).toBe(true);

  // The overview: telegrams held, due back soon, overdue (red).
  await page.getByTestId('menu-overview').click();
  await expect(page.getByTestId('reminder-telegrams-held')).toContainText('在管密码电报');
  await expect(page.getByTestId('reminder-telegrams-held')).toContainText('2');
  await expect(page.getByTestId('reminder-telegrams-due-soon')).toContainText('1');
  await expect(page.getByTestId('reminder-telegrams-overdue')).toContainText('密码电报逾期未清退');
  await expect(page.getByTestId('reminder-telegrams-overdue')).toContainText('1');
  await expect(page.getByTestId('reminder-telegrams-overdue')).toHaveClass(/reminder-alert/);
  await page.screenshot({ path: test.info().outputPath('overview.png'), fullPage: true });

  // The tile opens the register on telegrams: the carrier filter says so, each row tagged 密码电报.
  await page.getByTestId('reminder-telegrams-held').click();
  await expect(page.getByTestId('documents-filter-carrier')).toContainText('密码电报');
  await expect(page.getByTestId(`documents-telegram-${telegram.id}`)).toHaveText('密码电报');
  await expect(page.getByTestId(`documents-telegram-${overdue.value!.id}`)).toBeVisible();
  await expect(page.getByTestId('documents-table')).not.toContainText('关于开展保密自查的通知');
  await page.screenshot({ path: test.info().outputPath('register.png'), fullPage: true });

  // A telegram has no 复制.
  await page.getByTestId(`documents-open-${telegram.id}`).click();
  await expect(page.getByTestId('doc-actions')).toBeVisible();
  await expect(page.getByTestId('doc-action-copy')).toHaveCount(0);

  // On paper: the register filtered to telegrams is the 密码电报登记簿.
  const r = await page.evaluate((job) => window.ledger.print!(job as never), {
    request: { kind: 'sheet', name: 'documents', filters: { carrier: 'telegram', sort: 'receiptNo', order: 'asc' } },
    target: 'pdf',
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const pdf = join(folder, 'telegrams.pdf');
  writeFileSync(pdf, Buffer.from(r.value.pdfBase64!, 'base64'));
  execFileSync('cp', [pdf, test.info().outputPath('telegrams.pdf')]);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('密码电报登记簿');
  expect(text).toContain('关于做好岁末年初安全保密工作的电报');
  expect(text).toContain('关于节日期间值班的电报');
  expect(text).not.toContain('关于开展保密自查的通知');
});
