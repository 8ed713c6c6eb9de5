// 清查 by cabinet through the browser host, "scanned" as a keyboard-wedge scanner does (fast keys, then Enter): two
// cabinets, one copy left missing, one copy of the other cabinet found in the first and moved there by its key, a
// pause (the page reloaded) and the stocktake resumed, the close confirmed, the 清查报告 saved as PDF and read with
// pdftotext, and the missing copy on the overview's missing reminder.
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import type { RunningHost } from '../host/server';
import { ADMIN, expect, must, scan, setUpQuickly, test, UNIT } from './fixtures';

/** pdftotext spaces CJK glyphs as the layout placed them; compare without the spaces. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

interface Copy {
  copyNo: number;
  labelCode: string;
}

function receive(host: RunningHost, title: string, copies: number, locationId: number): { id: number; receiptNo: string; copies: Copy[] } {
  const { id } = must<{ id: number }>(host, 'documents.receive', {
    originUnit: '山东省某厅办公室',
    title,
    marking: '机密★10年',
    issueDate: '2026-11-02',
    scope: ['办公室'],
    copies,
    locationId,
    signedBy: ADMIN.displayName,
  });
  const doc = must<{ receiptNo: string; copyList: Copy[] }>(host, 'documents.get', { id });
  return { id, receiptNo: doc.receiptNo, copies: doc.copyList };
}

const count = (page: Page, key: string) => page.getByTestId('stocktake-cabinet').getByTestId(`stocktake-count-${key}`).locator('.ant-statistic-content-value');

test('a stocktake of two cabinets by scanning: one copy missing, one misplaced and moved, resumed after a pause, closed and its 清查报告 printed', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  await setUpQuickly(page, host.current);
  const h = host.current;
  const a = must<{ id: number }>(h, 'locations.create', { code: 'G-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  const b = must<{ id: number }>(h, 'locations.create', { code: 'G-02', name: '二号保密柜', maxLevel: 'secret' }).id;
  const labels = new Map(must<{ id: number; labelCode: string }[]>(h, 'locations.list', {}).map((l) => [l.id, l.labelCode]));
  const inA = receive(h, '关于加强网络失泄密防范工作的通知', 3, a);
  const inB = receive(h, '关于开展年度保密自查的通知', 2, b);

  // Never counted: both cabinets are due on the overview.
  await page.reload();
  await expect(page.getByTestId('reminder-stocktake-due')).toContainText('待清查保密柜2');

  // 开始清查: every cabinet, two 清查人 (the custodian is the first).
  await page.getByTestId('menu-stocktakes').click();
  await page.getByTestId('stocktake-start').click();
  await expect(page.getByTestId('stocktake-start-checker1')).toHaveValue(ADMIN.displayName);
  await page.getByTestId('stocktake-start-checker2').fill('李明');
  await page.getByTestId('stocktake-start-submit').click();
  const screen = page.getByTestId('stocktake-page');
  await expect(screen).toHaveAttribute('data-status', 'open');
  const no = (await page.getByTestId('stocktake-no').textContent())!;
  expect(no).toMatch(/^QC-\d{4}-\d{3,4}$/);
  await expect(page.getByTestId('stocktake-scan')).toBeFocused();

  // Cabinet 一号保密柜 by its label, then two of its three copies, and a copy of 二号保密柜 found here.
  await scan(page, labels.get(a)!);
  await expect(page.getByTestId('stocktake-cabinet')).toHaveAttribute('data-cabinet', 'G-01');
  await expect(page.getByTestId('stocktake-feedback')).toContainText('正在清点 G-01 一号保密柜');
  await scan(page, inA.copies[0]!.labelCode);
  await scan(page, inA.copies[1]!.labelCode);
  await expect(count(page, 'present')).toHaveText('2');
  await expect(page.getByTestId('stocktake-feedback')).toContainText('在位');
  await scan(page, inB.copies[0]!.labelCode);
  await expect(page.getByTestId('stocktake-feedback')).toHaveAttribute('data-tone', 'warn');
  await expect(page.getByTestId('stocktake-feedback')).toContainText('错放：台账记载在 二号保密柜');
  await expect(count(page, 'misplaced')).toHaveText('1');
  // Scanned twice is counted once.
  await scan(page, inA.copies[0]!.labelCode);
  await expect(page.getByTestId('stocktake-feedback')).toContainText('已清点过');
  await expect(count(page, 'present')).toHaveText('2');
  await expect(count(page, 'expected')).toHaveText('3');
  await expect(count(page, 'missing')).toHaveText('1');
  await expect(page.getByTestId('stocktake-missing')).toContainText(`${inA.receiptNo}第 0003 份`);
  // A mistyped code says so and counts nothing.
  const typo = inA.copies[2]!.labelCode.slice(0, -1) + (inA.copies[2]!.labelCode.endsWith('0') ? '1' : '0');
  await scan(page, typo);
  await expect(page.getByTestId('stocktake-feedback')).toHaveAttribute('data-tone', 'error');
  await expect(count(page, 'present')).toHaveText('2');
  await page.screenshot({ path: test.info().outputPath('cabinet-a.png'), fullPage: true });
  // The third copy scanned by mistake (it is not in the cabinet): Ctrl+Z takes the scan back, and it is missing again.
  await scan(page, inA.copies[2]!.labelCode);
  await expect(count(page, 'missing')).toHaveText('0');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('stocktake-feedback')).toContainText('已撤销上一次扫描');
  await expect(count(page, 'missing')).toHaveText('1');
  await expect(count(page, 'present')).toHaveText('2');

  // Alt+M moves the misplaced copy here (a move event); the cursor stays in the scan field.
  await page.keyboard.press('Alt+m');
  await expect(page.getByTestId('stocktake-misplaced')).toContainText('已移至本柜');
  await expect(page.getByTestId('stocktake-scan')).toBeFocused();

  // A pause: the page is left (here reloaded) and the stocktake resumed from the list; nothing was kept in the page.
  await page.reload();
  await page.getByTestId('menu-stocktakes').click();
  await page.getByTestId(`stocktake-row-${no}`).click();
  await page.getByTestId('stocktake-part-G-01').click();
  await expect(count(page, 'present')).toHaveText('2');
  await expect(count(page, 'missing')).toHaveText('1');
  await page.getByRole('tab', { name: '错放 1' }).click();
  await expect(page.getByTestId('stocktake-misplaced')).toContainText('已移至本柜');

  // Cabinet 二号保密柜: its label, then the copy still there.
  await expect(page.getByTestId('stocktake-scan')).toBeFocused();
  await scan(page, labels.get(b)!);
  await expect(page.getByTestId('stocktake-cabinet')).toHaveAttribute('data-cabinet', 'G-02');
  await scan(page, inB.copies[1]!.labelCode);
  await expect(count(page, 'present')).toHaveText('1');
  await expect(count(page, 'missing')).toHaveText('0');
  await expect(page.getByTestId('stocktake-part-G-02')).toHaveAttribute('data-visited', 'true');

  // 完成清查: the result said once more, then recorded.
  await page.getByTestId('stocktake-close').click();
  await expect(page.getByTestId('confirm-missing')).toHaveText('1');
  await expect(page.getByTestId('confirm-present')).toHaveText('3');
  await expect(page.getByTestId('confirm-misplaced')).toHaveText('1');
  await expect(page.getByTestId('confirm-checkers')).toHaveText(`${ADMIN.displayName}、李明`);
  await page.screenshot({ path: test.info().outputPath('close.png') });
  await page.getByTestId('confirm-ok').click();
  await expect(screen).toHaveAttribute('data-status', 'closed');
  await expect(page.getByTestId('stocktake-result')).toContainText('账物不一致');
  await expect(page.getByTestId('stocktake-result')).toContainText(no);

  // The 清查报告, saved as PDF from the print preview.
  await page.getByTestId('stocktake-print').click();
  const preview = page.getByTestId('print-preview');
  await expect(preview.getByTestId('print-page').first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('report-preview.png') });
  const download = page.waitForEvent('download');
  await preview.getByTestId('print-pdf-button').click();
  const path = test.info().outputPath('report.pdf');
  await (await download).saveAs(path);
  const text = squeeze(execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }));
  expect(text).toMatch(new RegExp(`${UNIT}(\\d{4}年度)?涉密载体清查报告`));
  expect(text).toContain(`No.${no}`);
  for (const cabinet of ['一号保密柜', '二号保密柜']) expect(text).toContain(cabinet);
  expect(text).toContain('缺失');
  expect(text).toContain(`${inA.receiptNo}`);
  expect(text).toContain('0003');
  expect(text).toContain('错放');
  expect(text).toMatch(/清查人（签字）：/);
  expect(text).toContain('保密工作负责人');
  expect(text).toMatch(/审计链#\d+[0-9a-f]{6}/);
  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);

  // The copy not found is on the missing reminder until it is found or reported lost.
  await page.getByTestId('menu-overview').click();
  await expect(page.getByTestId('reminder-missing')).toContainText('1');
  // Both cabinets were just counted: none is due.
  await expect(page.getByTestId('reminder-stocktake-due')).toContainText('待清查保密柜0');
});
