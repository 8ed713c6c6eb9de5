// 信息公开保密审查登记表: the publication review register as a sheet, so it prints (A4 landscape, marking, 第 N 页 共 M 页,
// the audit head) and exports like every register. One row per review, in the order of its numbers: the item, who
// submitted it, the decision with its reasons and what had to change, the approver who gave it and how, and what
// became of it. The marking is that of the most secret ledger document still classified a review names.
import { z } from 'zod';
import type { Level } from '../../domain/levels';
import {
  HEADERS_REMOVED_TERM,
  PUBLICATION_CHANNEL_TERMS,
  PUBLICATION_DECISION_TERMS,
  PUBLICATION_STATE_TERMS,
  PUBLICATION_STATES,
  PUBLICATION_WAY_TERMS,
} from '../../domain/publication';
import { CARRIER_TERMS, say, type Language } from '../../domain/terms';
import { all, sql, type Db } from '../../store/sql';
import { listReviews, type ReviewView } from '../publication/queries';
import type { LabelKey } from './labels';
import { day, type Draft } from './sheets';

export const publicationReviewsSheetFilters = z
  .object({ year: z.number().int().min(1949).max(2200).optional(), state: z.enum(PUBLICATION_STATES).optional() })
  .strict();
type PublicationReviewsSheetFilters = z.output<typeof publicationReviewsSheetFilters>;

const paren = (text: string, l: Language) => (l === 'en' ? ` (${text})` : `（${text}）`);
const sep = (l: Language) => (l === 'en' ? '; ' : '；');

/** The item: its title, with the ledger document's 收文编号 and, for a telegram, that it is one. */
function itemText(r: ReviewView, l: Language): string {
  const notes = [...(r.receiptNo ? [r.receiptNo] : []), ...(r.telegram ? [say(CARRIER_TERMS.telegram, l)] : [])];
  return notes.length ? r.title + paren(notes.join(l === 'en' ? ', ' : '，'), l) : r.title;
}

/** The reasons, what had to change, and the changes confirmed (by whom). */
function reasonsText(r: ReviewView, l: Language): string {
  if (!r.decision) return '';
  const parts = [r.decision.reasons];
  if (r.decision.changes) parts.push((l === 'en' ? 'To change: ' : '须修改：') + r.decision.changes);
  if (r.confirmation) {
    const who = `${r.confirmation.by} ${day(r.confirmation.at)}`;
    parts.push((l === 'en' ? 'Changes made: ' : '已修改：') + r.confirmation.note + paren(l === 'en' ? `confirmed by ${who}` : `${who} 确认`, l));
  }
  return parts.filter(Boolean).join(sep(l));
}

/** What became of it: published (when, where; a telegram's headers removed), withdrawn (why), or where it stands. */
function outcomeText(r: ReviewView, l: Language): string {
  if (r.publication) {
    const headers = r.telegram && r.publication.headersRemoved ? sep(l) + say(HEADERS_REMOVED_TERM, l) : '';
    return `${say(PUBLICATION_STATE_TERMS.published, l)} ${day(r.publication.at)} ${r.publication.place}${headers}`;
  }
  if (r.withdrawal) return `${say(PUBLICATION_STATE_TERMS.withdrawn, l)} ${day(r.withdrawal.at)}${paren(r.withdrawal.reason, l)}`;
  return say(PUBLICATION_STATE_TERMS[r.state], l);
}

/** The levels of the ledger documents the reviews name that are still classified. */
function levelsOf(db: Db, reviews: readonly ReviewView[]): Level[] {
  const ids = reviews.flatMap((r) => (r.documentId === null ? [] : [r.documentId]));
  if (!ids.length) return [];
  return all<{ level: Level }>(db, sql`SELECT level FROM documents WHERE declassified = 0 AND id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`).map(
    (d) => d.level,
  );
}

export function publicationReviewsDraft(db: Db, f: PublicationReviewsSheetFilters, language: Language): Draft {
  const l = language;
  const reviews = listReviews(db, f);
  const filters: [LabelKey, string][] = [];
  if (f.state) filters.push(['pubState', say(PUBLICATION_STATE_TERMS[f.state], l)]);
  return {
    columns: [
      ['seq', 2],
      ['pubReviewNo', 5],
      ['pubOpenedAt', 4],
      ['pubTitle', 9],
      ['pubDepartment', 4],
      ['pubSubmittedBy', 3],
      ['pubChannel', 4],
      ['pubVerdict', 4],
      ['pubReasons', 9],
      ['pubReviewer', 6],
      ['pubDecidedAt', 4],
      ['pubOutcome', 7],
    ],
    rows: reviews.map((r, i) => [
      i + 1,
      r.reviewNo,
      day(r.openedAt),
      itemText(r, l),
      r.department,
      r.submittedBy,
      say(PUBLICATION_CHANNEL_TERMS[r.channel], l),
      r.decision ? say(PUBLICATION_DECISION_TERMS[r.decision.verdict], l) : '',
      reasonsText(r, l),
      r.decision ? r.decision.by + paren(say(PUBLICATION_WAY_TERMS[r.decision.way], l), l) : '',
      r.decision ? day(r.decision.at) : '',
      outcomeText(r, l),
    ]),
    levels: levelsOf(db, reviews),
    filters,
  };
}
