// 信息公开保密审查 through the browser host, by keyboard: an item submitted (Alt+N, Enter from field to field), the same
// item refused a second review in words (一事一审), 修改后公开 decided at the custodian's desk with the approver
// countersigning, the changes confirmed by the approver signed in, the publication recorded; the year's counts; the
// 信息公开保密审查登记表 saved as PDF and read with pdftotext (title, columns, the marking of a still classified telegram
// under review, 第 N 页 共 M 页, the audit head). zh-CN screenshots go to /tmp/e2e-h2/shots.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { ADMIN, APPROVER, createApprover, expect, login, must, setUpQuickly, test, UNIT } from './fixtures';

const SHOTS = process.env.SCREENSHOTS_DIR ?? '/tmp/shots';
const squeeze = (text: string) => text.replace(/\s+/g, '');

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The approver countersigns in the dialog whose fields carry `prefix`: their account, their own password. */
async function countersign(page: Page, prefix: string): Promise<void> {
  await page.getByTestId(`${prefix}-approver`).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: APPROVER.displayName }).first().click();
  await page.getByTestId(`${prefix}-password`).fill(APPROVER.password);
}

async function switchUser(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.getByTestId('logout-button').click();
  await login(page, user);
}

const TITLE = '2026年度政务公开工作总结';

