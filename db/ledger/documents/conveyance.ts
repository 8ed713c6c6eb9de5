// 传达 and 公开 of a document (seed §1): its conveyance plan (range within the 知悉范围, manner, the secrecy discipline
// stated), each conveyance (when, by whom, to whom within the plan, how many attended), and its publication plan
// (what may be published, from when, how, by whose decision) and its carrying out. Plans are numbered versions: a
// change is the next version, never an UPDATE. Every step is also an event of the item, so its 流转记录 and the
// printed history show it. Each function checks everything before it writes (inside the command's transaction).
import type { ConveyanceManner, ConveyancePerson, PublicationExtent } from '../../domain/conveyance';
import { inScope } from '../../domain/receipt';
import { LedgerError } from '../../errors';
import { all, get, run, sql, type Db } from '../../store/sql';
import type { ApproverRow } from '../approvals/use';
import { assertNotDeparted } from '../devices/people';
import { dayOfTime, insertEvent, requireDocument, type DocumentRow, type Recorder } from './model';

/** A document a plan or a conveyance may concern: registered, not voided, and still held by the unit. */
function requireHeld(db: Db, documentId: number): DocumentRow {
  const doc = requireDocument(db, documentId);
  if (doc.voided_at !== null) throw new LedgerError('E_VOIDED', { receiptNo: doc.receipt_no });
  if (doc.held_copies === 0) throw new LedgerError('E_DOCUMENT_NOT_HELD', { receiptNo: doc.receipt_no });
  return doc;
}

/** Each person or department once, trimmed; a department given for a department is dropped. */
function people(list: readonly ConveyancePerson[]): ConveyancePerson[] {
  const seen = new Set<string>();
  const out: ConveyancePerson[] = [];
  for (const p of list) {
    const name = p.name.trim();
    const department = p.department?.trim() || undefined;
    const key = `${name}\u0000${department ?? ''}`;
    if (!name || seen.has(key)) continue;
    seen.add(key);
    out.push(department ? { name, department } : { name });
  }
  return out;
}

const named = (p: ConveyancePerson) => (p.department ? `${p.name}（${p.department}）` : p.name);

export interface ConveyancePlanRow {
  id: number;
  document_id: number;
  version: number;
  range: string;
  manner: ConveyanceManner;
  discipline: string;
  at: string;
  event_id: number;
  recorded_at: string;
  recorded_by: string;
}

/** The plan in force: the latest version, or none. */
function currentConveyancePlan(db: Db, documentId: number): ConveyancePlanRow | undefined {
  return get<ConveyancePlanRow>(db, sql`SELECT * FROM conveyance_plans WHERE document_id = ${documentId} ORDER BY version DESC LIMIT 1`);
}

/**
 * 传达方案: to whom (people or departments, each within the document's 知悉范围: a conveyance never widens it), how
 * (会议传达 / 个别传达 / 阅件) and the secrecy discipline stated to them. A later plan is the next version.
 */
export function planConveyance(
  rec: Recorder,
  input: { documentId: number; range: ConveyancePerson[]; manner: ConveyanceManner; discipline: string; at: string },
): { planId: number; version: number } {
  const doc = requireHeld(rec.db, input.documentId);
  const range = people(input.range);
  const scope = JSON.parse(doc.scope) as string[];
  const outside = range.filter((p) => !inScope(scope, p));
  if (outside.length) throw new LedgerError('E_CONVEYANCE_SCOPE', { rule: 'scope', receiptNo: doc.receipt_no, outside: outside.map(named) });
  assertNotDeparted(
    rec.db,
    range.map((p) => p.name),
    'scope',
  );
  const discipline = input.discipline.trim();
  const version = (currentConveyancePlan(rec.db, doc.id)?.version ?? 0) + 1;
  const eventId = insertEvent(rec, {
    documentId: doc.id,
    kind: 'conveyance_plan',
    at: input.at,
    details: { version, range, manner: input.manner, discipline },
  });
  const planId = Number(
    run(
      rec.db,
      sql`INSERT INTO conveyance_plans (document_id, version, range, manner, discipline, at, event_id, recorded_at, recorded_by)
          VALUES (${doc.id}, ${version}, ${JSON.stringify(range)}, ${input.manner}, ${discipline}, ${input.at}, ${eventId}, ${rec.now}, ${rec.actor})`,
    ).lastInsertRowid,
  );
  return { planId, version };
}

