// Labels as print.prepare lays them out on real ledgers: every held copy of an item when no 份号 is named, in copy
// order; devices and cabinets by their codes; never a title, whatever the title; refused beyond the limits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LABEL_PRESETS, type LabelLayout } from '../../domain/labels';
import { makeLedger, ok, refused } from '../../testing';
import type { CodeLookupView, DocumentDetail, LocationView } from '../../views';
import { receiveInput } from '../documents/fixture';
import { computerInput, mediumInput } from '../devices/fixture';
import type { LabelsPayload, PrintRequest } from '../print/commands';

const SHEET: LabelLayout = { kind: 'sheet', preset: '3x8', ...LABEL_PRESETS['3x8'] };

function ledger() {
  const t = makeLedger();
  const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  const receive = (over: Record<string, unknown>) =>
    ok<DocumentDetail>(t.service, 'documents.receive', receiveInput(cab, { receivedAt: '2026-11-20', ...over }));
  const labels = (items: Extract<PrintRequest, { kind: 'labels' }>['items'], layout: LabelLayout = SHEET, language?: 'zh-CN' | 'en') =>
    ok<LabelsPayload>(t.service, 'print.prepare', { request: { kind: 'labels', items, layout, ...(language ? { language } : {}) } }).document;
  const refusal = (items: unknown, layout: unknown = SHEET) => refused(t.service, 'print.prepare', { request: { kind: 'labels', items, layout } });
  return { t, cab, receive, labels, refusal };
}