test('a publication review: submitted by keyboard, one review per item, 修改后公开 countersigned, changes confirmed by the approver, published, and the register printed', async ({
  page,
  host,
}) => {
  test.setTimeout(90_000);
  const h = host.current;
  await setUpQuickly(page, h);
  await createApprover(page);
  // A 机密 telegram under review (refused): the register is marked by it.
  const tg = must<{ id: number }>(h, 'locations.create', { code: 'DBG-01', name: '电报柜', maxLevel: 'secret', telegrams: true }).id;
  const telegram = must<{ id: number; receiptNo: string }>(h, 'documents.receive', {
    originUnit: '省委办公厅',
    title: '关于做好冬季安全生产工作的电报',
    marking: '机密★10年',
    issueDate: '2026-11-02',
    scope: ['办公室'],
    copies: 1,
    carrier: 'telegram',
    returnBy: '2026-12-30',
    locationId: tg,
    signedBy: ADMIN.displayName,
  });
  const approverId = must<{ id: number; displayName: string }[]>(h, 'approvals.approvers', {}).find((a) => a.displayName === APPROVER.displayName)!.id;
  const tgReview = must<{ id: number }>(h, 'publication.open', {
    title: '关于做好冬季安全生产工作的电报',
    department: '应急处',
    channel: 'website',
    documentId: telegram.id,
    submittedBy: '钱七',
  });
  must(h, 'publication.decide', {
    id: tgReview.id,
    verdict: 'refuse',
    reasons: '密码电报尚未解密',
    countersign: { approverId, password: APPROVER.password },
  });

  await page.getByTestId('menu-publication').click();
  await expect(page.getByTestId('publication-page')).toBeVisible();
  await expect(page.getByTestId('publication-count-refuse')).toContainText('1');

  // 送审登记 by keyboard: Alt+N, the first field focused, Enter from field to field, Ctrl+Enter submits.
  const submit = async () => {
    await page.keyboard.press('Alt+n');
    await expect(page.getByTestId('publication-open-title')).toBeFocused();
    await page.keyboard.insertText(TITLE);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('publication-open-department')).toBeFocused();
    await page.keyboard.insertText('办公室');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('赵大');
    await page.keyboard.press('Control+Enter');
  };
  await submit();
  await expect(page.getByTestId('publication-open-form')).toHaveCount(0);
  await expect(page.getByTestId('publication-row-GK-2026-002')).toContainText(TITLE);
  await expect(page.getByTestId('publication-row-GK-2026-002').getByTestId('publication-state')).toHaveText('待审查');
  // The same item again while its review stands: refused in words, nothing written.
  await submit();
  await expect(page.getByTestId('publication-open-error')).toContainText(`“${TITLE}”已有审查 GK-2026-002 尚未了结：一事一审，不能再次送审。`);
  await shot(page, 'publication-stands');
  await page.getByTestId('publication-open-cancel').click();
  await expect(page.getByTestId('publication-count-total')).toContainText('2');

  // 修改后公开, decided at the custodian's desk: the approver countersigns with their own password.
  await expect(page.getByTestId('publication-open-form')).toHaveCount(0);
  // The closing dialog hands the focus back first: then the review's number, and Enter opens it.
  await expect(async () => {
    await page.getByTestId('publication-show-GK-2026-002').focus();
    await expect(page.getByTestId('publication-show-GK-2026-002')).toBeFocused({ timeout: 500 });
  }).toPass();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('publication-decide')).toBeFocused();
  await expect(page.getByTestId('publication-publish')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await page.getByTestId('publication-decide-verdict').getByText('修改后公开').click();
  await page.getByTestId('publication-decide-reasons').fill('第三段涉及内部统计数字');
  await page.getByTestId('publication-decide-changes').fill('删去第三段的统计数字');
  await countersign(page, 'publication-decide');
  await shot(page, 'publication-decide');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('publication-decide-form')).toHaveCount(0);
  await expect(page.getByTestId('publication-review').getByTestId('publication-state')).toHaveText('待修改');
  await expect(page.getByTestId('publication-review-reviewer')).toContainText(`${APPROVER.displayName}（当面签核）`);
  // Not cleared yet: there is no way to record it as published.
  await expect(page.getByTestId('publication-publish')).toHaveCount(0);
  await page.getByTestId('publication-review-close').click();

  // The approver, signed in, confirms the changes were made.
  await switchUser(page, APPROVER);
  await page.getByTestId('menu-publication').click();
  await page.getByTestId('publication-row-GK-2026-002').click();
  await page.getByTestId('publication-confirm').click();
  await expect(page.getByTestId('publication-confirm-form')).toContainText(`以审批人 ${APPROVER.displayName} 本人的账户签署。`);
  await page.getByTestId('publication-confirm-note').fill('已删去第三段的统计数字');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('publication-review').getByTestId('publication-state')).toHaveText('可公开');
  await page.getByTestId('publication-review-close').click();

  // The custodian records the publication.
  await switchUser(page, ADMIN);
  await page.getByTestId('menu-publication').click();
  await page.getByTestId('publication-row-GK-2026-002').click();
  await page.getByTestId('publication-publish').click();
  await expect(page.getByTestId('publication-publish-place')).toBeFocused();
  await page.keyboard.insertText('门户网站 政务公开栏目');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('publication-review').getByTestId('publication-state')).toHaveText('已公开');
  await expect(page.getByTestId('publication-review-published')).toContainText('门户网站 政务公开栏目');
  await shot(page, 'publication-review');
  await page.getByTestId('publication-review-close').click();
  await expect(page.getByTestId('publication-count-approve_with_changes')).toContainText('1');
  await expect(page.getByTestId('publication-count-published')).toContainText('1');
  await shot(page, 'publication-page');
  // A zh-CN screen shows no code and no raw value.
  const screenText = await page.getByTestId('publication-page').innerText();
  expect(screenText).not.toMatch(/approve|refuse|pending|website|E_[A-Z]|\d{4}-\d{2}-\d{2}T/);

  // The 信息公开保密审查登记表, saved as PDF from the print preview.
  await page.getByTestId('publication-print').click();
  const preview = page.getByTestId('print-preview');
  await expect(preview.getByTestId('print-page').first()).toBeVisible();
  await expect(preview.getByTestId('print-marking')).toHaveText('机密');
  const download = page.waitForEvent('download');
  await preview.getByTestId('print-pdf-button').click();
  const path = `${SHOTS}/publication-reviews.pdf`;
  await (await download).saveAs(path);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path, `${SHOTS}/publication-reviews`]);
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  const flat = squeeze(text);
  expect(text.trimStart().startsWith('机密')).toBe(true);
  expect(flat).toContain(`${UNIT}信息公开保密审查登记表2026年度`);
  expect(flat).toContain('序号审查编号送审日期拟公开信息送审部门承办人公开方式审查意见审查理由及修改要求审查人审查日期公开情况');
  expect(flat).toContain('GK-2026-001');
  expect(flat).toContain(telegram.receiptNo);
  expect(flat).toContain('不予公开');
  expect(flat).toContain('GK-2026-002');
  expect(flat).toContain('修改后公开');
  expect(flat).toContain('须修改：');
  expect(flat).toContain(`${APPROVER.displayName}（当面签核）`);
  expect(flat).toContain('已公开2026-');
  expect(flat).toContain('第1页共1页');
  expect(flat).toMatch(/审计链#\d+[0-9a-f]{6}/);
  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);

  // 统计 for the year counts the reviews by decision too.
  await page.getByTestId('menu-statistics').click();
  const stats = page.getByTestId('statistics-publication');
  await expect(stats.getByTestId('publication-count-approve_with_changes')).toContainText('1');
  await expect(stats.getByTestId('publication-count-refuse')).toContainText('1');
  await expect(stats.getByTestId('publication-count-total')).toContainText('2');
  await stats.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/statistics-publication.png` });
});
