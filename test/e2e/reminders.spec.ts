// Reminders that say what they mean (issue 13): the overview and the register keep an overdue loan apart from one
// due soon, and a new ledger does not claim an inventory done.
import { ADMIN, expect, invoke, setUpQuickly, test } from './fixtures';

/** The local calendar day `offset` days from today (YYYY-MM-DD). */
function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return d.toLocaleDateString('sv-SE');
}

test('overdue apart from due soon on the overview, the filter and the 提示 column; an empty ledger has no inventory done', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  await page.getByTestId('menu-overview').click();
  // Nothing held: 待办 says so in one line rather than a wall of zeros.
  await expect(page.getByTestId('reminders-empty')).toContainText('尚无在管载体');
  await expect(page.getByTestId('reminders-card')).not.toContainText('本年度已清查');

  const cabinet = await invoke<{ id: number }>(page, 'locations.create', { code: 'G-01', name: '保密柜一', maxLevel: 'secret' });
  const receive = async (title: string) => {
    const r = await invoke<{ id: number }>(page, 'documents.receive', {
      originUnit: '山东省某厅办公室',
      title,
      marking: '秘密★5年',
      issueDate: day(-30),
      scope: ['李四'],
      copies: 1,
      locationId: cabinet.value!.id,
      signedBy: ADMIN.displayName,
      receivedAt: day(-20),
    });
    return r.value!.id;
  };
  const late = await receive('逾期的借阅');
  const soon = await receive('即将到期的借阅');
  expect((await invoke(page, 'documents.lend', { documentId: late, copyNos: [1], borrower: { name: '李四' }, dueAt: day(-2), at: day(-10) })).ok).toBe(true);
  expect((await invoke(page, 'documents.lend', { documentId: soon, copyNos: [1], borrower: { name: '李四' }, dueAt: day(3), at: day(-1) })).ok).toBe(true);

  await page.reload();
  await page.getByTestId('menu-overview').click();
  await expect(page.getByTestId('reminder-loanOverdue')).toContainText('借阅逾期未还');
  await expect(page.getByTestId('reminder-loanOverdue')).toContainText('1');
  await expect(page.getByTestId('reminder-loanDueSoon')).toContainText('借阅即将到期');
  await expect(page.getByTestId('reminder-loanDueSoon')).toContainText('1');
  // The cabinet holding them was never counted: due for a stocktake.
  await expect(page.getByTestId('reminder-stocktake-due')).toContainText('待清查保密柜1');
  await expect(page.getByTestId('reminder-stocktake-cabinets')).toContainText('保密柜一（从未清查）');
  await page.screenshot({ path: test.info().outputPath('overview.png'), fullPage: true });

  // The overdue tile opens the register on the overdue loan only, its 提示 saying so.
  await page.getByTestId('reminder-loanOverdue').click();
  await expect(page.getByTestId(`documents-open-${late}`)).toBeVisible();
  await expect(page.getByTestId(`documents-open-${soon}`)).toHaveCount(0);
  await expect(page.getByTestId(`documents-overdue-${late}`)).toHaveText('借阅逾期未还');
  await expect(page.getByTestId('documents-filter-reminder')).toContainText('借阅逾期未还');

  // The due-soon one, by the register's own filter.
  await page.getByTestId('documents-filter-reset').click();
  await expect(page.getByTestId(`documents-reminder-loanDueSoon-${soon}`)).toHaveText('借阅即将到期');
  await page.getByTestId('documents-filter-reminder').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '借阅即将到期' }).click();
  await expect(page.getByTestId(`documents-open-${soon}`)).toBeVisible();
  await expect(page.getByTestId(`documents-open-${late}`)).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('register.png'), fullPage: true });
});
