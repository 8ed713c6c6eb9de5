// The device registers through the UI: a classified computer kept off the internet, cross-use refused, and
// off-site repair refused without an escort; each refusal says the rule in Chinese.
import type { Page } from '@playwright/test';
import { expect, pickOption, setUpQuickly, test } from './fixtures';

async function registerMedium(page: Page, menu: string, m: { code: string; serial: string; level?: string }): Promise<void> {
  await page.getByTestId(menu).click();
  await page.getByTestId('devices-register-button').click();
  await page.getByTestId('device-form-code').fill(m.code);
  await page.getByTestId('device-form-model').fill('金士顿 DT100');
  await page.getByTestId('device-form-serial').fill(m.serial);
  await page.getByTestId('device-form-capacity').fill('32GB');
  if (m.level) await pickOption(page, 'device-form-level', m.level);
  await page.getByTestId('device-form-responsible').fill('王五');
  await page.getByTestId('device-form-department').fill('办公室');
  await page.getByTestId('device-form-usageScope').fill('办公室内部');
  await page.getByTestId('device-register-submit').click();
  await expect(page.getByTestId('device-register-form')).toHaveCount(0);
  await expect(page.getByTestId(`device-open-${m.code}`)).toBeVisible();
}

async function logUsage(page: Page, mediumMenu: string, medium: string, computer: string, dataLevel: string): Promise<void> {
  await page.getByTestId(mediumMenu).click();
  await page.getByTestId(`device-open-${medium}`).click();
  await page.getByTestId('device-action-logUsage').click();
  await pickOption(page, 'device-logUsage-computerId', computer, { containing: true });
  await page.getByTestId('device-logUsage-user').fill('王五');
  await page.getByTestId('device-logUsage-purpose').fill('拷贝文件');
  await pickOption(page, 'device-logUsage-dataLevel', dataLevel);
  await page.getByTestId('device-logUsage-submit').click();
}

test('devices: a 机密 computer stays off the internet; cross-use and off-site repair without escort are refused', async ({ page, host }) => {
  test.setTimeout(240_000); // many forms through the UI; slow when the other long spec runs beside it
  await setUpQuickly(page, host.current);

  // Register a 机密 computer as 单机.
  await page.getByTestId('menu-secret-computers').click();
  await expect(page.getByTestId('devices-title')).toHaveText('涉密计算机登记备案表');
  await page.getByTestId('devices-register-button').click();
  await expect(page.getByTestId('device-form-code')).toBeFocused();
  await page.getByTestId('device-form-code').fill('JM-PC-001');
  await page.getByTestId('device-form-code').press('Enter');
  await expect(page.getByTestId('device-form-name')).toBeFocused();
  await page.getByTestId('device-form-name').fill('保密室办公机');
  await page.getByTestId('device-form-model').fill('联想 M720');
  await page.getByTestId('device-form-serial').fill('SN-PC-001');
  await page.getByTestId('device-form-os').fill('银河麒麟 V10');
  await pickOption(page, 'device-form-level', '机密');
  await page.getByTestId('device-form-purpose').fill('涉密文件处理');
  await page.getByTestId('device-form-department').fill('办公室');
  await page.getByTestId('device-form-responsible').fill('王五');
  await page.getByTestId('device-form-location').fill('保密室');
  // A classified computer says whether 违规外联监控 and 三合一 are installed.
  await pickOption(page, 'device-form-monitoring', '已安装');
  await pickOption(page, 'device-form-threeInOne', '已安装');
  await page.getByTestId('device-register-submit').click();
  await expect(page.getByTestId('device-register-form')).toHaveCount(0);

  // Switching it to 互联网 is refused with the rule in words.
  await page.getByTestId('device-open-JM-PC-001').click();
  await expect(page.getByTestId('device-network')).toHaveText('单机');
  await page.getByTestId('device-action-change').click();
  await pickOption(page, 'device-change-network', '互联网');
  await page.getByTestId('device-change-submit').click();
  await expect(page.getByTestId('device-change-error')).toContainText('机密计算机只能单机使用或接入涉密内网，不得接入互联网');
  await page.getByTestId('device-change-cancel').click();
  await expect(page.getByTestId('device-network')).toHaveText('单机');

  // A 秘密 U盘, a 非涉密 U盘 and a 绝密 medium.
  await registerMedium(page, 'menu-secret-media', { code: 'MM-U-001', serial: 'SN-U-001', level: '秘密' });
  await registerMedium(page, 'menu-plain-media', { code: 'FM-U-001', serial: 'SN-U-002' });
  await registerMedium(page, 'menu-secret-media', { code: 'JUE-U-001', serial: 'SN-U-003', level: '绝密' });

  // The 秘密 U盘 on the 机密 computer: accepted and logged.
  await logUsage(page, 'menu-secret-media', 'MM-U-001', 'JM-PC-001', '秘密');
  await expect(page.getByTestId('device-logUsage-form')).toHaveCount(0);
  await expect(page.getByTestId('device-usage')).toContainText('JM-PC-001');

  // The 非涉密 U盘 on it: refused.
  await logUsage(page, 'menu-plain-media', 'FM-U-001', 'JM-PC-001', '非涉密');
  await expect(page.getByTestId('device-logUsage-error')).toContainText('禁止交叉使用：非涉密介质 FM-U-001 不得在机密计算机 JM-PC-001 上使用');
  await page.getByTestId('device-logUsage-cancel').click();

  // The 绝密 medium on it: refused.
  await logUsage(page, 'menu-secret-media', 'JUE-U-001', 'JM-PC-001', '绝密');
  await expect(page.getByTestId('device-logUsage-error')).toContainText('绝密介质 JUE-U-001 不得在机密计算机 JM-PC-001 上使用');
  await page.getByTestId('device-logUsage-cancel').click();

  // Off-site repair without an escort: refused, the computer stays in use.
  await page.getByTestId('menu-secret-computers').click();
  await page.getByTestId('device-open-JM-PC-001').click();
  await page.getByTestId('device-action-repair').click();
  await page.getByTestId('device-repair-offSite').check();
  await page.getByTestId('device-repair-storageRemoved').check();
  await page.getByTestId('device-repair-repairer').fill('某某维修中心');
  await page.getByTestId('device-repair-reason').fill('主板故障');
  await page.getByTestId('device-repair-submit').click();
  await expect(page.getByTestId('device-repair-error')).toContainText('尚缺：陪同人');
  await page.getByTestId('device-repair-cancel').click();
  await expect(page.getByTestId('device-status')).toHaveText('在用');
});

test('a medium’s type corrected reads in words in its history, before and after', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  await registerMedium(page, 'menu-secret-media', { code: 'MM-U-009', serial: 'SN-U-009', level: '秘密' });
  await page.getByTestId('device-open-MM-U-009').click();
  await page.getByTestId('device-action-correct').click();
  await pickOption(page, 'device-correct-field', '类型');
  await pickOption(page, 'device-correct-type', '光盘');
  await page.getByTestId('device-correct-reason').fill('登记时选错类型');
  await page.getByTestId('device-correct-submit').click();
  await expect(page.getByTestId('device-correct-done')).toBeVisible();
  const correction = page.getByTestId('device-event-correct');
  await expect(correction).toContainText('类型：U盘 → 光盘');
  await expect(correction).not.toContainText('usb');
});
