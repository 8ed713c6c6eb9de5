// Markings the law allows (issue 13), through documents.receive and documents.changeMarking on a real ledger: a
// declassification date past the level's longest period is refused with the limit, and an item whose marking is a
// condition says so (needsManualReview) in the reply, the list and the item, for the screen to warn.
import { describe, expect, it } from 'vitest';
import { makeLedger, ok, refused } from '../../testing';
import { external } from '../approvals/fixture';
import type { DocumentDetail, DocumentListItem } from '../../views';
import { receiveInput } from './fixture';

function ledger() {
  const t = makeLedger();
  const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  return { t, cab };
}

describe('markings of received documents', () => {
  it('a declassification date later than the longest period of its level from the issue date is refused, with the limit', () => {
    const { t, cab } = ledger();
    expect(refused(t.service, 'documents.receive', receiveInput(cab, { marking: '秘密★2037年1月1日', issueDate: '2026-11-02' }))).toMatchObject({
      code: 'E_BAD_MARKING',
      details: { reason: 'over_maximum', max: 10 },
      message: expect.stringContaining('“秘密★2037年1月1日”'),
    });
    const id = ok<DocumentDetail>(t.service, 'documents.receive', receiveInput(cab, { marking: '秘密★2036年11月2日', issueDate: '2026-11-02' })).id;
    expect(
      refused(t.service, 'documents.changeMarking', { documentId: id, marking: '机密★2047年1月1日', approval: external('省局', '鲁保函〔2026〕9号') }).details,
    ).toMatchObject({ reason: 'over_maximum', max: 20 });
  });

  it('永久 is refused; a condition is registered and flagged for manual review', () => {
    const { t, cab } = ledger();
    expect(refused(t.service, 'documents.receive', receiveInput(cab, { marking: '机密★永久' })).details).toMatchObject({ reason: 'not_legal_term' });
    const reply = ok<DocumentDetail>(t.service, 'documents.receive', receiveInput(cab, { marking: '机密★项目验收完成后' }));
    expect(reply).toMatchObject({ marking: '机密★项目验收完成后', secrecyEnd: null, needsManualReview: true });
    const plain = ok<DocumentDetail>(t.service, 'documents.receive', receiveInput(cab, { marking: '机密★10年' }));
    expect(plain.needsManualReview).toBe(false);
    const list = ok<{ rows: DocumentListItem[] }>(t.service, 'documents.list', {});
    expect(list.rows.map((r) => [r.marking, r.needsManualReview])).toEqual(
      expect.arrayContaining([
        ['机密★项目验收完成后', true],
        ['机密★10年', false],
      ]),
    );
  });
});