/**
 * 传达: by whom, to whom (each within the plan in force), how many attended; not before the plan nor the
 * registration, never in the future (the command's `at`), for a document still held.
 */
export function recordConveyance(
  rec: Recorder,
  input: { documentId: number; conveyor: string; audience: ConveyancePerson[]; attended: number; at: string },
): { eventId: number } {
  const doc = requireHeld(rec.db, input.documentId);
  const plan = currentConveyancePlan(rec.db, doc.id);
  if (!plan) throw new LedgerError('E_NO_PLAN', { receiptNo: doc.receipt_no, plan: 'conveyance' });
  const audience = people(input.audience);
  const range = (JSON.parse(plan.range) as ConveyancePerson[]).map((p) => p.name);
  const outside = audience.filter((p) => !inScope(range, p));
  if (outside.length) throw new LedgerError('E_CONVEYANCE_SCOPE', { rule: 'plan', receiptNo: doc.receipt_no, outside: outside.map(named) });
  assertNotDeparted(
    rec.db,
    audience.map((p) => p.name),
    'scope',
  );
  if (dayOfTime(input.at) < dayOfTime(plan.at)) throw new LedgerError('E_DATE_ORDER', { rule: 'before_plan', at: input.at, earliest: plan.at });
  const conveyor = input.conveyor.trim();
  const eventId = insertEvent(rec, {
    documentId: doc.id,
    kind: 'convey',
    at: input.at,
    counterpart: audience.map(named).join('、'),
    details: { planId: plan.id, planVersion: plan.version, manner: plan.manner, conveyor, audience, attended: input.attended },
  });
  return { eventId };
}

/** Whose decision a publication plan records. */
export type PublicationDecision = { way: 'external'; body: string; docNo: string; date: string } | { way: 'on_the_spot'; approverId: number; password: string };

export interface PublicationPlanRow {
  id: number;
  document_id: number;
  version: number;
  extent: PublicationExtent;
  content: string;
  publish_from: string;
  channel: string;
  decision_way: 'external' | 'on_the_spot';
  decided_by: number | null;
  decider: string;
  decision_doc_no: string | null;
  decided_on: string;
  at: string;
  event_id: number;
  recorded_at: string;
  recorded_by: string;
}

function currentPublicationPlan(db: Db, documentId: number): (PublicationPlanRow & { done_at: string | null }) | undefined {
  return get<PublicationPlanRow & { done_at: string | null }>(
    db,
    sql`SELECT p.*, d.at AS done_at FROM publication_plans p LEFT JOIN publication_done d ON d.plan_id = p.id
        WHERE p.document_id = ${documentId} ORDER BY p.version DESC LIMIT 1`,
  );
}

/**
 * 公开方案 (可以部分公开或者一段时间后公开): what may be published, from which day, how, by whose decision. A received
 * document's is its originator's (their decision's 文号); the unit's own document is decided by its approver,
 * countersigning on the spot with their own password (`sign`), or by a decision from above. Never a typed name.
 */
