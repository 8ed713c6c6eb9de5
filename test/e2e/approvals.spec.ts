// Approvals by the approver (issue 12), through the browser test host: a custodian requests a 机密 copy, the approver
// signs in, sees it waiting and approves it, and the custodian copies naming the approval (used once); an
// out-of-scope loan is approved on the spot with the approver's own password, and a wrong one is refused in words.
import type { Page } from '@playwright/test';
import type { RunningHost } from '../host/server';
import { ADMIN, approveOnTheSpot, APPROVER, createApprover, expect, login, must, setUpQuickly, test } from './fixtures';

/** A ledger with the custodian (ADMIN), an approver account whose first password is already replaced, and one 机密 item in scope of 李四. */
async function setUp(page: Page, host: RunningHost): Promise<number> {
  await setUpQuickly(page, host);
  await createApprover(page);
  const cabinet = must<{ id: number }>(host, 'locations.create', { code: 'G-01', name: '保密柜一', maxLevel: 'secret' }).id;
  const doc = must<{ id: number }>(host, 'documents.receive', {
    docNumber: '鲁X发〔2026〕3号',
    title: '关于加强网络失泄密防范工作的通知',
    originUnit: '山东省某厅办公室',
    marking: '机密★10年',
    issueDate: '2026-11-01',
    scope: ['李四'],
    copies: 2,
    locationId: cabinet,
    signedBy: ADMIN.displayName,
  });
  return doc.id;
}

async function switchUser(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.getByTestId('logout-button').click();
  await login(page, user);
}

async function openDocument(page: Page, id: number): Promise<void> {
  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-filter-reset').click();
  await page.getByTestId(`documents-open-${id}`).click();
}

test('a 机密 copy: requested by the custodian, approved by the approver in the app, then carried out naming it', async ({ page, host }) => {
  test.setTimeout(180_000);
  const docId = await setUp(page, host.current);

  // The copy dialog offers no approved request yet: the custodian files one from the dialog.
  await openDocument(page, docId);
  await page.getByTestId('doc-action-copy').click();
  await expect(page.getByTestId('copy-approval-way')).toContainText('已批准的申请');
  await expect(page.getByTestId('copy-approval-way')).toContainText('当面审批');
  await expect(page.getByTestId('copy-approval-way')).not.toContainText('外部审批');
  await page.getByTestId('copy-approval-apply').click();
  await expect(page.getByTestId('approval-request-reason')).toBeFocused();
  await page.getByTestId('approval-request-reason').fill('会议学习需要');
  await page.getByTestId('approval-request-reason').press('Enter');
  await expect(page.getByTestId('approval-request-done')).toContainText('SP-');
  await expect(page.getByTestId('copy-approval-card')).toContainText('已申请 SP-');
  await page.getByTestId('copy-cancel').click();

  // The approver signs in and sees one request waiting, on the overview and in the menu.
  await switchUser(page, APPROVER);
  await expect(page.getByTestId('overview-approvals-pending')).toContainText('1');
  await expect(page.getByTestId('menu-approvals-pending')).toContainText('1');
  await page.getByTestId('overview-approvals-pending').click();
  const table = page.getByTestId('approvals-table-pending');
  await expect(table).toContainText('复制');
  await expect(table).toContainText('2026-0001');
  await table.getByRole('button', { name: /SP-/ }).click();
  await expect(page.getByTestId('approval-reason')).toHaveText('会议学习需要');
  await expect(page.getByTestId('approval-status')).toHaveText('待审批');
  await page.getByTestId('approval-decide-note').fill('同意复制一份');
  await page.getByTestId('approval-approve').click();
  await expect(page.getByTestId('approval-status')).toHaveText('已批准');
  await expect(page.getByTestId('approval-way')).toHaveText('系统内审批');
  await expect(page.getByTestId('approval-decided-by')).toHaveText(APPROVER.displayName);
  await expect(page.getByTestId('menu-approvals-pending')).not.toContainText('1');
  await page.getByTestId('approval-back').click();
  await page.getByTestId('approvals-tab-decided').click();
  await expect(page.getByTestId('approvals-table-decided')).toContainText('已批准');

  // The custodian copies: the approved request is chosen for them; the copy names the approver.
  await switchUser(page, ADMIN);
  await openDocument(page, docId);
  await page.getByTestId('doc-action-copy').click();
  await expect(page.getByTestId('copy-approval-request')).toContainText('SP-');
  await page.getByTestId('copy-submit').click();
  await expect(page.getByTestId('copy-done')).toContainText('0003');
  const copied = must<{ events: { kind: string; approver: string | null }[] }>(host.current, 'documents.get', { id: docId }).events.find(
    (e) => e.kind === 'copy',
  );
  expect(copied?.approver).toBe(APPROVER.displayName);

  // Used once: the request is 已使用 and names the copy it enabled; a second copy finds no request to name.
  await page.getByTestId('menu-approvals').click();
  await page.getByTestId('approvals-tab-requests').click();
  await expect(page.getByTestId('approvals-table-requests')).toContainText('已使用');
  await page.getByTestId('approvals-table-requests').getByRole('button', { name: /SP-/ }).click();
  await expect(page.getByTestId('approval-enabled')).toContainText('复制');
  await openDocument(page, docId);
  await page.getByTestId('doc-action-copy').click();
  await expect(page.getByTestId('copy-approval-card')).toContainText('本载体没有可用的已批准申请');
});

test('an out-of-scope loan approved on the spot with the approver password; a wrong password is refused in words', async ({ page, host }) => {
  test.setTimeout(120_000);
  const docId = await setUp(page, host.current);

  await openDocument(page, docId);
  await page.getByTestId('doc-action-lend').click();
  await page.getByTestId('lend-copies-1').check();
  await page.getByTestId('lend-borrower').fill('王五'); // not in scope
  await expect(page.getByTestId('lend-approval-hint')).toBeVisible();
  await approveOnTheSpot(page, 'lend-approval');
  await page.getByTestId('lend-approval-password').fill('NotHisPassword1');
  await page.getByTestId('lend-submit').click();
  const error = page.getByTestId('lend-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText(`${APPROVER.displayName} 的密码不正确，当面审批未通过`);
  await expect(error).not.toContainText('E_');

  await page.getByTestId('lend-approval-password').fill(APPROVER.password);
  await page.getByTestId('lend-submit').click();
  await expect(page.getByTestId('lend-done')).toBeVisible();
  const lent = must<{ events: { kind: string; approver: string | null }[] }>(host.current, 'documents.get', { id: docId }).events.find(
    (e) => e.kind === 'lend',
  );
  expect(lent?.approver).toBe(APPROVER.displayName);
});
