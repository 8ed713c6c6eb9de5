// 信息公开保密审查: what a review is (its rows, joined), where it stands, and how an item is named for 一事一审.
import type { PublicationChannel, PublicationDecision, PublicationState } from '../../domain/publication';
import { LedgerError } from '../../errors';
import { all, get, sql, type Db } from '../../store/sql';

/** A review with what followed it (null: not yet), as one row. */
export interface ReviewRow {
  id: number;
  review_no: string;
  year: number;
  title: string;
  department: string;
  channel: PublicationChannel;
  document_id: number | null;
  receipt_no: string | null;
  telegram: 0 | 1;
  content: string;
  submitted_by: string;
  item_key: string;
  opened_at: string;
  opened_by: number;
  recorded_at: string;
  recorded_by: string;
  decision: PublicationDecision | null;
  reasons: string | null;
  changes: string | null;
  decision_way: 'in_app' | 'on_the_spot' | null;
  decided_by: number | null;
  decider_name: string | null;
  decided_at: string | null;
  confirmation_note: string | null;
  confirmation_way: 'in_app' | 'on_the_spot' | null;
  confirmer_name: string | null;
  confirmed_at: string | null;
  published_at: string | null;
  place: string | null;
  headers_removed: 0 | 1 | null;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
}

/** Every review with its decision, confirmation, release and withdrawal. */
const REVIEW_SELECT = sql`
  SELECT r.*, doc.receipt_no,
         d.decision, d.reasons, d.changes, d.way AS decision_way, d.decided_by, da.display_name AS decider_name, d.decided_at,
         c.note AS confirmation_note, c.way AS confirmation_way, ca.display_name AS confirmer_name, c.confirmed_at,
         p.published_at, p.place, p.headers_removed,
         w.at AS withdrawn_at, w.reason AS withdrawal_reason
  FROM publication_reviews r
  LEFT JOIN documents doc ON doc.id = r.document_id
  LEFT JOIN publication_decisions d ON d.review_id = r.id
  LEFT JOIN accounts da ON da.id = d.decided_by
  LEFT JOIN publication_confirmations c ON c.review_id = r.id
  LEFT JOIN accounts ca ON ca.id = c.confirmed_by
  LEFT JOIN publication_releases p ON p.review_id = r.id
  LEFT JOIN publication_withdrawals w ON w.review_id = r.id`;

/** The reviews of a year (all without one), in the register's order: year, number. */
export function selectReviews(db: Db, year: number | undefined): ReviewRow[] {
  const where = year === undefined ? sql`1 = 1` : sql`r.year = ${year}`;
  return all<ReviewRow>(db, sql`${REVIEW_SELECT} WHERE ${where} ORDER BY r.year, r.seq`);
}

export function requireReview(db: Db, id: number): ReviewRow {
  const row = get<ReviewRow>(db, sql`${REVIEW_SELECT} WHERE r.id = ${id}`);
  if (!row) throw new LedgerError('E_NO_SUCH_REVIEW', { reviewId: id });
  return row;
}

/** Where a review stands, from the rows that follow it. */
export function stateOf(row: Pick<ReviewRow, 'decision' | 'confirmed_at' | 'published_at' | 'withdrawn_at'>): PublicationState {
  if (row.withdrawn_at !== null) return 'withdrawn';
  if (row.published_at !== null) return 'published';
  switch (row.decision) {
    case null:
      return 'pending';
    case 'refuse':
      return 'refused';
    case 'approve':
      return 'cleared';
    case 'approve_with_changes':
      return row.confirmed_at === null ? 'awaiting_changes' : 'cleared';
  }
}

/**
 * A review stands until it is refused or withdrawn: while it waits for its decision, or once approved (and after its
 * publication), the same item is not submitted again (一事一审).
 */
export const STANDING_STATES: readonly PublicationState[] = ['pending', 'awaiting_changes', 'cleared', 'published'];

/** Letters and digits of a title, without spaces, punctuation or case: 《年度 工作总结》 and 年度工作总结 are one item. */
function normalTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The item a review is of: the ledger document when it is one, else its title from its department; and where it goes. */
export function itemKey(item: { documentId?: number | undefined; title: string; department: string; channel: PublicationChannel }): string {
  const what = item.documentId !== undefined ? `doc:${item.documentId}` : `title:${normalTitle(item.department)}:${normalTitle(item.title)}`;
  return `${what}:${item.channel}`;
}
