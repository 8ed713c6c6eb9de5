// 统计 (issue 17): on a ledger with known events of the last weeks (received, copied, lent, returned late, destroyed) the
// screen's figures are those counts, its charts are drawn (SVG bars with their numbers), each number lists the items
// behind it and each item opens; a department narrows what it can and says in words what it cannot.
import { APPROVER, createApprover, expect, must, setUpQuickly, test } from './fixtures';

const SHOTS = process.env.SCREENSHOTS_DIR ?? '/tmp/shots';

/** The local calendar day `offset` days from today (YYYY-MM-DD). */
function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return d.toLocaleDateString('sv-SE');
}

test('the figures of the dates are the seeded counts, the charts are drawn, and a number lists its items', async ({ page, host }) => {
  test.setTimeout(120_000);
  await setUpQuickly(page, host.current);
  await createApprover(page);
  const h = host.current;
  const approverId = must<{ id: number; displayName: string }[]>(h, 'approvals.approvers', {}).find((a) => a.displayName === APPROVER.displayName)!.id;
  // Countersigned now: what it approves happens today (an action never precedes its approval).
  const spot = { way: 'on_the_spot', approverId, password: APPROVER.password };
  const cabinet = must<{ id: number }>(h, 'locations.create', { code: 'G-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  let n = 0;
  const receive = (receivedAt: string, over: Record<string, unknown>) =>
    must<{ id: number }>(h, 'documents.receive', {
      docNumber: `鲁保发〔2026〕${++n}号`,
      title: `关于保密工作的通知之${n}`,
      originUnit: '省国家保密局',
      marking: '机密★10年',
      issueDate: day(-70),
      scope: ['办公室', '王芳'],
      copies: 3,
      locationId: cabinet,
      signedBy: '李明',
      receivedAt,
      ...over,
    }).id;
  const d1 = receive(day(-40), {});
  const d2 = receive(day(-40), { marking: '秘密★5年', copies: 2 });
  receive(day(-35), { copies: 1 });
  // Back 10 days late; a second loan back on time.
  must(h, 'documents.lend', { documentId: d2, copyNos: [1], borrower: { name: '王芳', department: '办公室' }, dueAt: day(-20), at: day(-30) });
  must(h, 'documents.returnLoan', { documentId: d2, copyNos: [1], receivedBy: '李明', at: day(-10) });
  must(h, 'documents.lend', { documentId: d1, copyNos: [2], borrower: { name: '王芳', department: '办公室' }, dueAt: day(-5), at: day(-25) });
  must(h, 'documents.returnLoan', { documentId: d1, copyNos: [2], receivedBy: '李明', at: day(-6) });
  must(h, 'documents.copy', { documentId: d1, sourceCopyNo: 1, count: 1, approval: spot });
  must(h, 'documents.destroy', {
    items: [{ documentId: d2, copyNos: [2] }],
    approval: spot,
    method: 'shredder',
    place: '保密室',
    destroyers: ['李明'],
    witnesses: ['王芳'],
  });
  // Refused (ordinary post is no lawful channel): counted among the refusals by its grounds.
  expect(h.invoke('documents.transmit', { documentId: d1, copyNos: [3], toUnit: '市保密局', channel: '普通邮政', handledBy: '李明' }).ok).toBe(false);
  await page.reload();

  // Keyboard-first: the year is focused (this year), Enter counts; any dates are one choice away.
  await page.getByTestId('menu-statistics').click();
  const year = page.getByTestId('statistics-year');
  await expect(year).toBeFocused();
  await expect(year).toHaveValue(String(new Date().getFullYear()));
  await year.press('Enter');
  await expect(page.getByTestId('statistics-period')).toContainText(`${new Date().getFullYear()}-01-01 至 ${new Date().getFullYear()}-12-31`);
  // A whole year offers the annual pack beside the printout.
  await expect(page.getByTestId('pack-print')).toBeVisible();
  await page.getByTestId('statistics-mode').getByText('按日期').click();
  const dates = page.getByTestId('statistics-filters').locator('.ant-picker-range input');
  await dates.first().click();
  await dates.first().fill(day(-60));
  await dates.first().press('Enter');
  await dates.last().fill(day(0));
  await dates.last().press('Enter');
  await page.getByTestId('statistics-apply').click();
  await expect(page.getByTestId('statistics-period')).toContainText(`${day(-60)} 至 ${day(0)}`);

  const figure = (id: string, table = 'documents') => page.getByTestId(`statistics-${table}`).getByTestId(`stat-${id}`);
  await expect(figure('received-total')).toHaveText('3（6份）');
  await expect(figure('received-secret')).toHaveText('2（4份）');
  await expect(figure('received-confidential')).toHaveText('1（2份）');
  await expect(figure('received-paper')).toHaveText('3（6份）');
  await expect(figure('copied-total')).toHaveText('1（1份）');
  await expect(figure('lent-total')).toHaveText('2（2份）');
  await expect(figure('destroyed-total')).toHaveText('1（1份）');
  await expect(figure('lateReturns-total')).toHaveText('1');
  // Two received on one day, the third five days later (in the same month or the next).
  const sameMonth = day(-40).slice(0, 7) === day(-35).slice(0, 7);
  await expect(figure(`received-${day(-40).slice(0, 7)}`, 'months')).toHaveText(sameMonth ? '3（6份）' : '2（5份）');
  // Held now: d1's three originals and its copy, d2's copy left, the third item.
  await expect(figure('heldNow-total', 'holdings')).toHaveText('3（6份）');
  await expect(page.getByTestId('statistics-late')).toContainText('10');
  await expect(page.getByTestId('statistics-refusals')).toContainText('该传递方式不合规定');
  await expect(page.getByTestId('statistics-refusals').getByRole('button')).toHaveText('1');
  // The audit chain: never checked on this ledger, and said so (never 完整 without a check).
  await expect(page.getByTestId('statistics-audit-chain')).toContainText('审计日志现有');
  await expect(page.getByTestId('statistics-audit-chain')).toContainText('从未校验');

  // The charts: SVG bars, each with its number.
  const monthly = page.locator('[data-chart="monthly-flows"][data-chart-drawn="true"]');
  await expect(monthly.locator('svg')).toHaveCount(1);
  await expect(monthly.locator('svg path').first()).toBeAttached();
  await expect(monthly.locator('svg text', { hasText: '各月流转（份数）' })).toHaveCount(1);
  const lateChart = page.locator('[data-chart="late-returns"] svg');
  // The bar's number (the value axis may also have a 10).
  await expect(lateChart.locator('text', { hasText: /^10$/ })).not.toHaveCount(0);
  await expect(lateChart.locator('text', { hasText: / 份号0001$/ })).toHaveCount(1);
  await expect(page.locator('[data-chart="holdings-by-level"] svg')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/statistics.png`, fullPage: true });
  for (const id of ['monthly-flows', 'holdings-by-level', 'late-returns'])
    await page.locator(`[data-chart="${id}"]`).screenshot({ path: `${SHOTS}/chart-${id}.png` });

  // A number lists its items, as many as it counts; an item opens.
  await figure('received-total').click();
  const list = page.getByTestId('statistics-items');
  await expect(list.locator('.ant-drawer-title')).toHaveText('收到密件');
  await expect(list.locator('tbody tr.ant-table-row')).toHaveCount(3);
  await expect(list).toContainText('共 3 条');
  await page.screenshot({ path: `${SHOTS}/statistics-items.png`, fullPage: true });
  // The list prints as the register sheet 统计明细 (and exports as it).
  await page.getByTestId('statistics-items-print').click();
  const preview = page.getByTestId('print-preview');
  await expect(preview).toContainText('收到密件明细');
  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await figure('lateReturns-total').click();
  await expect(list.locator('tbody tr.ant-table-row')).toHaveCount(1);
  await expect(list.locator('tbody tr.ant-table-row')).toContainText('办公室');
  await list.locator('[data-testid^="statistics-item-"]').first().click();
  await expect(page.getByTestId('doc-page')).toBeVisible();
  await expect(page.getByTestId('doc-page')).toContainText('关于保密工作的通知之2');

  // Back on 统计: the dates chosen and the list still there; a department narrows the loans and not the receipts.
  await page.getByTestId('menu-statistics').click();
  await expect(page.getByTestId('statistics-items').locator('tbody tr.ant-table-row')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await page.getByTestId('statistics-department').fill('办公室');
  await page.getByTestId('statistics-department').press('Enter');
  await expect(page.getByTestId('statistics-period')).toContainText('部门：办公室');
  await expect(page.getByTestId('statistics-documents')).toContainText('不按部门统计');
  await expect(figure('received-total')).toHaveCount(0);
  await expect(page.getByTestId('statistics-refusals')).toHaveText('不按部门统计');
  await expect(figure('lent-total')).toHaveText('2（2份）');
  await page.screenshot({ path: `${SHOTS}/statistics-department.png`, fullPage: true });
  // Its printout: the report of these dates for the department.
  await page.getByTestId('statistics-print').click();
  await expect(preview).toContainText('办公室');
  await page.keyboard.press('Escape');

  // In English: the same numbers, in words.
  await page.getByTestId('menu-settings').click();
  await page.getByTestId('language-en').click();
  await page.getByTestId('menu-statistics').click();
  await expect(page.getByTestId('statistics-documents')).toContainText('Received (items)');
  await expect(page.getByTestId('statistics-documents')).toContainText('Not counted by department');
  await expect(figure('lent-total')).toHaveText('2 (copies: 2)');
  await page.screenshot({ path: `${SHOTS}/statistics-en.png`, fullPage: true });
});
