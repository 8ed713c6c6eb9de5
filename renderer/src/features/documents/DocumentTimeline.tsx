// One item's history: every registered step in order, with who, when, which copies and under which approval.
import type { ReactNode } from 'react';
import { Button, Flex, Tag, Timeline, Typography, type TimelineProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentEventView } from '../../../../preload/contract';
import { CONDITIONS, DESTROY_METHODS, batchFormOf, isEventKind, type EventKind } from './documents';
import { APPROVAL_WAYS } from '../../../../db/domain/approvals';
import { DOCUMENT_CORRECTED_FIELDS } from '../../../../db/domain/corrections';
import { compressCopyNos, formatCopyNo } from '../../../../db/domain/copies';
import { formatAt } from '../../ui/format';
import { useLedger } from '../../store';
import type { TFunction } from '../../i18n';
import type { Language } from '../../../../db/domain/terms';
import { conveyanceFacts } from './ConveyanceFacts';

const KIND_COLORS: Record<EventKind, string> = {
  receive: 'blue',
  produce: 'blue',
  lend: 'orange',
  return_loan: 'green',
  transmit: 'purple',
  forward: 'purple',
  receipt_confirmed: 'green',
  move: 'gray',
  copy: 'orange',
  return_to_issuer: 'gray',
  destroy: 'red',
  change_marking: 'orange',
  declassify: 'green',
  review: 'blue',
  inventory: 'gray',
  found: 'green',
  reported_lost: 'red',
  handover: 'gray',
  correct: 'orange',
  void: 'red',
  conveyance_plan: 'blue',
  convey: 'cyan',
  publication_plan: 'blue',
  publication_done: 'green',
};

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null);
const numbers = (v: unknown): number[] => (Array.isArray(v) ? v.filter((n): n is number => typeof n === 'number') : []);
const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** The facts of one event as label–value pairs, in the order a register lists them. */
function eventFacts(e: DocumentEventView, all: readonly DocumentEventView[], t: TFunction, language: Language): [string, string | null][] {
  const d = e.details;
  const yes = t('common.yes');
  const copies = (nos: readonly number[]) => compressCopyNos(nos, t('eventFields.copyJoin'));
  const approval = record(d['approval']);
  const approvalRef = text(approval['reference']);
  // How the approval was given (当面审批, 系统内审批 SP-…, 外部审批 …), beside the approver's name.
  const way = APPROVAL_WAYS.find((w) => w === approval['way']);
  const approvalWay: [string, string | null] = [
    t('eventFields.approvalWay'),
    way ? [t(`approvals.ways.${way}`), text(approval['approvalNo'])].filter(Boolean).join(' ') : null,
  ];
  switch (e.kind) {
    case 'receive':
      return [
        [t('eventFields.unit'), e.counterpart],
        [t('eventFields.signedBy'), text(d['handledBy'])],
        [t('docForm.lateEntryReason'), text(d['lateEntry'])],
      ];
    case 'produce':
      return [
        [t('eventFields.unit'), e.counterpart],
        [t('eventFields.producedBy'), text(d['handledBy'])],
        [t('eventFields.classifiedBy'), text(d['classifiedBy'])],
        [t('eventFields.classificationBasis'), text(d['classificationBasis'])],
        [t('docForm.lateEntryReason'), text(d['lateEntry'])],
      ];
    case 'lend': {
      const department = text(d['department']);
      return [
        [t('eventFields.borrower'), e.counterpart && (department ? `${e.counterpart}（${department}）` : e.counterpart)],
        [t('eventFields.dueAt'), text(d['dueAt'])],
        [t('eventFields.takenOut'), d['takenOut'] === true ? yes : null],
        [t('eventFields.outsideScope'), d['outsideScope'] === true ? yes : null],
        [t('eventFields.approver'), e.approver],
        approvalWay,
        [t('eventFields.reference'), approvalRef],
      ];
    }
    case 'return_loan': {
      const condition = d['condition'];
      const late = numbers(d['overdue']);
      return [
        [t('eventFields.borrower'), e.counterpart],
        [t('eventFields.condition'), CONDITIONS.find((c) => c === condition) ? t(`conditions.${condition as (typeof CONDITIONS)[number]}`) : text(condition)],
        [t('eventFields.receivedBy'), text(d['receivedBy'])],
        [t('eventFields.overdueCopies'), late.length ? copies(late) : null],
      ];
    }
    case 'transmit':
    case 'forward':
      return [
        [t('eventFields.toUnit'), e.counterpart],
        [t('eventFields.channel'), text(d['channel'])],
        [t('eventFields.handledBy'), text(d['handledBy'])],
        [t('eventFields.approver'), e.approver],
        approvalWay,
        [t('eventFields.reference'), approvalRef],
      ];
    case 'receipt_confirmed': {
      const sent = all.find((s) => s.id === Number(d['eventId']));
      return [
        [t('eventFields.forTransmit'), sent ? `${sent.at.slice(0, 10)} ${sent.counterpart ?? ''}` : text(d['eventId'])],
        [t('eventFields.receiptRef'), text(d['receiptRef'])],
      ];
    }
    case 'move':
      return [[t('eventFields.location'), e.counterpart]];
    case 'copy':
      return [
        [t('eventFields.source'), typeof d['sourceCopyNo'] === 'number' ? formatCopyNo(d['sourceCopyNo']) : null],
        [t('eventFields.newCopies'), numbers(d['copyNos']).length ? copies(numbers(d['copyNos'])) : null],
        [t('eventFields.approver'), e.approver],
        approvalWay,
        [t('eventFields.reference'), approvalRef],
      ];
    case 'return_to_issuer':
      return [
        [t('eventFields.unit'), e.counterpart],
        [t('eventFields.returner'), text(d['returner'])],
        [t('eventFields.receivedBy'), text(d['receiver'])],
      ];
    case 'destroy': {
      const method = d['method'];
      const people = (v: unknown) => (Array.isArray(v) ? v.filter((p): p is string => typeof p === 'string').join('、') || null : null);
      return [
        [t('eventFields.approver'), e.approver],
        approvalWay,
        [t('batch.destroyers'), people(d['destroyers'])],
        [t('batch.witnesses'), people(d['witnesses'])],
        [t('eventFields.method'), DESTROY_METHODS.find((m) => m === method) ? t(`destroyMethods.${method as (typeof DESTROY_METHODS)[number]}`) : text(method)],
        [t('eventFields.place'), text(d['place'])],
      ];
    }
    case 'change_marking': {
      const before = record(d['before']);
      const after = record(d['after']);
      const markingChanged = before['marking'] !== after['marking'];
      const scopeOf = (v: unknown) => (Array.isArray(v) ? v.join('、') : '');
      const scopeChanged = scopeOf(before['scope']) !== scopeOf(after['scope']);
      return [
        [t('eventFields.change'), markingChanged ? `${text(before['marking']) ?? ''} → ${text(after['marking']) ?? ''}` : null],
        [t('eventFields.scope'), scopeChanged ? `${scopeOf(before['scope'])} → ${scopeOf(after['scope'])}` : null],
        [t('eventFields.decidedBy'), e.approver],
        approvalWay,
        [t('eventFields.decisionDocNo'), text(d['decisionDocNo'])],
      ];
    }
    case 'declassify':
      return [
        [t('eventFields.decidedBy'), e.approver],
        [t('eventFields.decisionDocNo'), text(d['decisionDocNo'])],
      ];
    case 'review':
      return [
        [t('actions.review.reviewedBy'), e.approver],
        [t('eventFields.conclusion'), text(d['conclusion'])],
      ];
    case 'inventory': {
      const present = numbers(d['present']);
      const missing = numbers(d['missing']);
      // A stocktake by cabinet: the cabinet counted, and the copies found there misplaced.
      const misplaced = (Array.isArray(d['misplaced']) ? d['misplaced'] : []).map((m) => record(m)['copyNo']);
      return [
        [t('eventFields.cabinet'), text(record(d['cabinet'])['name'])],
        [t('eventFields.present'), present.length ? copies(present) : null],
        [t('eventFields.missing'), missing.length ? copies(missing) : null],
        [t('eventFields.misplaced'), misplaced.length ? copies(numbers(misplaced)) : null],
      ];
    }
    case 'found':
      return [[t('eventFields.location'), e.counterpart]];
    case 'reported_lost':
      return [[t('eventFields.reportRef'), text(d['reportRef'])]];
    case 'correct': {
      const field = DOCUMENT_CORRECTED_FIELDS.find((f) => f === d['field']);
      const shown = (v: unknown) => text(v) ?? '—';
      return [
        [t('corrections.field'), field ? t(`corrections.fields.${field}`) : text(d['field'])],
        [t('corrections.beforeAfter'), `${shown(d['before'])} → ${shown(d['after'])}`],
        [t('corrections.reason'), text(d['reason'])],
        [t('eventFields.approver'), e.approver],
        approvalWay,
      ];
    }
    case 'void':
      return [[t('corrections.reason'), text(d['reason'])], [t('eventFields.approver'), e.approver], approvalWay];
    case 'handover':
      return [
        [t('eventFields.from'), text(d['from'])],
        [t('eventFields.to'), e.counterpart],
      ];
    case 'conveyance_plan':
    case 'convey':
    case 'publication_plan':
    case 'publication_done':
      return conveyanceFacts(e, t, language);
    default:
      return [
        [t('eventFields.unit'), e.counterpart],
        [t('eventFields.approver'), e.approver],
      ];
  }
}

