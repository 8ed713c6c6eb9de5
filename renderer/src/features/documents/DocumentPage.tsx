// One item of the register: every field, each copy where it is, the full history, and (for the custodian)
// the lifecycle actions, each in its own form.
import { useEffect, type ReactNode } from 'react';
import { Button, Card, Descriptions, Flex, Result, Space, Spin, Table, Tag, Typography, type DescriptionsProps, type TableProps } from 'antd';
import { ArrowLeftOutlined, TagsOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PrintButton } from '../printing/PrintButton';
import type { CopyView, DocumentDetail } from '../../../../preload/contract';
import { formatCopyNo } from '../../../../db/domain/copies';
import { formatAt } from '../../ui/format';
import { selectIsCustodian, useLedger } from '../../store';
import { useAction } from '../../ui/hooks/useAction';
import { useErrorText } from '../../i18n/errors';
import { CopyStatusTag, MarkingTag } from './MarkingTag';
import { DocumentTimeline } from './DocumentTimeline';
import { CorrectDocumentModal, VoidDocumentModal } from './CorrectDialog';
import {
  ChangeMarkingModal,
  ConfirmReceiptModal,
  CopyModal,
  FoundModal,
  LendModal,
  MoveModal,
  ReportLostModal,
  ReturnLoanModal,
  ReviewModal,
  TransmitModal,
  awaitingReceipt,
  lostCopyNos,
  stillMissing,
} from './DocumentActions';
import { useKeptState } from '../../ui/hooks/useDraft';
import { LabelDialog } from '../labels/LabelDialog';
import { ItemCode } from '../labels/ItemCode';
import { ConveyanceCard } from './ConveyanceCard';

type Action =
  'lend' | 'returnLoan' | 'copy' | 'transmit' | 'confirmReceipt' | 'found' | 'reportLost' | 'move' | 'changeMarking' | 'review' | 'correct' | 'void';

const ACTION_TEST_IDS: Record<Action | 'returnToIssuer' | 'destroy', string> = {
  lend: 'doc-action-lend',
  returnLoan: 'doc-action-return-loan',
  copy: 'doc-action-copy',
  transmit: 'doc-action-transmit',
  confirmReceipt: 'doc-action-receipt',
  found: 'doc-action-found',
  reportLost: 'doc-action-report-lost',
  move: 'doc-action-move',
  changeMarking: 'doc-action-change-marking',
  review: 'doc-action-review',
  correct: 'doc-action-correct',
  void: 'doc-action-void',
  returnToIssuer: 'doc-action-return',
  destroy: 'doc-action-destroy',
};

const perform = (op: () => Promise<void>) => op();

export function DocumentPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useLedger((s) => s.documentId);
  const doc = useLedger((s) => s.document);
  const loadDocument = useLedger((s) => s.loadDocument);
  const openDocuments = useLedger((s) => s.openDocuments);
  const { run, busy, error } = useAction(perform);

  useEffect(() => {
    if (id !== null) void run(() => loadDocument(id));
  }, [id, run, loadDocument]);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => openDocuments()} data-testid="doc-back">
      {t('doc.back')}
    </Button>
  );
  if (error && !doc) return <Result status="warning" title={errorText(error)} extra={back} data-testid="doc-error" />;
  if (!doc || doc.id !== id) return <Spin spinning={busy}>{back}</Spin>;
  return <DocumentView doc={doc} back={back} />;
}

