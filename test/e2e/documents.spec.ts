// The classified documents register end to end, as the issue tells it: receive, lend, overdue, return, copy with
// approval, a refused 绝密 copy, a batch return to the issuer, a destruction with two people, and the timeline.
import type { Page } from '@playwright/test';
import { ADMIN, approveOnTheSpot, createApprover, expect, invoke, setUpQuickly, test } from './fixtures';

const DAY = 86_400_000;

async function choose(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

test('a custodian follows one 机密 document from receipt to destruction, and a 绝密 copy without approval is refused', async ({ page, host }) => {
  test.setTimeout(240_000); // a long story told through the UI
  await setUpQuickly(page, host.current);
  await createApprover(page);
  // Storage first: one cabinet for 机密, one 专柜 for 绝密 with its keeper.
  expect((await invoke(page, 'locations.create', { code: 'G-01', name: '保密柜一', maxLevel: 'secret' })).ok).toBe(true);
  const topCabinet = await invoke<{ id: number }>(page, 'locations.create', {
    code: 'ZG-01',
    name: '绝密专柜',
    maxLevel: 'top_secret',
    keeper: ADMIN.displayName,
  });

  // 收文登记 through the form, keyboard first.
  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-receive-button').click();
  await page.getByTestId('register-origin-unit').fill('山东省某厅办公室');
  await page.getByTestId('register-doc-number').fill('鲁X发〔2026〕3号');
  await page.getByTestId('register-title').fill('关于加强网络失泄密防范工作的通知');
  await page.getByTestId('register-marking').fill('机密★10年');
  await page.getByTestId('register-issue-date').fill('2026-11-01');
  await page.getByTestId('register-issue-date').press('Enter');
  const scope = page.getByTestId('register-scope').locator('input');
  for (const name of ['李四', '办公室']) {
    await scope.fill(name);
    await scope.press('Enter');
  }
  await page.getByTestId('register-copies').fill('3');
  await choose(page, 'register-location', 'G-01');
  await page.getByTestId('register-submit').click();
  await expect(page.getByTestId('register-saved')).toContainText('2026-0001');
  const listed = await invoke<{ rows: { id: number }[] }>(page, 'documents.list', { query: '失泄密' });
  const docId = listed.value!.rows[0]!.id;
  const open = async (id: number) => {
    await page.getByTestId('menu-documents').click();
    await page.getByTestId('documents-filter-reset').click();
    await page.getByTestId(`documents-open-${id}`).click();
  };
  const openDoc = () => open(docId);
  await page.getByTestId('register-last-open').click();
  await expect(page.getByTestId('doc-marking')).toContainText('机密★10年');
  await expect(page.getByTestId('doc-copies')).toContainText('0003');

  // Copy 2 to 李四, who is in scope: no approval needed.
  await page.getByTestId('doc-action-lend').click();
  await page.getByTestId('lend-copies-2').check();
  await page.getByTestId('lend-borrower').fill('李四');
  await page.getByTestId('lend-due-at').fill(new Date(Date.now() + DAY).toISOString().slice(0, 10));
  await page.getByTestId('lend-due-at').press('Enter');
  await page.getByTestId('lend-submit').click();
  await expect(page.getByTestId('lend-form')).toHaveCount(0);

  // Three days later the loan is overdue: on the item, in the register and on the overview.
  // (Three idle days also lock the ledger: unlock first.)
  host.current.advanceClock(3 * DAY);
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await page.getByTestId('lock-password').fill(ADMIN.password);
  await page.getByTestId('lock-password').press('Enter');
  await page.getByTestId('menu-overview').click();
  await expect(page.getByTestId('reminder-loanOverdue')).toContainText('1');
  await page.getByTestId('reminder-loanOverdue').click();
  await expect(page.getByTestId('documents-table')).toContainText('关于加强网络失泄密防范工作的通知');
  await page.getByTestId(`documents-open-${docId}`).click();
  await expect(page.getByTestId('doc-copy-overdue-2')).toBeVisible();

  // Its return.
  await page.getByTestId('doc-action-return-loan').click();
  await page.getByTestId('return-loan-copies-2').check();
  await page.getByTestId('return-loan-received-by').fill(ADMIN.displayName);
  await page.getByTestId('return-loan-submit').click();
  await expect(page.getByTestId('return-loan-form')).toHaveCount(0);
  await expect(page.getByTestId('doc-copy-overdue-2')).toHaveCount(0);

  // A copy with the unit head's approval, countersigned on the spot: 份号 0004, marked 复制件.
  await page.getByTestId('doc-action-copy').click();
  await choose(page, 'copy-source', '0001');
  await page.getByTestId('copy-count').fill('1');
  await approveOnTheSpot(page, 'copy-approval');
  await page.getByTestId('copy-submit').click();
  await expect(page.getByTestId('copy-form')).toHaveCount(0);
  await expect(page.getByTestId('doc-copies')).toContainText('0004');
  await expect(page.getByTestId('doc-copies')).toContainText('复制件');

  // A 绝密 document cannot be copied without the originator's approval, and the UI says why.
  const top = await invoke<{ id: number }>(page, 'documents.receive', {
    originUnit: '某部办公厅',
    title: '绝密级会议纪要',
    marking: '绝密★长期',
    issueDate: '2026-11-02',
    scope: [ADMIN.displayName],
    copies: 1,
    locationId: topCabinet.value!.id,
    signedBy: ADMIN.displayName,
  });
  await open(top.value!.id);
  await page.getByTestId('doc-action-copy').click();
  await choose(page, 'copy-source', '0001');
  await page.getByTestId('copy-count').fill('1');
  await page.getByTestId('copy-submit').click();
  await expect(page.getByTestId('copy-error')).toContainText('复制绝密载体须经定密机关');
  await page.getByTestId('copy-cancel').click();
  expect((await invoke<{ copies: number }>(page, 'documents.get', { id: top.value!.id })).value!.copies).toBe(1);

  // 清退 copies 1-3 to the issuer in one batch; the local copy 0004 stays.
  await openDoc();
  await page.getByTestId('doc-action-return').click();
  await expect(page.getByTestId('batch-page')).toHaveAttribute('data-kind', 'return');
  await page.getByTestId(`batch-copies-${docId}-4`).uncheck();
  await page.getByTestId('batch-to-unit').fill('山东省某厅办公室');
  await page.getByTestId('batch-returner').fill(ADMIN.displayName);
  await page.getByTestId('batch-receiver').fill('王科长');
  await page.getByTestId('batch-submit').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('batch-result-no')).toContainText('QT-2026-001');

  // Destroy the copy with two people: who destroys and who witnesses.
  await openDoc();
  await page.getByTestId('doc-action-destroy').click();
  await expect(page.getByTestId('batch-page')).toHaveAttribute('data-kind', 'destroy');
  await approveOnTheSpot(page, 'batch-approval');
  await page.getByTestId('batch-method').getByText('符合保密标准的碎纸机').click();
  await page.getByTestId('batch-place').fill('本单位保密室');
  for (const [field, name] of [
    ['batch-destroyers', ADMIN.displayName],
    ['batch-witnesses', '李四'],
  ] as const) {
    await page.getByTestId(field).locator('input').fill(name);
    await page.getByTestId(field).locator('input').press('Enter');
  }
  await page.getByTestId('batch-submit').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('batch-result-no')).toContainText('XH-2026-001');

  // The timeline shows all of it, in order.
  await openDoc();
  // Wait for the whole timeline: evaluateAll reads once and does not retry while the page is still loading.
  // The events themselves (a batch number inside one is a link with a testid of its own).
  await expect(page.locator('[data-testid^="doc-event-"][data-kind]')).toHaveCount(6);
  const kinds = await page.locator('[data-testid^="doc-event-"][data-kind]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  expect(kinds).toEqual(['receive', 'lend', 'return_loan', 'copy', 'return_to_issuer', 'destroy']);
  await expect(page.getByTestId('doc-timeline')).toContainText('QT-2026-001');
  await expect(page.getByTestId('doc-timeline')).toContainText('XH-2026-001');
  // The destruction names its approver with how it was given, who destroyed and who witnessed.
  const destruction = page.locator('[data-testid^="doc-event-"][data-kind="destroy"]');
  await expect(destruction).toContainText('当面审批');
  await expect(destruction).toContainText(`销毁人：${ADMIN.displayName}`);
  await expect(destruction).toContainText('监销人：李四');
});