export function planPublication(
  rec: Recorder,
  input: {
    documentId: number;
    extent: PublicationExtent;
    content: string;
    publishFrom: string;
    channel: string;
    decision?: PublicationDecision | undefined;
    at: string;
  },
  sign: (approverId: number, password: string) => ApproverRow,
  today: string,
): { planId: number; version: number; decider: string } {
  const doc = requireDocument(rec.db, input.documentId);
  if (doc.voided_at !== null) throw new LedgerError('E_VOIDED', { receiptNo: doc.receipt_no });
  if (doc.origin === 'received' && input.decision?.way !== 'external')
    throw new LedgerError('E_PUBLICATION_DECISION', { receiptNo: doc.receipt_no, rule: 'originator' });
  if (!input.decision) throw new LedgerError('E_PUBLICATION_DECISION', { receiptNo: doc.receipt_no, rule: 'approver' });
  let decision: { by: number | null; decider: string; docNo: string | null; on: string };
  if (input.decision.way === 'external') {
    if (input.decision.date > today) throw new LedgerError('E_VALIDATION', { field: 'at' });
    decision = { by: null, decider: input.decision.body.trim(), docNo: input.decision.docNo.trim(), on: input.decision.date };
  } else {
    const approver = sign(input.decision.approverId, input.decision.password);
    // A countersignature given today decides today: it does not approve a plan dated earlier.
    if (dayOfTime(input.at) < today) throw new LedgerError('E_DATE_ORDER', { rule: 'before_approval', at: dayOfTime(input.at), earliest: today });
    decision = { by: approver.id, decider: approver.displayName, docNo: null, on: today };
  }
  if (input.publishFrom < decision.on) throw new LedgerError('E_DATE_ORDER', { rule: 'before_decision', at: input.publishFrom, earliest: decision.on });
  const version = (currentPublicationPlan(rec.db, doc.id)?.version ?? 0) + 1;
  const content = input.content.trim();
  const channel = input.channel.trim();
  const eventId = insertEvent(rec, {
    documentId: doc.id,
    kind: 'publication_plan',
    at: input.at,
    approver: decision.decider,
    details: {
      version,
      extent: input.extent,
      content,
      publishFrom: input.publishFrom,
      channel,
      decision: { way: input.decision.way, docNo: decision.docNo, date: decision.on },
    },
  });
  const planId = Number(
    run(
      rec.db,
      sql`INSERT INTO publication_plans (document_id, version, extent, content, publish_from, channel, decision_way, decided_by, decider, decision_doc_no, decided_on,
                                         at, event_id, recorded_at, recorded_by)
          VALUES (${doc.id}, ${version}, ${input.extent}, ${content}, ${input.publishFrom}, ${channel}, ${input.decision.way}, ${decision.by}, ${decision.decider},
                  ${decision.docNo}, ${decision.on}, ${input.at}, ${eventId}, ${rec.now}, ${rec.actor})`,
    ).lastInsertRowid,
  );
  return { planId, version, decider: decision.decider };
}

/**
 * 先审查后公开 for a ledger document, called as its publication review is recorded as published: a document not
 * declassified is published only as its 公开方案 in force allows (one is recorded, its day has come, not carried out
 * yet), and that publication carries the plan out (已公开, an event of the item naming the review). A declassified
 * document needs no plan; one due is carried out all the same. Nothing here is recorded by hand.
 */
export function carryOutPublication(rec: Recorder, input: { documentId: number; reviewId: number; reference: string; at: string }): void {
  const doc = requireDocument(rec.db, input.documentId);
  if (doc.voided_at !== null) throw new LedgerError('E_VOIDED', { receiptNo: doc.receipt_no });
  const plan = currentPublicationPlan(rec.db, doc.id);
  const due = plan && plan.done_at === null && plan.publish_from <= dayOfTime(input.at) ? plan : undefined;
  if (!doc.declassified) {
    if (!plan) throw new LedgerError('E_NO_PLAN', { receiptNo: doc.receipt_no, plan: 'publication' });
    if (plan.done_at !== null) throw new LedgerError('E_PUBLICATION_DONE', { receiptNo: doc.receipt_no, at: dayOfTime(plan.done_at) });
    if (!due) throw new LedgerError('E_DATE_ORDER', { rule: 'before_publish_from', at: dayOfTime(input.at), earliest: plan.publish_from });
  }
  if (!due) return;
  const eventId = insertEvent(rec, {
    documentId: doc.id,
    kind: 'publication_done',
    at: input.at,
    details: { planId: due.id, planVersion: due.version, reference: input.reference, channel: due.channel },
  });
  run(
    rec.db,
    sql`INSERT INTO publication_done (plan_id, review_id, at, reference, event_id, recorded_at, recorded_by)
        VALUES (${due.id}, ${input.reviewId}, ${input.at}, ${input.reference}, ${eventId}, ${rec.now}, ${rec.actor})`,
  );
}

