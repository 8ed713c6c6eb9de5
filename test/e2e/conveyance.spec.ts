// 传达与公开 on a document (issue 19, seed §1): the conveyance plan is recorded from the document's page within its
// 知悉范围 (an entry outside it refused in words), a conveyance under it, a publication plan by the originator's 文号
// that is due today (the item's page and the overview say so); the timeline names each step, and the document's
// 涉密文件传达登记 prints from the page's preview to a PDF read with pdftotext.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ADMIN, UNIT, day, expect, invoke, must, setUpQuickly, test, typeDay } from './fixtures';

const SHOTS = process.env.SCREENSHOTS_DIR ?? '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

/** pdftotext spaces CJK glyphs as the layout placed them; compare without the spaces. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

test('a conveyance plan within the 知悉范围, a conveyance, a publication plan due today, and the 涉密文件传达登记 on paper', async ({ page, host }) => {
  test.setTimeout(90_000);
  await setUpQuickly(page, host.current);
  expect((await invoke(page, 'locations.create', { code: 'G-01', name: '保密柜一', maxLevel: 'secret' })).ok).toBe(true);
  const received = await invoke<{ id: number; receiptNo: string; title: string }>(page, 'documents.receive', {
    originUnit: '省国家保密局',
    docNumber: '鲁保发〔2026〕31号',
    title: '关于加强网络失泄密防范工作的通知',
    marking: '机密★10年',
    issueDate: day(-5),
    scope: ['办公室', '王芳'],
    copies: 2,
    locationId: 1,
    signedBy: ADMIN.displayName,
    receivedAt: day(-3),
  });
  expect(received.ok).toBe(true);
  const doc = received.value!;

  await page.getByTestId('menu-documents').click();
  await page.getByTestId(`documents-open-${doc.id}`).click();
  const card = page.getByTestId('conveyance-card');
  await expect(card).toContainText('传达与公开');
  await expect(page.getByTestId('conveyance-plan-none')).toContainText('尚未登记传达方案');
  await expect(page.getByTestId('conveyance-action-convey')).toBeDisabled();

  // 传达方案: the range starts as the 知悉范围; 财务科 added is refused by name, and nothing is recorded.
  await page.getByTestId('conveyance-action-plan').click();
  const range = page.getByTestId('conveyance-plan-range');
  await expect(range).toContainText('办公室');
  await expect(range).toContainText('王芳');
  await range.locator('input').fill('财务科');
  await range.locator('input').press('Enter');
  await page.getByTestId('conveyance-plan-manner').getByText('会议传达').click();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('conveyance-plan-error')).toContainText(`财务科 不在 ${doc.receiptNo} 的知悉范围内`);
  await page.screenshot({ path: `${SHOTS}/plan-refused.png` });
  await range.locator('input').press('Backspace');
  await expect(range).not.toContainText('财务科');
  await expect(page.getByTestId('conveyance-plan-discipline')).toHaveValue(/不得记录/);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('conveyance-plan-done')).toContainText('第 1 版');
  await expect(page.getByTestId('conveyance-range')).toHaveText('办公室、王芳');
  await expect(page.getByTestId('conveyance-plan-version')).toHaveText('第 1 版');

  // 传达: by the custodian, to a person of 办公室 and to 王芳, 12 attended; by the keyboard.
  await page.getByTestId('conveyance-action-convey').click();
  await expect(page.getByTestId('convey-conveyor')).toHaveValue(ADMIN.displayName);
  const audience = page.getByTestId('convey-audience').locator('input');
  await audience.fill('张明（办公室）');
  await audience.press('Enter');
  await audience.fill('王芳');
  await audience.press('Enter');
  await page.getByTestId('convey-attended').fill('12');
  await page.screenshot({ path: `${SHOTS}/convey-form.png` });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('convey-done')).toBeVisible();
  await expect(page.getByTestId('conveyance-list')).toContainText('张明（办公室）、王芳');
  await expect(page.getByTestId('conveyance-list')).toContainText('12');

  // 公开方案 of a received document: the originator's decision by its 文号; publishable from today, so it is due.
  await page.getByTestId('publication-action-plan').click();
  await expect(page.getByTestId('publication-plan-decision-external-only')).toBeVisible();
  await page.getByTestId('publication-plan-content').fill('第一部分“工作要求”');
  await typeDay(page, 'publication-plan-from', day(0));
  await page.getByTestId('publication-plan-channel').fill('门户网站');
  await page.getByTestId('publication-plan-decision-body').fill('省国家保密局');
  await page.getByTestId('publication-plan-decision-doc-no').fill('鲁保函〔2026〕12号');
  await typeDay(page, 'publication-plan-decision-date', day(-1));
  await page.screenshot({ path: `${SHOTS}/publication-form.png` });
  await page.getByTestId('publication-plan-submit').click();
  await expect(page.getByTestId('publication-plan-done')).toBeVisible();
  await expect(page.getByTestId('publication-due')).toContainText('已到可公开日期');
  // 先审查后公开: the plan is carried out by a publication review, not recorded here by hand.
  await expect(page.getByTestId('publication-due')).toContainText('须经信息公开保密审查');
  await expect(page.getByTestId('publication-action-review')).toHaveText('送信息公开审查');
  await expect(page.getByTestId('publication-plan')).toContainText('省国家保密局 鲁保函〔2026〕12号');

  // The timeline names each step in words.
  const timeline = page.getByTestId('doc-timeline');
  await expect(timeline.locator('[data-kind="conveyance_plan"]')).toContainText('传达方案');
  await expect(timeline.locator('[data-kind="convey"]')).toContainText('传达人：张三');
  await expect(timeline.locator('[data-kind="publication_plan"]')).toContainText('部分公开');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/document-page.png`, fullPage: true });

  // 涉密文件传达登记 of this document, saved as PDF from the preview.
  await page.getByTestId('conveyance-print').click();
  const preview = page.getByTestId('print-preview');
  await expect(preview.getByTestId('print-page').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/print-preview.png` });
  const download = page.waitForEvent('download');
  await preview.getByTestId('print-pdf-button').click();
  const path = `${SHOTS}/conveyances.pdf`;
  await (await download).saveAs(path);
  const raw = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  const text = squeeze(raw);
  expect(raw.trimStart().startsWith('机密')).toBe(true);
  expect(text).toContain(`${UNIT}涉密文件传达登记`);
  expect(text).toContain(`收文编号：${doc.receiptNo}`);
  for (const column of ['传达时间', '传达范围', '传达方式', '保密纪律要求', '传达人', '传达对象', '参加人数']) expect(text).toContain(column);
  // A cell wraps on paper, and pdftotext reads a row's wrapped lines side by side: each line is checked.
  for (const cell of ['2026-0001', '关于加强网络失泄密防范工作', '机密★10年', '办公室、王芳', '会议传达', '不得记录', '张明（办公室）'])
    expect(text).toContain(cell);
  expect(text).toContain('第1页共1页');
  expect(text).toMatch(/审计链#\d+[0-9a-f]{6}/);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path, `${SHOTS}/conveyances`]);
  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);

  // The item's printed history (流转记录) names the plan, the conveyance and the publication plan.
  const history = await page.evaluate((job) => window.ledger.print!(job as never), { request: { kind: 'history', documentId: doc.id }, target: 'pdf' });
  if (!history.ok) throw new Error(JSON.stringify(history.error));
  const historyPdf = `${SHOTS}/history.pdf`;
  writeFileSync(historyPdf, Buffer.from(history.value.pdfBase64!, 'base64'));
  const historyText = squeeze(execFileSync('pdftotext', ['-layout', historyPdf, '-'], { encoding: 'utf8' }));
  for (const words of ['传达方案', '会议传达', '传达人张三', '参加人数12', '公开方案', '部分公开']) expect(historyText).toContain(words);

  // The overview: one document due for publication.
  await page.getByTestId('menu-overview').click();
  await expect(page.getByTestId('reminder-publicationDue')).toContainText('到期可公开');
  await expect(page.getByTestId('reminder-publicationDue')).toContainText('1');
  await page.screenshot({ path: `${SHOTS}/overview.png`, fullPage: true });

  // 送信息公开审查 opens 送审登记 for this document, linked to it (its publication carries the plan out).
  await page.getByTestId('menu-documents').click();
  await page.getByTestId(`documents-open-${doc.id}`).click();
  await page.getByTestId('publication-action-review').click();
  await expect(page.getByTestId('publication-open-form')).toBeVisible();
  await expect(page.getByTestId('publication-open-title')).toHaveValue(doc.title);
  await expect(page.getByTestId('publication-open-document')).toContainText(`${doc.receiptNo} ${doc.title}`);
  await page.screenshot({ path: `${SHOTS}/publication-from-plan.png` });
  await page.getByTestId('publication-open-department').fill('办公室');
  await page.getByTestId('publication-open-submitted-by').fill('王芳');
  await page.getByTestId('publication-open-submit').click();
  await expect(page.getByTestId('publication-open-form')).toHaveCount(0);
  const reviews = must<{ rows: { documentId: number | null; title: string }[] }>(host.current, 'publication.year', { year: new Date().getFullYear() }).rows;
  expect(reviews).toEqual([expect.objectContaining({ documentId: doc.id, title: doc.title })]);
  // Taken once: the page opened afresh from its menu starts no 送审登记.
  await page.getByTestId('menu-overview').click();
  await page.getByTestId('menu-publication').click();
  await expect(page.getByTestId('publication-page')).toBeVisible();
  await expect(page.getByTestId('publication-open-form')).toHaveCount(0);
});
