// Markings on the entry form (issue 13): a declassification condition is lawful free text, but it never lapses by
// itself, and the form says so while it is typed.
import { expect, invoke, setUpQuickly, test } from './fixtures';

test('a marking with a declassification condition warns that a review must decide; a period does not', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  expect((await invoke(page, 'locations.create', { code: 'G-01', name: '保密柜一', maxLevel: 'secret' })).ok).toBe(true);
  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-receive-button').click();
  await page.getByTestId('register-marking').fill('秘密★会议结束后');
  await expect(page.getByTestId('register-marking-parsed')).toContainText('解密条件：会议结束后');
  await expect(page.getByTestId('register-marking-parsed-review')).toHaveText(/解密条件不会自行到期.*定密审查人工确认/);
  await page.screenshot({ path: test.info().outputPath('condition.png') });
  await page.getByTestId('register-marking').fill('秘密★10年');
  await expect(page.getByTestId('register-marking-parsed')).toContainText('保密期限 10 年');
  await expect(page.getByTestId('register-marking-parsed-review')).toHaveCount(0);
});