describe('labels of copies', () => {
  it('prints every copy still held when no 份号 is named, in copy order; a 秘密 copy with its 收文编号 and 份号, a 机密 one bare', () => {
    const { t, receive, labels } = ledger();
    const plain = receive({ marking: '秘密★5年', copies: 4 });
    ok(t.service, 'documents.lend', { documentId: plain.id, copyNos: [2], borrower: { name: '王芳' }, dueAt: '2026-12-10', at: '2026-11-24' });
    ok(t.service, 'documents.returnToIssuer', {
      items: [{ documentId: plain.id, copyNos: [3] }],
      toUnit: '省国家保密局',
      returner: '李明',
      receiver: '赵强',
      at: '2026-11-25',
    });
    const secret = receive({ marking: '机密★10年', copies: 2 });
    const document = labels({ copies: [{ documentId: plain.id }, { documentId: secret.id, copyNos: [2] }] });
    expect(document).toMatchObject({ kind: 'labels', title: '标签', layout: SHEET });
    const code = (d: DocumentDetail, copyNo: number) => d.copyList.find((c) => c.copyNo === copyNo)!.labelCode;
    expect(document.labels).toEqual([
      { code: code(plain, 1), level: 'confidential', levelText: '秘密', lines: [`收文编号 ${plain.receiptNo}`, '份号 0001'] },
      // On loan is still held; returned to the issuer is not.
      { code: code(plain, 2), level: 'confidential', levelText: '秘密', lines: [`收文编号 ${plain.receiptNo}`, '份号 0002'] },
      { code: code(plain, 4), level: 'confidential', levelText: '秘密', lines: [`收文编号 ${plain.receiptNo}`, '份号 0004'] },
      { code: code(secret, 2), level: 'secret', levelText: '机密', lines: [] },
    ]);
  });

  it('never puts a title on a label, whatever the title (any document, any level, any language)', () => {
    const { t, receive, labels } = ledger();
    const topSecret = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-09', name: '绝密专柜', maxLevel: 'top_secret', keeper: '李明' }).id;
    fc.assert(
      fc.property(
        fc.string({ minLength: 2, maxLength: 40, unit: 'grapheme' }).filter((s) => s.trim().length >= 2),
        fc.constantFrom('绝密★长期', '机密★10年', '秘密★5年', '内部'),
        fc.constantFrom('zh-CN' as const, 'en' as const),
        (text, marking, language) => {
          // A mark that no label word holds: its appearing anywhere would be the title's.
          const title = `题${text.trim()}`;
          const d = receive({ title, marking, copies: 2, ...(marking.startsWith('绝密') ? { locationId: topSecret } : {}) });
          const printed = labels({ copies: [{ documentId: d.id }] }, SHEET, language);
          expect(printed.labels).toHaveLength(2);
          expect(JSON.stringify(printed)).not.toContain('题');
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('labels of devices and cabinets', () => {
  it('a device by its 设备编号 (bare when 机密), a cabinet by its name and number; each code reads back as its item', () => {
    const { t, cab, labels } = ledger();
    const pc = ok<{ id: number }>(t.service, 'computers.register', computerInput(1, { level: 'confidential' })).id;
    const usb = ok<{ id: number }>(t.service, 'media.register', mediumInput(1, { level: 'secret' })).id;
    const document = labels({
      devices: [
        { device: 'computer', id: pc },
        { device: 'medium', id: usb },
      ],
      cabinets: [cab],
    });
    expect(document.labels.map(({ level, lines }) => ({ level, lines }))).toEqual([
      { level: 'confidential', lines: ['设备编号 BM-JSJ-1'] },
      { level: 'secret', lines: [] },
      { level: 'secret', lines: ['一号保密柜', '保密柜编号 BMG-01'] },
    ]);
    const found = document.labels.map((l) => ok<CodeLookupView>(t.service, 'codes.lookup', { code: l.code }));
    expect(found.map((f) => [f.kind, f.kind === 'cabinet' ? f.cabinet.id : f.kind === 'copy' ? f.copy.copyId : f.device.id])).toEqual([
      ['computer', pc],
      ['medium', usb],
      ['cabinet', cab],
    ]);
    expect(ok<LocationView[]>(t.service, 'locations.list')[0]!.labelCode).toBe(document.labels[2]!.code);
  });
});

describe('what a label print refuses', () => {
  it('a custom grid that does not fit on A4, by the layout field; a named preset is printed with its own sizes', () => {
    const { cab, labels, refusal } = ledger();
    const tooWide = { kind: 'sheet', preset: 'custom', ...LABEL_PRESETS['3x8'], marginLeftMm: 5 };
    expect(refusal({ cabinets: [cab] }, tooWide)).toMatchObject({ code: 'E_VALIDATION', details: { field: 'layout' } });
    expect(labels({ cabinets: [cab] }, { ...tooWide, preset: '3x8' } as LabelLayout).layout).toEqual(SHEET);
    expect(refusal({ cabinets: [cab] }, { kind: 'single', widthMm: 5, heightMm: 5 }).code).toBe('E_VALIDATION');
  });

  it('more than 5,000 labels in one request, by the labels field; nothing to label, by the items field', () => {
    const { t, receive, labels, refusal } = ledger();
    const d = receive({ marking: '秘密★5年', copies: 999 });
    const five = Array.from({ length: 5 }, () => ({ documentId: d.id }));
    expect(labels({ copies: [...five, { documentId: d.id, copyNos: [1, 2, 3, 4, 5] }] }).labels).toHaveLength(5000);
    expect(refusal({ copies: [...five, { documentId: d.id, copyNos: [1, 2, 3, 4, 5, 6] }] })).toMatchObject({
      code: 'E_VALIDATION',
      details: { field: 'labels' },
    });
    ok(t.service, 'documents.returnToIssuer', {
      items: [{ documentId: d.id, copyNos: Array.from({ length: 999 }, (_, i) => i + 1) }],
      toUnit: '省国家保密局',
      returner: '李明',
      receiver: '赵强',
      at: '2026-11-25',
    });
    expect(refusal({ copies: [{ documentId: d.id }] })).toMatchObject({ code: 'E_VALIDATION', details: { field: 'items' } });
    expect(refusal({})).toMatchObject({ code: 'E_VALIDATION', details: { field: 'items' } });
  });

  it('an item, a 份号, a device or a cabinet the ledger does not have', () => {
    const { receive, refusal } = ledger();
    const d = receive({});
    expect(refusal({ copies: [{ documentId: 999 }] }).code).toBe('E_NO_SUCH_DOCUMENT');
    expect(refusal({ copies: [{ documentId: d.id, copyNos: [7] }] })).toMatchObject({ code: 'E_NO_SUCH_COPY', details: { copyNos: [7] } });
    expect(refusal({ devices: [{ device: 'medium', id: 999 }] }).code).toBe('E_NO_SUCH_DEVICE');
    expect(refusal({ cabinets: [999] }).code).toBe('E_NO_SUCH_LOCATION');
  });
});
