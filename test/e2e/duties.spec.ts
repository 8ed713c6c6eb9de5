// Separation of duties on screen (issue 12): the wizard offers the approver, skippable; the role picker offers only
// the combinations the backend allows and says, in the backend's words, why a role cannot be chosen; the 审批单 of a
// request prints.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, UNIT, expect, setUpQuickly, test } from './fixtures';

const SHOTS = process.env.SCREENSHOTS_DIR;

test('the wizard offers the approver and the auditor, each skipped with the keyboard', async ({ page, host }) => {
  await page.goto(host.current.url);
  await page.getByTestId('setup-unit-name').fill(UNIT);
  await page.getByTestId('setup-unit-name').press('Enter');
  await page.getByTestId('setup-username').fill(ADMIN.username);
  await page.getByTestId('setup-display-name').fill(ADMIN.displayName);
  await page.getByTestId('setup-password').fill(ADMIN.password);
  await page.getByTestId('setup-password-confirm').fill(ADMIN.password);
  await page.getByTestId('setup-password-confirm').press('Enter');
  await page.getByTestId('recovery-stored-checkbox').check();
  await page.getByTestId('recovery-continue').click();

  // The first field has the focus; the step says the approver is never the custodian.
  await expect(page.getByTestId('approver-username')).toBeFocused();
  await expect(page.getByTestId('setup-wizard')).toContainText('审批人不能由保管员兼任');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/wizard-approver.png`, fullPage: true });
  await page.getByTestId('approver-skip').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('auditor-username')).toBeFocused();
  await page.getByTestId('auditor-skip').click();
  await page.getByTestId('cabinet-skip').click(); // the first cabinet: first-use.spec.ts
  await expect(page.getByTestId('header-unit-name')).toHaveText(UNIT);
});

test('the role picker disables what the backend refuses and says why; the admin cannot give their own account a role', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  await page.getByTestId('menu-accounts').click();

  await page.getByTestId('account-create-button').click();
  await page.getByTestId('account-create-role-custodian').click();
  await expect(page.getByTestId('account-create-role-approver')).toBeDisabled();
  await expect(page.getByTestId('account-create-role-auditor')).toBeDisabled();
  await expect(page.getByTestId('account-create-role-admin')).toBeEnabled();
  await expect(page.getByTestId('account-create-role-approver-why')).toHaveText(
    '审批人不可选：角色冲突：审批人不能同时担任保管员，任何人不能审批自己提出的申请。',
  );
  await expect(page.getByTestId('account-create-role-auditor-why')).toContainText('审计员只能单独担任');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/accounts-create-roles.png`, fullPage: true });
  // A role was picked: Escape asks before discarding it.
  await page.keyboard.press('Escape');
  await page.getByTestId('leave-discard').click();

  // The first account is admin + custodian: on its own account, no role can be added.
  await page.getByTestId(`account-edit-${ADMIN.username}`).click();
  await expect(page.getByTestId('account-edit-role-approver')).toBeDisabled();
  await expect(page.getByTestId('account-edit-role-approver-why')).toContainText('须由另一名系统管理员办理');
  await expect(page.getByTestId('account-edit-role-custodian')).toBeEnabled();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/accounts-edit-own.png`, fullPage: true });
});

test('the 审批单 of a request prints on A4 with its number, rows, signature lines and the audit head', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  const must = <T>(name: string, input: unknown): T => {
    const r = host.current.invoke(name, input);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };
  const cab = must<{ id: number }>('locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  const doc = must<{ id: number }>('documents.receive', {
    docNumber: '鲁X发〔2026〕3号',
    title: '关于加强网络失泄密防范工作的通知',
    originUnit: '山东省XX厅办公室',
    marking: '机密★10年',
    issueDate: '2026-11-02',
    scope: ['办公室'],
    copies: 3,
    locationId: cab,
    signedBy: '李明',
  }).id;
  const { id } = must<{ id: number }>('approvals.request', {
    kind: 'copy',
    subject: { type: 'document', id: doc },
    copyNos: [1],
    count: 2,
    reason: '全省保密工作会议传达',
  });

  const r = await page.evaluate((job) => window.ledger.print!(job as never), { request: { kind: 'approval-form', approvalId: id }, target: 'pdf' });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const dir = SHOTS ?? mkdtempSync(join(tmpdir(), 'ledger-approval-'));
  const path = join(dir, 'approval-form.pdf');
  writeFileSync(path, Buffer.from(r.value.pdfBase64!, 'base64'));
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  for (const words of [
    UNIT,
    '涉密载体审批单',
    'No. SP-2026-0001',
    '审批事项：复制',
    '申请理由：全省保密工作会议传达',
    '2026-0001',
    '鲁X发〔2026〕3号',
    '0001',
    '申请人（签字）：张三',
    '审批人（签字）',
    '审计链 #',
    '第 1 页 共 1 页',
  ]) {
    // pdftotext spaces CJK text as it likes: compared without spaces.
    expect(text.replace(/\s+/g, ''), words).toContain(words.replace(/\s+/g, ''));
  }
  expect(text.trimStart().startsWith('机密')).toBe(true);
  // A4 portrait.
  expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)/);
});