/** The 公开方案 in force whose day has come and that is not carried out (the publicationDue reminder), as an item filter. */
export const publicationDueIds = (today: string): ReturnType<typeof sql> =>
  sql`SELECT p.document_id FROM publication_plans p
      WHERE p.publish_from <= ${today}
        AND p.version = (SELECT max(q.version) FROM publication_plans q WHERE q.document_id = p.document_id)
        AND NOT EXISTS (SELECT 1 FROM publication_done x WHERE x.plan_id = p.id)`;

export interface ConveyanceView {
  conveyancePlans: {
    version: number;
    range: ConveyancePerson[];
    manner: ConveyanceManner;
    discipline: string;
    at: string;
    recordedBy: string;
  }[];
  publicationPlans: {
    version: number;
    extent: PublicationExtent;
    content: string;
    publishFrom: string;
    channel: string;
    decisionWay: 'external' | 'on_the_spot';
    decider: string;
    decisionDocNo: string | null;
    decidedOn: string;
    at: string;
    doneAt: string | null;
    doneReference: string | null;
  }[];
  /** The conveyances, newest first. */
  conveyances: { eventId: number; at: string; conveyor: string; audience: ConveyancePerson[]; attended: number; planVersion: number }[];
}

/** A document's plans (every version, newest first) and its conveyances: what its page shows. */
export function conveyanceOf(db: Db, documentId: number): ConveyanceView {
  requireDocument(db, documentId);
  const plans = all<ConveyancePlanRow & { recorder: string }>(
    db,
    sql`SELECT p.*, coalesce(a.display_name, p.recorded_by) AS recorder FROM conveyance_plans p LEFT JOIN accounts a ON a.username = p.recorded_by
        WHERE p.document_id = ${documentId} ORDER BY p.version DESC`,
  );
  const publications = all<PublicationPlanRow & { done_at: string | null; done_reference: string | null }>(
    db,
    sql`SELECT p.*, d.at AS done_at, d.reference AS done_reference FROM publication_plans p LEFT JOIN publication_done d ON d.plan_id = p.id
        WHERE p.document_id = ${documentId} ORDER BY p.version DESC`,
  );
  const events = all<{ id: number; at: string; details: string }>(
    db,
    sql`SELECT id, at, details FROM events WHERE document_id = ${documentId} AND kind = 'convey' ORDER BY at DESC, id DESC`,
  );
  return {
    conveyancePlans: plans.map((p) => ({
      version: p.version,
      range: JSON.parse(p.range) as ConveyancePerson[],
      manner: p.manner,
      discipline: p.discipline,
      at: p.at,
      recordedBy: p.recorder,
    })),
    publicationPlans: publications.map((p) => ({
      version: p.version,
      extent: p.extent,
      content: p.content,
      publishFrom: p.publish_from,
      channel: p.channel,
      decisionWay: p.decision_way,
      decider: p.decider,
      decisionDocNo: p.decision_doc_no,
      decidedOn: p.decided_on,
      at: p.at,
      doneAt: p.done_at,
      doneReference: p.done_reference,
    })),
    conveyances: events.map((e) => {
      const d = JSON.parse(e.details) as { conveyor: string; audience: ConveyancePerson[]; attended: number; planVersion: number };
      return { eventId: e.id, at: e.at, conveyor: d.conveyor, audience: d.audience, attended: d.attended, planVersion: d.planVersion };
    }),
  };
}
