// Separation of duties on screen (issue 12): the wizard offers the approver, skippable; the role picker offers only
// the combinations the backend allows and says, in the backend's words, why a role cannot be chosen.
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
  await page.keyboard.press('Escape');

  // The first account is admin + custodian: on its own account, no role can be added.
  await page.getByTestId(`account-edit-${ADMIN.username}`).click();
  await expect(page.getByTestId('account-edit-role-approver')).toBeDisabled();
  await expect(page.getByTestId('account-edit-role-approver-why')).toContainText('须由另一名系统管理员办理');
  await expect(page.getByTestId('account-edit-role-custodian')).toBeEnabled();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/accounts-edit-own.png`, fullPage: true });
});
