// The documents register fits the screen and finds by number (issue 15): the columns a custodian scans by default
// with 文号 whole, the last row above the window's bottom and the scroll bar, a column chosen and kept for the
// account across sign-out, the rest of an item in its expanded row, and search by 收文编号, 文号 and 份号 (a number
// naming one item opens it on Enter).
import type { Page } from '@playwright/test';
import { ADMIN, expect, invoke, login, setUpQuickly, test } from './fixtures';

const LONG_NUMBER = '鲁保密办发〔2026〕1105号';

/** A cabinet and `count` received items (2026-0001 …), the second with copies 41-43, the last with a long 文号; their ids in order. */
async function seed(page: Page, count: number): Promise<number[]> {
  const cab = await invoke<{ id: number }>(page, 'locations.create', { code: 'G-01', name: '保密柜一', maxLevel: 'secret' });
  const ids: number[] = [];
  for (let n = 1; n <= count; n += 1) {
    const r = await invoke<{ id: number }>(page, 'documents.receive', {
      originUnit: n === 2 ? '省委办公厅' : '省国家保密局',
      docNumber: n === 1 ? '鲁保发〔2026〕12号' : n === count ? LONG_NUMBER : `鲁办发〔2026〕${n + 100}号`,
      title: n === 1 ? '关于开展保密自查自评工作的通知' : `关于做好第${n}批涉密载体清查工作的通知`,
      marking: '机密★10年',
      issueDate: '2026-11-02',
      scope: ['办公室'],
      copies: n === 2 ? 3 : 2,
      firstCopyNo: n === 2 ? 41 : 1,
      locationId: cab.value!.id,
      signedBy: '李明',
    });
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    ids.push(r.value!.id);
  }
  return ids;
}

async function openRegister(page: Page): Promise<void> {
  await page.getByTestId('menu-documents').click();
  await expect(page.getByTestId('documents-total')).toBeVisible();
}

const headers = (page: Page) => page.getByTestId('documents-table').locator('.ant-table-thead th').allInnerTexts();

/** The row of the oldest item, after scrolling the register to its end, lies above the scroll bar and the window's bottom. */
async function lastRowShows(page: Page, firstId: number): Promise<void> {
  const table = page.getByTestId('documents-table');
  const body = table.locator('.ant-table-tbody-virtual-holder');
  const last = page.getByTestId(`documents-open-${firstId}`);
  const bar = table.locator('.ant-table-tbody-virtual-scrollbar-horizontal');
  /** How far the last row's bottom lies below the lowest line a row is seen at (≤ 0: whole). */
  const below = async () => {
    // The virtual list learns its rows' heights as they show: the end is where a further scroll moves nothing.
    await body.hover();
    await page.mouse.wheel(0, 20_000);
    if (!(await last.isVisible())) return Infinity;
    const row = (await last.locator('xpath=ancestor::*[contains(@class, "ant-table-row")][1]').boundingBox())!;
    const holder = (await body.boundingBox())!;
    const barTop = (await bar.count()) && (await bar.isVisible()) ? (await bar.boundingBox())!.y : Infinity;
    return Math.round(row.y + row.height - Math.min(barTop, holder.y + holder.height, page.viewportSize()!.height));
  };
  await expect.poll(below).toBeLessThanOrEqual(1);
}

test('the default columns fit 1440 and 1366 px with 文号 whole, and the last row shows above the window’s bottom', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  const ids = await seed(page, 40);
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1366, height: 860 },
  ]) {
    await page.setViewportSize(viewport);
    // From the top of the register (the previous size left it scrolled to its end).
    await page.reload();
    await openRegister(page);
    expect((await headers(page)).map((h) => h.trim()).filter(Boolean)).toEqual(['收文编号', '标题', '文号', '密级标志', '份数', '提示']);
    // 文号 on one line and not cut: the cell holds the whole text.
    const newest = ids.at(-1)!;
    const cell = page.getByTestId(`documents-doc-number-${newest}`);
    await expect(cell).toHaveText(LONG_NUMBER);
    const fits = await cell.evaluate((el) => {
      const td = el.closest('.ant-table-cell')!;
      return {
        whole: el.getBoundingClientRect().right <= td.getBoundingClientRect().right,
        lines: Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)),
      };
    });
    expect(fits).toEqual({ whole: true, lines: 1 });
    await expect(page.getByTestId(`documents-copies-${newest}`)).toHaveText(/^2\s*在柜 2$/);
    await page.screenshot({ path: test.info().outputPath(`register-${viewport.width}.png`) });
    await lastRowShows(page, ids[0]!);
  }
});

test('a column chosen is kept for the account across sign-out and sign-in; the rest of an item shows in its expanded row', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  const ids = await seed(page, 3);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openRegister(page);
  await page.getByTestId('documents-columns').click();
  await expect(page.getByTestId('documents-column-receiptNo')).toBeDisabled();
  await page.getByTestId('documents-column-originUnit').click();
  await page.getByTestId('documents-column-flags').click();
  await page.screenshot({ path: test.info().outputPath('register-chooser-1440.png') });
  await expect.poll(() => headers(page)).toContain('来文/制作单位');
  expect(await headers(page)).not.toContain('提示');

  await page.getByTestId('logout-button').click();
  await login(page, ADMIN);
  await openRegister(page);
  await expect.poll(() => headers(page)).toContain('来文/制作单位');
  expect(await headers(page)).not.toContain('提示');

  // What the columns leave out is in the expanded row: 登记日期, 份号, 在柜 ...
  await page
    .getByTestId(`documents-open-${ids[1]}`)
    .locator('xpath=ancestor::*[contains(@class, "ant-table-row")][1]')
    .locator('.ant-table-row-expand-icon')
    .click();
  const expanded = page.getByTestId(`documents-expanded-${ids[1]}`);
  await expect(expanded).toContainText('份号');
  await expect(expanded).toContainText('0041-0043');
  await expect(expanded).toContainText('登记日期');
  await page.screenshot({ path: test.info().outputPath('register-expanded-1440.png') });
  await lastRowShows(page, ids[0]!);
  await page.setViewportSize({ width: 1366, height: 860 });
  await expect(expanded).toContainText('0041-0043');
  await lastRowShows(page, ids[0]!);
  await page.screenshot({ path: test.info().outputPath('register-expanded-1366.png') });
  await page.getByTestId('documents-columns').click();
  await expect(page.getByTestId('documents-column-title')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('register-chooser-1366.png') });
});

test('search finds by 收文编号 number, by 文号 without brackets and by 份号; a number naming one item opens it on Enter', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  const ids = await seed(page, 3);
  await openRegister(page);
  const search = page.getByTestId('documents-search');
  const total = page.getByTestId('documents-total');
  await search.fill('0002');
  await expect(total).toHaveText('共 1 件');
  await expect(page.getByTestId(`documents-open-${ids[1]}`)).toBeVisible();
  await search.fill('鲁保发2026 12号');
  await expect(total).toHaveText('共 1 件');
  await expect(page.getByTestId(`documents-open-${ids[0]}`)).toBeVisible();
  await search.fill('份号 42');
  await expect(total).toHaveText('共 1 件');
  await expect(page.getByTestId(`documents-open-${ids[1]}`)).toBeVisible();
  // A title word names no number: Enter searches and stays on the register.
  await search.fill('清查');
  await search.press('Enter');
  await expect(total).toHaveText('共 2 件');
  await search.fill('鲁保发（2026）12号');
  await search.press('Enter');
  await expect(page.getByTestId('doc-receipt-no')).toHaveText('2026-0001');
});