interface DocumentTimelineProps {
  events: readonly DocumentEventView[];
  /** Offered on a transmission still waiting for its 回执 (for the custodian). */
  onConfirmReceipt?: (eventId: number) => void;
}

function EventContent({
  event,
  all,
  onConfirmReceipt,
}: { event: DocumentEventView; all: readonly DocumentEventView[] } & Omit<DocumentTimelineProps, 'events'>) {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  const openPrint = useLedger((s) => s.openPrint);
  const facts: [string, ReactNode][] = eventFacts(event, all, t, language).filter((fact): fact is [string, string] => !!fact[1]);
  // Copies of an inventory are listed as present / missing instead.
  if (event.copyNos.length && event.kind !== 'inventory') facts.unshift([t('eventFields.copies'), compressCopyNos(event.copyNos, t('eventFields.copyJoin'))]);
  // The batch opens its slip or list (清退单, 销毁清单, 移交清单, 清查报告): the batch as it was registered and printed.
  const batchNo = event.batchNo;
  const form = batchNo ? batchFormOf(batchNo) : undefined;
  if (batchNo)
    facts.push([
      t('eventFields.batchNo'),
      form ? (
        <Typography.Link className="monospace" onClick={() => openPrint({ kind: form, batchNo })} data-testid={`doc-event-batch-${event.id}`}>
          {batchNo}
        </Typography.Link>
      ) : (
        batchNo
      ),
    ]);
  const kind: ReactNode = isEventKind(event.kind) ? t(`events.${event.kind}`) : event.kind;
  return (
    <Flex vertical gap={2} data-testid={`doc-event-${event.id}`} data-kind={event.kind}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{kind}</Typography.Text>
        <Typography.Text type="secondary">{formatAt(event.at, language)}</Typography.Text>
        {event.imported && <Tag>{t('eventFields.imported')}</Tag>}
        {event.receipt && (
          <Tag color={event.receipt === 'pending' ? 'orange' : 'green'} data-testid={`doc-event-receipt-${event.id}`}>
            {t(event.receipt === 'pending' ? 'doc.receiptPending' : 'doc.receiptConfirmed')}
          </Tag>
        )}
        {event.receipt === 'pending' && onConfirmReceipt && (
          <Button size="small" type="link" onClick={() => onConfirmReceipt(event.id)} data-testid={`doc-event-confirm-receipt-${event.id}`}>
            {t('doc.actions.confirmReceipt')}
          </Button>
        )}
      </Flex>
      {facts.length > 0 && (
        <Typography.Text>
          {facts.map(([label, value], i) => (
            // A fact wraps as a whole (its name never stays at a line's end without its value), its separator after it.
            <span key={label} style={{ display: 'inline-block', maxWidth: '100%' }}>
              <Typography.Text type="secondary">
                {label}
                {t('eventFields.colon')}
              </Typography.Text>
              <span className={label === t('eventFields.copies') ? 'monospace' : undefined}>{value}</span>
              {i < facts.length - 1 && t('eventFields.separator')}
            </span>
          ))}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('eventFields.recorded', { user: event.recordedBy, at: formatAt(event.recordedAt, language) })}
      </Typography.Text>
    </Flex>
  );
}

export function DocumentTimeline({ events, onConfirmReceipt }: DocumentTimelineProps) {
  const items: TimelineProps['items'] = events.map((e) => ({
    key: e.id,
    color: isEventKind(e.kind) ? KIND_COLORS[e.kind] : 'gray',
    content: <EventContent event={e} all={events} onConfirmReceipt={onConfirmReceipt} />,
  }));
  return <Timeline items={items} data-testid="doc-timeline" />;
}
