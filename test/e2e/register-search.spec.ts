// The register's search as a custodian types it (issue 18): asked as typed, the rows and the total are always the
// answer to the last text typed (an older answer that comes later is dropped, a question is never left unasked
// because an older one was still on its way), and pinyin being composed by an input method asks nothing until it
// has become characters.
import type { Page, Request, Route } from '@playwright/test';
import type { RunningHost } from '../host/server';
import { expect, must, setUpQuickly, test } from './fixtures';

const TITLES = ['关于开展保密检查的通知', '关于保密检查整改情况的报告', '年度保密工作要点'];

/** A cabinet and the three items of TITLES; their ids in order. */
function seed(host: RunningHost): number[] {
  const cabinet = must<{ id: number }>(host, 'locations.create', { code: 'G-01', name: '保密柜一', maxLevel: 'secret' }).id;
  return TITLES.map(
    (title, i) =>
      must<{ id: number }>(host, 'documents.receive', {
        originUnit: '省国家保密局',
        docNumber: `鲁保发〔2026〕${i + 1}号`,
        title,
        marking: '机密★10年',
        issueDate: '2026-11-02',
        scope: ['办公室'],
        copies: 1,
        locationId: cabinet,
        signedBy: '李明',
      }).id,
  );
}

/** The register's questions sent to the backend: their search text (undefined: none). */
function listQueries(page: Page): (string | undefined)[] {
  const queries: (string | undefined)[] = [];
  page.on('request', (request: Request) => {
    const body = request.url().endsWith('/__ledger/invoke') ? (request.postDataJSON() as { name: string; input: { query?: string } }) : null;
    if (body?.name === 'documents.list') queries.push(body.input.query);
  });
  return queries;
}

/** The page has handled what came in: a frame drawn and a task after it. */
const settled = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));

async function openRegister(page: Page) {
  await page.getByTestId('menu-documents').click();
  await expect(page.getByTestId('documents-total')).toHaveText('共 3 件');
  const search = page.getByTestId('documents-search');
  await expect(search).toBeFocused();
  return search;
}

test('the rows and the total are the last text’s, when the answer to an earlier text comes after it', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  const [withNotice, withReport] = seed(host.current);
  const search = await openRegister(page);
  const total = page.getByTestId('documents-total');

  // The answer to 检 is held back until the search has moved on to 检查的, as a slow answer would be.
  let held: Route | null = null;
  const asked = new Promise<void>((seen) => {
    void page.route('**/__ledger/invoke', async (route) => {
      const body = route.request().postDataJSON() as { name: string; input: { query?: string } };
      if (body.name !== 'documents.list' || body.input.query !== '检') return route.continue();
      held = route;
      seen();
    });
  });
  await page.keyboard.type('检');
  await asked;
  await page.keyboard.type('查的');
  await expect(search).toHaveValue('检查的');
  await expect(total).toHaveText('共 1 件');
  await expect(page.getByTestId(`documents-open-${withNotice}`)).toBeVisible();

  // 检 answers now (two items): too late, it is not shown.
  const late = page.waitForResponse((response) => response.request() === held!.request());
  await held!.continue();
  await late;
  await settled(page);
  await expect(total).toHaveText('共 1 件');
  await expect(page.getByTestId(`documents-open-${withReport}`)).toHaveCount(0);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
});

test('pinyin being composed asks nothing; the characters it becomes are searched at once', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  const [withNotice, withReport] = seed(host.current);
  const search = await openRegister(page);
  const total = page.getByTestId('documents-total');
  const queries = listQueries(page);

  // An input method composing 检查 from its pinyin, as Chromium's own IME does it.
  const ime = await page.context().newCDPSession(page);
  for (const pinyin of ['j', 'jian', 'jian cha'])
    await ime.send('Input.imeSetComposition', { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
  await expect(search).toHaveValue('jian cha');
  // Longer than any pause the search ever waited for: a half-composed word would have been asked by now.
  await page.waitForTimeout(1_000);
  await settled(page);
  expect(queries).toEqual([]);
  await expect(total).toHaveText('共 3 件');

  await ime.send('Input.insertText', { text: '检查' });
  await expect(search).toHaveValue('检查');
  await expect(total).toHaveText('共 2 件');
  await expect(page.getByTestId(`documents-open-${withNotice}`)).toBeVisible();
  await expect(page.getByTestId(`documents-open-${withReport}`)).toBeVisible();
  expect(queries).toEqual(['检查']);
  await ime.detach();
});

test('the 汇编 sources picker asks nothing for pinyin being composed either, and offers what the characters find', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  seed(host.current);
  await page.keyboard.press('Alt+1');
  await page.getByTestId('documents-produce-button').click();
  const sources = page.getByTestId('register-produce-sources');
  await sources.click();
  const queries = listQueries(page);

  const ime = await page.context().newCDPSession(page);
  for (const pinyin of ['tong', 'tong zhi'])
    await ime.send('Input.imeSetComposition', { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
  await expect(sources.locator('input')).toHaveValue('tong zhi');
  // Longer than any pause the picker ever waited for.
  await page.waitForTimeout(1_000);
  await settled(page);
  expect(queries).toEqual([]);

  await ime.send('Input.insertText', { text: '通知' });
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option')).toHaveCount(1);
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option')).toContainText(TITLES[0]!);
  expect(queries).toEqual(['通知']);
  await ime.detach();
});
