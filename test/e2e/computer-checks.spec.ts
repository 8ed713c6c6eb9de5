// Computers' security fields and their check log (issue 19, seed §2, §4): a 机密 computer registered from the form
// with 违规外联监控 not installed is flagged on the overview and due for its checks (the interval set on the settings
// screen); a check dated before the computer was put into service is refused in words; checks recorded by the keyboard;
// 违规外联监控 recorded through 变更 (before → after in its history) clears the flag; the computer's 计算机检查记录 is
// saved as PDF from the preview and read with pdftotext.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { UNIT, day, expect, pickOption as pick, setUpQuickly, test, typeDay } from './fixtures';

const SHOTS = process.env.SCREENSHOTS_DIR ?? '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

/** pdftotext spaces CJK glyphs as the layout placed them; compare without the spaces. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

test('a 机密 computer without 违规外联监控 flagged, its checks recorded and due, and its 计算机检查记录 on paper', async ({ page, host }) => {
  test.setTimeout(90_000);
  await setUpQuickly(page, host.current);

  // The interval between checks, on the settings screen: 20 days.
  await page.getByTestId('menu-settings').click();
  await page.getByTestId('settings-computer-check-interval').fill('20');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('设置已保存')).toBeVisible();

  // Register a 机密 computer put into service 60 days ago: 违规外联监控 未安装, 三合一 已安装 with its version.
  await page.getByTestId('menu-secret-computers').click();
  await page.getByTestId('devices-register-button').click();
  await page.getByTestId('device-form-code').fill('JM-PC-001');
  await page.getByTestId('device-form-name').fill('保密室办公机');
  await page.getByTestId('device-form-model').fill('联想 M720');
  await page.getByTestId('device-form-serial').fill('SN-PC-001');
  await page.getByTestId('device-form-os').fill('银河麒麟 V10');
  await pick(page, 'device-form-level', '机密');
  await page.getByTestId('device-form-purpose').fill('涉密文件处理');
  await page.getByTestId('device-form-department').fill('办公室');
  await page.getByTestId('device-form-responsible').fill('王五');
  await page.getByTestId('device-form-location').fill('保密室');
  await typeDay(page, 'device-form-enabledAt', day(-60));
  await pick(page, 'device-form-monitoring', '未安装');
  await pick(page, 'device-form-threeInOne', '已安装');
  await page.getByTestId('device-form-securityProducts-add').click();
  await page.getByTestId('device-form-securityProducts-name-0').fill('三合一');
  await page.getByTestId('device-form-securityProducts-version-0').fill('V3.2');
  await page.screenshot({ path: `${SHOTS}/register-form.png` });
  await page.getByTestId('device-register-submit').click();
  await expect(page.getByTestId('device-register-form')).toHaveCount(0);
  await expect(page.getByTestId('device-monitoring-JM-PC-001')).toHaveText('未安装');

  // The overview flags it, and its checks are due (never checked, in service for 60 days > 20).
  await page.getByTestId('menu-overview').click();
  await expect(page.getByTestId('overview-unmonitored')).toContainText('在用涉密计算机未记录违规外联监控');
  await expect(page.getByTestId('reminder-computer-checks')).toContainText('1');
  await expect(page.getByTestId('reminder-computer-checks-names')).toContainText('JM-PC-001（病毒查杀从未检查、系统升级从未检查');
  await page.screenshot({ path: `${SHOTS}/overview.png`, fullPage: true });

  // Its page, opened from the flag: the fields in words.
  await page.getByTestId('overview-unmonitored-JM-PC-001').click();
  await expect(page.getByTestId('device-threeInOne')).toHaveText('已安装');
  await expect(page.getByTestId('device-securityProducts')).toHaveText('三合一 V3.2');

  // A check dated before the computer was put into service is refused in words; nothing is written.
  await page.getByTestId('computer-check-record').click();
  await expect(page.getByTestId('computer-check-kind')).toBeVisible();
  await pick(page, 'computer-check-kind', '病毒查杀');
  await page.getByTestId('computer-check-checker').fill('王芳');
  await typeDay(page, 'computer-check-at', day(-61));
  await page.getByTestId('computer-check-submit').click();
  await expect(page.getByTestId('computer-check-error')).toContainText('检查日期早于这台计算机的启用日期');
  await typeDay(page, 'computer-check-at', day(-1));
  // 发现问题 asks what was found before it is sent.
  await pick(page, 'computer-check-result', '发现问题');
  await page.getByTestId('computer-check-submit').click();
  await expect(page.getByTestId('computer-check-form')).toContainText('请输入发现的问题');
  await page.getByTestId('computer-check-problems').fill('病毒库过期三个月，已更新并全盘查杀');
  await page.getByTestId('computer-check-problems').press('Control+Enter');
  await expect(page.getByTestId('computer-check-form')).toHaveCount(0);

  // The next check by the keyboard alone: the kind focused first, Enter from field to field, Ctrl+Enter to record.
  await page.getByTestId('computer-check-record').click();
  await expect(page.getByTestId('computer-check-kind').locator('input')).toBeFocused();
  await page.keyboard.type('违规外联');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('computer-check-kind')).toContainText('违规外联检查');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('computer-check-checker')).toBeFocused();
  await page.keyboard.type('王芳');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('computer-check-form')).toHaveCount(0);
  const rows = page.getByTestId('computer-checks-table').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('违规外联检查');
  await expect(rows.nth(1)).toContainText('病毒库过期三个月');

  // 违规外联监控 recorded through 变更: the history says before and after, and the flag is gone.
  await page.getByTestId('device-action-change').click();
  await pick(page, 'device-change-monitoring', '已安装');
  await page.getByTestId('device-change-submit').click();
  await expect(page.getByTestId('device-change-form')).toHaveCount(0);
  await expect(page.getByTestId('device-monitoring')).toHaveText('已安装');
  await expect(page.getByTestId('device-history')).toContainText('违规外联监控：未安装 → 已安装');
  await page.screenshot({ path: `${SHOTS}/computer-page.png`, fullPage: true });

  // 计算机检查记录 of this computer, saved as PDF from the preview.
  await page.getByTestId('computer-check-print').click();
  const preview = page.getByTestId('print-preview');
  await expect(preview.getByTestId('print-page').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/print-preview.png` });
  const download = page.waitForEvent('download');
  await preview.getByTestId('print-pdf-button').click();
  const path = `${SHOTS}/computer-checks.pdf`;
  await (await download).saveAs(path);
  const raw = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  const text = squeeze(raw);
  expect(raw.trimStart().startsWith('机密')).toBe(true);
  expect(text).toContain(`${UNIT}计算机检查记录`);
  expect(text).toContain('计算机编号：JM-PC-001');
  for (const column of ['序号', '日期', '计算机编号', '名称', '密级', '检查类型', '检查人', '检查结果', '发现问题', '登记人']) expect(text).toContain(column);
  for (const cell of [day(-1), 'JM-PC-001', '保密室办公机', '病毒查杀', '违规外联检查', '王芳', '正常', '病毒库过期']) expect(text).toContain(cell);
  expect(text).toContain('第1页共1页');
  expect(text).toMatch(/审计链#\d+[0-9a-f]{6}/);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path, `${SHOTS}/computer-checks`]);
  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);

  // The 涉密计算机登记备案表 carries the three columns on paper.
  await page.getByTestId('device-back').click();
  await page.getByTestId('devices-print').click();
  await expect(preview.getByTestId('print-page').first()).toBeVisible();
  const registerDownload = page.waitForEvent('download');
  await preview.getByTestId('print-pdf-button').click();
  const registerPath = `${SHOTS}/secret-computers.pdf`;
  await (await registerDownload).saveAs(registerPath);
  const register = squeeze(execFileSync('pdftotext', ['-layout', registerPath, '-'], { encoding: 'utf8' }));
  // Headings wrap in their cells (pdftotext reads a row's lines side by side): the words that stay whole are checked.
  for (const cell of ['涉密计算机登记备案表', '三合一', '在用已安装已安装三合一V3.2', '第1页共1页']) expect(register).toContain(cell);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', registerPath, `${SHOTS}/secret-computers`]);
  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);

  // Checked today of two kinds, still due for the other two; the flag is gone from the overview.
  await page.getByTestId('menu-overview').click();
  await expect(page.getByTestId('overview-unmonitored')).toHaveCount(0);
  await expect(page.getByTestId('reminder-computer-checks-names')).toContainText('JM-PC-001（系统升级从未检查、保密检查从未检查）');

  // What the virus scan found is rectified as a finding naming that check: 登记整改 opens 登记问题 with it.
  await page.getByTestId('menu-secret-computers').click();
  await page.getByTestId('device-open-JM-PC-001').click();
  const found = page.getByTestId('computer-checks-table').locator('[data-testid^="computer-check-finding-"]');
  await expect(found).toHaveCount(1);
  await found.click();
  const form = page.getByTestId('findings-register-form');
  await expect(form).toBeVisible();
  await expect(page.getByTestId('findings-register-description')).toHaveValue('病毒库过期三个月，已更新并全盘查杀');
  await expect(page.getByTestId('findings-register-computer')).toContainText('JM-PC-001');
  await page.getByTestId('findings-register-place').fill('办公室 保密室');
  await page.getByTestId('findings-register-owner').fill('王五');
  await page.mouse.move(0, 0);
  await page.getByTestId('findings-register-deadline').fill(day(7));
  await page.getByTestId('findings-register-deadline').press('Tab');
  await page.getByTestId('findings-register-measures').fill('设置病毒库每周更新，检查人复核');
  await page.keyboard.press('Control+Enter');
  await expect(form).toHaveCount(0);
  const finding = page.getByTestId('findings-list').locator('tbody tr.ant-table-row');
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText(`计算机检查 JM-PC-001（${day(-1)} 病毒查杀）`);
});