function DocumentView({ doc, back }: { doc: DocumentDetail; back: ReactNode }) {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  const isCustodian = useLedger(selectIsCustodian);
  const openBatch = useLedger((s) => s.openBatch);
  // The dialog open (and the transmission whose 回执 is confirmed from the timeline) come back after a lock.
  const [action, setAction] = useKeptState<Action | null>(`doc-action:${doc.id}`, null);
  const [receiptFor, setReceiptFor] = useKeptState<number | undefined>(`doc-receipt-for:${doc.id}`, undefined);
  const close = () => {
    setAction(null);
    setReceiptFor(undefined);
  };
  // 打印标签: the copies chosen in the table, or (none chosen) every copy held.
  const [chosenIds, setChosenIds] = useKeptState<number[]>(`doc-label-copies:${doc.id}`, []);
  const chosenCopies = doc.copyList.filter((c) => chosenIds.includes(c.id)).map((c) => c.copyNo);
  const [labelsOpen, setLabelsOpen] = useKeptState(`doc-labels:${doc.id}`, false);
  const missing = stillMissing(doc).length > 0;
  const lost = lostCopyNos(doc);

  const has = (status: CopyView['status']) => doc.copyList.some((c) => c.status === status);
  const enabled: Record<Action | 'returnToIssuer' | 'destroy', boolean> = {
    lend: has('in_custody'),
    returnLoan: has('on_loan'),
    copy: has('in_custody'),
    transmit: has('in_custody'),
    confirmReceipt: awaitingReceipt(doc).length > 0,
    found: missing,
    reportLost: missing,
    move: has('in_custody'),
    changeMarking: !doc.declassified && !doc.voided,
    review: !doc.declassified && !doc.voided && doc.level !== 'internal',
    correct: !doc.voided,
    // The backend refuses it, in words, once anything but corrections has happened to the item.
    void: !doc.voided,
    returnToIssuer: has('in_custody'),
    destroy: has('in_custody'),
  };
  const actionButton = (key: Action | 'returnToIssuer' | 'destroy', onClick: () => void, danger = false) => (
    <Button key={key} disabled={!enabled[key]} danger={danger} onClick={onClick} data-testid={ACTION_TEST_IDS[key]}>
      {t(`doc.actions.${key}`)}
    </Button>
  );

  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const items: DescriptionsProps['items'] = [
    {
      key: 'receiptNo',
      label: t('documents.columns.receiptNo'),
      children: (
        <span className="monospace" data-testid="doc-receipt-no">
          {doc.receiptNo}
        </span>
      ),
    },
    { key: 'origin', label: t('doc.origin'), children: t(`doc.origins.${doc.origin}`) },
    {
      key: 'registeredAt',
      label: doc.origin === 'produced' ? t('docForm.producedAt') : t('docForm.receivedAt'),
      children: formatAt(doc.registeredAt, language),
    },
    { key: 'originUnit', label: doc.origin === 'produced' ? t('docForm.producerUnit') : t('docForm.originUnit'), children: doc.originUnit },
    { key: 'docNumber', label: t('docForm.docNumber'), children: doc.docNumber || none },
    { key: 'issueDate', label: t('docForm.issueDate'), children: doc.issueDate },
    { key: 'marking', label: t('docForm.marking'), children: <MarkingTag marking={doc.marking} level={doc.level} testId="doc-marking" /> },
    {
      key: 'secrecyEnd',
      label: t('documents.columns.secrecyEnd'),
      children: doc.declassified ? <Tag data-testid="doc-declassified">{t('documents.declassified')}</Tag> : (doc.secrecyEnd ?? none),
    },
    { key: 'carrier', label: t('docForm.carrier'), children: t(`carriers.${doc.carrier}`) },
    {
      key: 'scope',
      label: doc.origin === 'produced' ? t('docForm.scopeProduced') : t('docForm.scope'),
      span: 3,
      children: (
        <Space size={[0, 4]} wrap data-testid="doc-scope">
          {doc.scope.map((s) => (
            <Tag key={s}>{s}</Tag>
          ))}
        </Space>
      ),
    },
    { key: 'copies', label: t('documents.columns.copies'), children: doc.copies },
    { key: 'copyNos', label: t('documents.columns.copyNos'), children: <span className="monospace">{doc.copyNos}</span> },
    { key: 'returnBy', label: t('docForm.returnBy'), children: doc.mustReturn ? (doc.returnBy ?? t('docForm.mustReturn')) : none },
    ...(doc.origin === 'produced'
      ? [
          { key: 'classifiedBy', label: t('docForm.classifiedBy'), children: doc.classifiedBy ?? none },
          { key: 'classificationBasis', label: t('docForm.classificationBasis'), span: 2, children: doc.classificationBasis ?? none },
        ]
      : []),
    { key: 'lastReview', label: t('doc.lastReview'), children: doc.lastReviewYear ? t('doc.reviewedIn', { year: doc.lastReviewYear }) : t('doc.notReviewed') },
    { key: 'attachments', label: t('docForm.attachments'), children: doc.attachments || none },
    { key: 'remarks', label: t('docForm.remarks'), children: doc.remarks || none },
  ];

  const copyColumns: TableProps<CopyView>['columns'] = [
    {
      key: 'copyNo',
      title: t('doc.copy.copyNo'),
      width: 200,
      render: (_, c) => (
        <Space size={4}>
          <span className="monospace">{formatCopyNo(c.copyNo)}</span>
          {c.reproduction && <Tag color="purple">{t('doc.copy.reproduction')}</Tag>}
          {c.sourceCopyNo !== null && <Typography.Text type="secondary">{t('doc.copy.source', { copyNo: formatCopyNo(c.sourceCopyNo) })}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('doc.copy.status'),
      width: 160,
      render: (_, c) => (
        <Space size={4}>
          <CopyStatusTag status={c.status} />
          {lost.has(c.copyNo) && (
            <Tag color="red" data-testid={`doc-copy-lost-${c.copyNo}`}>
              {t('doc.copyLost')}
            </Tag>
          )}
        </Space>
      ),
    },
    { key: 'location', title: t('doc.copy.location'), width: 120, render: (_, c) => c.location ?? '' },
    {
      key: 'labelCode',
      title: t('labels.labelCode'),
      width: 140,
      render: (_, c) => <ItemCode code={c.labelCode} testId={`doc-copy-code-${c.copyNo}`} />,
    },
    {
      key: 'holder',
      title: t('doc.copy.holder'),
      render: (_, c) => (c.holder ? (c.holderDepartment ? `${c.holder}（${c.holderDepartment}）` : c.holder) : ''),
    },
    {
      key: 'dueAt',
      title: t('doc.copy.dueAt'),
      width: 160,
      render: (_, c) =>
        c.dueAt && (
          <Space size={4}>
            <span>{c.dueAt}</span>
            {c.overdue && (
              <Tag color="red" data-testid={`doc-copy-overdue-${c.copyNo}`}>
                {t('documents.overdue')}
              </Tag>
            )}
          </Space>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space size="middle" style={{ whiteSpace: 'normal' }}>
            <MarkingTag marking={doc.marking} level={doc.level} />
            <span className="monospace">{doc.receiptNo}</span>
            <span data-testid="doc-title">{doc.title}</span>
            {doc.voided && (
              <Tag color="default" data-testid="doc-voided">
                {t('corrections.voided')}
              </Tag>
            )}
          </Space>
        }
        extra={
          <Space>
            <PrintButton request={{ kind: 'history', documentId: doc.id }} label={t('print.history')} testId="doc-print-history" />
            {back}
          </Space>
        }
        data-testid="doc-page"
      >
        {isCustodian && (
          <Space wrap style={{ marginBottom: 16 }} data-testid="doc-actions">
            {actionButton('lend', () => setAction('lend'))}
            {actionButton('returnLoan', () => setAction('returnLoan'))}
            {/* 密码电报 are never copied. */}
            {doc.carrier !== 'telegram' && actionButton('copy', () => setAction('copy'))}
            {actionButton('transmit', () => setAction('transmit'))}
            {actionButton('confirmReceipt', () => setAction('confirmReceipt'))}
            {missing && actionButton('found', () => setAction('found'))}
            {missing && actionButton('reportLost', () => setAction('reportLost'), true)}
            {actionButton('move', () => setAction('move'))}
            {actionButton('changeMarking', () => setAction('changeMarking'))}
            {actionButton('review', () => setAction('review'))}
            {actionButton('correct', () => setAction('correct'))}
            {actionButton('returnToIssuer', () => openBatch('return', [doc.id]))}
            {actionButton('destroy', () => openBatch('destroy', [doc.id]), true)}
            {actionButton('void', () => setAction('void'), true)}
          </Space>
        )}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} data-testid="doc-fields" />
      </Card>
      <Card
        title={t('doc.copiesTitle')}
        size="small"
        extra={
          isCustodian && (
            <Button icon={<TagsOutlined />} onClick={() => setLabelsOpen(true)} data-testid="doc-print-labels">
              {chosenCopies.length ? t('labels.printChosen', { count: chosenCopies.length }) : t('labels.printHeld')}
            </Button>
          )
        }
      >
        <Table<CopyView>
          rowKey="id"
          size="small"
          rowSelection={isCustodian ? { selectedRowKeys: chosenIds, onChange: (keys) => setChosenIds(keys as number[]), columnWidth: 40 } : undefined}
          columns={copyColumns}
          dataSource={doc.copyList}
          pagination={false}
          scroll={doc.copyList.length > 12 ? { y: 420 } : undefined}
          data-testid="doc-copies"
        />
      </Card>
      <ConveyanceCard doc={doc} />
      <Card title={t('doc.eventsTitle')} size="small">
        <DocumentTimeline
          events={doc.events}
          onConfirmReceipt={
            isCustodian
              ? (eventId) => {
                  setReceiptFor(eventId);
                  setAction('confirmReceipt');
                }
              : undefined
          }
        />
      </Card>
      <LabelDialog
        open={labelsOpen}
        items={{ copies: [chosenCopies.length ? { documentId: doc.id, copyNos: chosenCopies } : { documentId: doc.id }] }}
        onClose={() => setLabelsOpen(false)}
      />
      {action === 'lend' && <LendModal doc={doc} onClose={close} />}
      {action === 'returnLoan' && <ReturnLoanModal doc={doc} onClose={close} />}
      {action === 'copy' && <CopyModal doc={doc} onClose={close} />}
      {action === 'transmit' && <TransmitModal doc={doc} onClose={close} />}
      {action === 'confirmReceipt' && <ConfirmReceiptModal doc={doc} eventId={receiptFor} onClose={close} />}
      {action === 'found' && <FoundModal doc={doc} onClose={close} />}
      {action === 'reportLost' && <ReportLostModal doc={doc} onClose={close} />}
      {action === 'move' && <MoveModal doc={doc} onClose={close} />}
      {action === 'changeMarking' && <ChangeMarkingModal doc={doc} onClose={close} />}
      {action === 'review' && <ReviewModal documentIds={[doc.id]} receiptNo={doc.receiptNo} onClose={close} />}
      {action === 'correct' && <CorrectDocumentModal doc={doc} onClose={close} />}
      {action === 'void' && <VoidDocumentModal doc={doc} onClose={close} />}
    </Flex>
  );
}
