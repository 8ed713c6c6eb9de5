// Test fixture for the document register tests: the input of a received document (a 机密 notice in three copies),
// varied per test by `over`. Used by tests only. Each call has a 文号 of its own unless `over` gives one: the same
// 文号 and 份号 from one unit is registered only once.
let issued = 11;
export const receiveInput = (locationId: number, over: Record<string, unknown> = {}) => ({
  docNumber: `鲁保发〔2026〕${++issued}号`,
  title: '关于开展年度保密自查自评工作的通知',
  originUnit: '省国家保密局',
  marking: '机密★10年',
  issueDate: '2026-11-02',
  scope: ['办公室', '王芳'],
  copies: 3,
  locationId,
  signedBy: '李明',
  ...over,
});
