// 批量清退 and 批量销毁: pick items from the register and their copies, fill in the batch, and get the batch number
// (QT-2026-001, XH-2026-001) that names the slip or list. 清查 is the stocktake's (features/stocktake), cabinet by cabinet.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Radio, Result, Space, Table, Typography, type TableProps } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PrintButton } from '../printing/PrintButton';
import type { CopyStatusCode, DocumentDetail, DocumentListItem } from '../../../../preload/contract';
import { DESTROY_METHODS, type DestroyMethod } from '../documents/documents';
import { eventDate, isoDate } from '../../ui/dates';
import { DateField } from '../../ui/DateField';
import { selectSession, useLedger, type BatchKind } from '../../store';
import { useAction } from '../../ui/hooks/useAction';
import { useEnterNavigation } from '../../ui/hooks/useEnterNavigation';
import { useMarkField } from '../../ui/hooks/useMarkField';
import { useDraftForm } from '../../ui/hooks/useDraft';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CopyPicker, usePickScanned } from '../documents/CopyPicker';
import { useCopyOfScan, useScanFeedback, useScanTarget, type Scan } from '../scanner';
import type { CopyAction } from '../../../../db/domain/errors';
import { MarkingTag } from '../documents/MarkingTag';
import { PeopleInput, PersonInput, UnitInput } from '../../ui/SuggestInput';
import { ApprovalFields, initialApproval, toGrant, type ApprovalValues } from '../documents/ApprovalFields';
import { ConfirmSummary, type SummaryFact } from '../../ui/ConfirmSummary';
import { compressCopyNos, formatCopyNo } from '../../../../db/domain';

interface Chosen {
  doc: DocumentDetail;
  copyNos: number[];
}

interface BatchValues {
  toUnit?: string;
  returner?: string;
  receiver?: string;
  approval?: ApprovalValues;
  method?: DestroyMethod;
  place?: string;
  destroyers?: string[];
  witnesses?: string[];
  at: Dayjs;
}

type Outcome = { batchNo: string };
/** The paper form each batch produces. */
const FORMS = { return: 'return-slip', destroy: 'destruction-list' } as const;
const FORM_LABELS = { return: 'print.returnSlip', destroy: 'print.destructionList' } as const;

const SEARCH_LIMIT = 20;
const SEARCH_DELAY_MS = 300;

/** Which copies a batch may take: those in the cabinet, each taken unless the user unticks it. */
const TAKES: readonly CopyStatusCode[] = ['in_custody'];
const TITLES = { return: 'batch.returnTitle', destroy: 'batch.destroyTitle' } as const;
const HINTS = { return: 'batch.returnHint', destroy: 'batch.destroyHint' } as const;
const SUBMITS = { return: 'batch.submitReturn', destroy: 'batch.submitDestroy' } as const;
const DONE = { return: 'batch.doneReturn', destroy: 'batch.doneDestroy' } as const;
/** The step a refusal names for a scanned copy the batch cannot take. */
const ACTIONS: Record<BatchKind, CopyAction> = { return: 'return to the issuer', destroy: 'destruction' };

function defaultCopies(doc: DocumentDetail): number[] {
  return doc.copyList.filter((c) => TAKES.includes(c.status)).map((c) => c.copyNo);
}

export function BatchPage({ kind }: { kind: BatchKind }) {
  const { t } = useTranslation();
  const seed = useLedger((s) => s.batchSeed);
  const fetchDocument = useLedger((s) => s.fetchDocument);
  const openDocuments = useLedger((s) => s.openDocuments);
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [round, setRound] = useState(0);
  const adding = useAction(async (id: number) => {
    if (chosen.some((c) => c.doc.id === id)) return;
    const doc = await fetchDocument(id);
    setChosen((list) => (list.some((c) => c.doc.id === id) ? list : [...list, { doc, copyNos: defaultCopies(doc) }]));
  });
  const add = adding.run;

  const scanned = useScannedLines(kind, chosen, setChosen);
  // A scanned copy joins the batch.
  useScanTarget(scanned, !outcome);

  useEffect(() => {
    // Items chosen in the register (or the item page) start the batch.
    void (async () => {
      for (const id of seed) await add(id);
    })();
    // Only once per page: the seed is what the page was opened with.
  }, []);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => openDocuments()} data-testid="batch-back">
      {t('batch.toRegister')}
    </Button>
  );

  if (outcome) {
    return (
      <Card data-testid="batch-page" data-kind={kind}>
        <Result
          status="success"
          title={t(DONE[kind])}
          subTitle={
            <Typography.Title level={3} className="monospace" style={{ margin: '8px 0' }} data-testid="batch-result-no">
              {t('batch.batchNo', { batchNo: outcome.batchNo })}
            </Typography.Title>
          }
          extra={[
            <Button
              key="again"
              type="primary"
              onClick={() => {
                setOutcome(null);
                setChosen([]);
                setRound((r) => r + 1);
              }}
              data-testid="batch-again"
            >
              {t('batch.again')}
            </Button>,
            <PrintButton key="print" request={{ kind: FORMS[kind], batchNo: outcome.batchNo }} label={t(FORM_LABELS[kind])} testId="batch-print" />,
            <span key="back">{back}</span>,
          ]}
          data-testid="batch-result"
        />
      </Card>
    );
  }

  return (
    <Flex vertical gap={16} data-testid="batch-page" data-kind={kind}>
      <Card title={t(TITLES[kind])} extra={back}>
        <Alert type="info" showIcon title={t(HINTS[kind])} style={{ marginBottom: 16 }} />
        <DocumentFinder chosenIds={chosen.map((c) => c.doc.id)} onAdd={(id) => void add(id)} />
        <ErrorAlert error={adding.error} testId="batch-add-error" />
      </Card>
      <Card title={t('batch.chosen')} size="small">
        <ChosenList chosen={chosen} onChange={setChosen} />
      </Card>
      <Card size="small">
        <BatchForm key={round} kind={kind} chosen={chosen} onDone={setOutcome} />
      </Card>
    </Flex>
  );
}

/**
 * A scanned label ticks its copy on the item's line, or adds the item's line with that copy alone ticked; a copy the
 * batch cannot take (on loan, destroyed) is named with its state, as the backend would refuse it.
 */
function useScannedLines(kind: BatchKind, chosen: Chosen[], setChosen: (update: (list: Chosen[]) => Chosen[]) => void) {
  const { t } = useTranslation();
  const fetchDocument = useLedger((s) => s.fetchDocument);
  const pick = usePickScanned();
  const copyOfScan = useCopyOfScan();
  const feedback = useScanFeedback();
  const addLine = async (scan: Scan) => {
    const copy = await copyOfScan(scan);
    if (!copy) return;
    let doc: DocumentDetail;
    try {
      doc = await fetchDocument(copy.documentId);
    } catch (err) {
      return feedback.refused(err);
    }
    if (!TAKES.includes(copy.status)) {
      return feedback.refusal({ code: 'E_NOT_IN_CUSTODY', details: { copyNo: copy.copyNo, status: copy.status, action: ACTIONS[kind] } });
    }
    // Two scans of one new item in a row: the second ticks its copy on the line the first added.
    setChosen((list) =>
      list.some((c) => c.doc.id === doc.id)
        ? list.map((c) => (c.doc.id === doc.id ? { ...c, copyNos: [...new Set([...c.copyNos, copy.copyNo])].sort((a, b) => a - b) } : c))
        : [...list, { doc, copyNos: [copy.copyNo] }],
    );
    feedback.done(t('scanner.added', { receiptNo: doc.receiptNo, copyNo: formatCopyNo(copy.copyNo) }));
  };
  return (scan: Scan) => {
    for (const line of chosen) {
      const picked = pick(line.doc.copyList, TAKES, line.copyNos, ACTIONS[kind], scan);
      if (!picked.used) continue;
      const next = picked.next;
      if (next) setChosen((list) => list.map((c) => (c.doc.id === line.doc.id ? { ...c, copyNos: next } : c)));
      return true;
    }
    void addLine(scan);
    return true;
  };
}

/** Search in the register for items with held copies; each can be added once. */
function DocumentFinder({ chosenIds, onAdd }: { chosenIds: number[]; onAdd(id: number): void }) {
  const { t } = useTranslation();
  const findDocuments = useLedger((s) => s.findDocuments);
  const [text, setText] = useState('');
  const [rows, setRows] = useState<DocumentListItem[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const request = useRef(0);
  const search = useCallback(
    async (query: string) => {
      const mine = ++request.current;
      const { rows: found } = await findDocuments({ query: query.trim() || undefined, status: 'held', limit: SEARCH_LIMIT });
      if (mine === request.current) setRows(found);
    },
    [findDocuments],
  );
  const { run, busy, error } = useAction(search);
  // Enter looks the number up now (a scanner types it and Enter at once, before the typing pause's search) and adds
  // the item it names: the only match, or the one whose 收文编号 or 文号 it is. The box is then ready for the next.
  const lookUp = useAction(async (query: string) => {
    clearTimeout(timer.current);
    const mine = ++request.current;
    const { rows: found } = await findDocuments({ query: query.trim() || undefined, status: 'held', limit: SEARCH_LIMIT });
    if (mine !== request.current) return;
    setRows(found);
    const key = query.trim().toUpperCase();
    const hit = found.length === 1 ? found[0] : found.find((d) => d.receiptNo.toUpperCase() === key || d.docNumber.toUpperCase() === key);
    if (!hit || !query.trim()) return;
    if (!chosenIds.includes(hit.id)) onAdd(hit.id);
    setText('');
  });

  useEffect(() => {
    void run('');
    return () => clearTimeout(timer.current);
  }, [run]);

  const columns: TableProps<DocumentListItem>['columns'] = [
    {
      key: 'receiptNo',
      dataIndex: 'receiptNo',
      title: t('documents.columns.receiptNo'),
      width: 110,
      render: (v: string) => <span className="monospace">{v}</span>,
    },
    { key: 'docNumber', dataIndex: 'docNumber', title: t('documents.columns.docNumber'), width: 150, ellipsis: true },
    { key: 'title', dataIndex: 'title', title: t('documents.columns.title'), ellipsis: true },
    { key: 'originUnit', dataIndex: 'originUnit', title: t('documents.columns.originUnit'), width: 170, ellipsis: true },
    { key: 'marking', title: t('documents.columns.marking'), width: 130, render: (_, d) => <MarkingTag marking={d.marking} level={d.level} /> },
    { key: 'held', title: t('documents.columns.inCustody'), width: 70, align: 'right', render: (_, d) => d.counts.in_custody },
    { key: 'returnBy', dataIndex: 'returnBy', title: t('documents.columns.returnBy'), width: 110 },
    {
      key: 'add',
      width: 90,
      render: (_, d) => {
        const added = chosenIds.includes(d.id);
        return (
          <Button size="small" icon={<PlusOutlined />} disabled={added} onClick={() => onAdd(d.id)} data-testid={`batch-add-${d.id}`}>
            {added ? t('batch.added') : t('batch.add')}
          </Button>
        );
      },
    },
  ];

  return (
    <Flex vertical gap={8}>
      <Input
        autoFocus
        allowClear
        prefix={<SearchOutlined />}
        placeholder={`${t('batch.find')}：${t('documents.searchPlaceholder')}`}
        value={text}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void run(next), SEARCH_DELAY_MS);
        }}
        onPressEnter={() => void lookUp.run(text)}
        style={{ maxWidth: 420 }}
        data-testid="batch-search"
      />
      <ErrorAlert error={error ?? lookUp.error} testId="batch-search-error" />
      <Table<DocumentListItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={busy || lookUp.busy}
        pagination={false}
        scroll={{ y: 240 }}
        data-testid="batch-results"
      />
    </Flex>
  );
}

function ChosenList({ chosen, onChange }: { chosen: Chosen[]; onChange(list: Chosen[]): void }) {
  const { t } = useTranslation();
  if (chosen.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="batch-empty">
        {t('batch.empty')}
      </Typography.Text>
    );
  }
  const copies = chosen.reduce((n, c) => n + c.copyNos.length, 0);
  const docs = chosen.filter((c) => c.copyNos.length > 0).length;
  return (
    <Flex vertical gap={8} data-testid="batch-chosen">
      {chosen.map(({ doc, copyNos }) => (
        <Flex key={doc.id} gap={12} align="flex-start" wrap className="batch-item" data-testid={`batch-item-${doc.id}`}>
          <Space size={8} style={{ minWidth: 360, maxWidth: 480 }}>
            <span className="monospace">{doc.receiptNo}</span>
            <MarkingTag marking={doc.marking} level={doc.level} />
            <Typography.Text ellipsis style={{ maxWidth: 260 }} title={doc.title}>
              {doc.title}
            </Typography.Text>
          </Space>
          <div style={{ flex: 1, minWidth: 240 }}>
            <CopyPicker
              copies={doc.copyList}
              statuses={TAKES}
              value={copyNos}
              onChange={(nos) => onChange(chosen.map((c) => (c.doc.id === doc.id ? { ...c, copyNos: nos } : c)))}
              testId={`batch-copies-${doc.id}`}
            />
          </div>
          <Button
            size="small"
            type="text"
            icon={<DeleteOutlined />}
            onClick={() => onChange(chosen.filter((c) => c.doc.id !== doc.id))}
            data-testid={`batch-remove-${doc.id}`}
          >
            {t('batch.remove')}
          </Button>
        </Flex>
      ))}
      <Typography.Text strong data-testid="batch-totals">
        {t('batch.totals', { docs, copies })}
      </Typography.Text>
    </Flex>
  );
}

/** What the batch will send, fixed when 清退 / 销毁 is pressed: the summary shows it and 确认 sends it. */
interface Pending {
  values: BatchValues;
  lines: Chosen[];
  /** As sent: none for today (the backend's now). */
  at: string | undefined;
}

function BatchForm({ kind, chosen, onDone }: { kind: BatchKind; chosen: Chosen[]; onDone(outcome: Outcome): void }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<Pending | null>(null);
  const { message } = App.useApp();
  const me = useLedger(selectSession)?.displayName;
  const run = useLedger((s) => s.runDocumentCommand);
  const [form] = Form.useForm<BatchValues>();
  // What was typed survives a lock; leaving it asks first.
  const draft = useDraftForm(`batch-${kind}`, form);
  const firstUnit = chosen[0]?.doc.originUnit;

  useEffect(() => {
    // The issuer of the first item is who the batch usually goes back to.
    if (kind === 'return' && firstUnit && !form.getFieldValue('toUnit')) form.setFieldsValue({ toUnit: firstUnit });
  }, [kind, firstUnit, form]);

  const review = (v: BatchValues) => {
    const lines = chosen.filter((c) => c.copyNos.length > 0);
    if (lines.length === 0) {
      void message.warning(t('batch.needItems'));
      return;
    }
    setPending({ values: v, lines, at: eventDate(v.at) });
  };
  const submit = useAction(async ({ values: v, lines, at }: Pending) => {
    const items = lines.map((c) => ({ documentId: c.doc.id, copyNos: c.copyNos }));
    const out =
      kind === 'return'
        ? await run('documents.returnToIssuer', { items, toUnit: v.toUnit!.trim(), returner: v.returner!.trim(), receiver: v.receiver!.trim(), at })
        : await run('documents.destroy', {
            items,
            approval: toGrant(v.approval),
            method: v.method ?? 'facility',
            place: v.place!.trim(),
            destroyers: v.destroyers ?? [],
            witnesses: v.witnesses ?? [],
            at,
          });
    draft.drop();
    onDone({ batchNo: out.batchNo });
  });
  useMarkField(form, submit.error, {
    at: 'at',
    approver: ['approval', 'way'],
    approverPassword: ['approval', 'password'],
    approvalId: ['approval', 'approvalId'],
  });
  const onKeyDownCapture = useEnterNavigation(() => form.submit());
  const required = [{ required: true, whitespace: true }, { max: 50 }];
  const people = [{ required: true, type: 'array' as const, min: 1 }];

  return (
    <>
      <div onKeyDownCapture={onKeyDownCapture}>
        <ErrorAlert error={submit.error} testId="batch-error" />
        <Form<BatchValues>
          form={form}
          layout="vertical"
          scrollToFirstError={{ block: 'center', focus: true }}
          initialValues={{
            at: dayjs(),
            returner: me,
            method: 'facility',
            destroyers: me ? [me] : [],
            approval: initialApproval('unit'),
          }}
          onValuesChange={draft.onValuesChange}
          onFinish={review}
        >
          <Flex wrap gap={16}>
            {kind === 'return' && (
              <>
                <Form.Item name="toUnit" label={t('batch.toUnit')} rules={[{ required: true, whitespace: true }, { max: 100 }]} style={{ width: 320 }}>
                  <UnitInput testId="batch-to-unit" />
                </Form.Item>
                <Form.Item name="returner" label={t('batch.returner')} rules={required} style={{ width: 180 }}>
                  <PersonInput testId="batch-returner" />
                </Form.Item>
                <Form.Item name="receiver" label={t('batch.receiver')} rules={required} style={{ width: 180 }}>
                  <PersonInput testId="batch-receiver" />
                </Form.Item>
              </>
            )}
            {kind === 'destroy' && (
              <>
                <Form.Item name="method" label={t('batch.method')}>
                  <Radio.Group
                    optionType="button"
                    options={DESTROY_METHODS.map((m) => ({ value: m, label: t(`destroyMethods.${m}`) }))}
                    data-testid="batch-method"
                  />
                </Form.Item>
                <Form.Item name="place" label={t('batch.place')} rules={[{ required: true, whitespace: true }, { max: 100 }]} style={{ width: 280 }}>
                  <Input autoComplete="off" data-testid="batch-place" />
                </Form.Item>
                <Form.Item name="destroyers" label={t('batch.destroyers')} extra={t('batch.peopleHint')} rules={people} style={{ width: 300 }}>
                  <PeopleInput maxCount={10} testId="batch-destroyers" />
                </Form.Item>
                <Form.Item name="witnesses" label={t('batch.witnesses')} rules={people} style={{ width: 300 }}>
                  <PeopleInput maxCount={10} testId="batch-witnesses" />
                </Form.Item>
              </>
            )}
            <DateField name="at" label={t('actions.at')} style={{ width: 160 }} testId="batch-at" />
          </Flex>
          {kind === 'destroy' && <DestroyApproval chosen={chosen} />}
          <Flex justify="space-between" align="center">
            <Typography.Text type="secondary">{t('common.keyboardHint')}</Typography.Text>
            <Button type="primary" htmlType="submit" danger={kind === 'destroy'} loading={submit.busy} data-testid="batch-submit">
              {t(SUBMITS[kind])}
            </Button>
          </Flex>
        </Form>
      </div>
      {/* Outside the form's Enter navigation: Enter on 确认 confirms. */}
      {pending && (
        <BatchSummary
          kind={kind}
          pending={pending}
          onBack={() => setPending(null)}
          onConfirm={() => {
            setPending(null);
            void submit.run(pending);
          }}
        />
      )}
    </>
  );
}

const SUMMARY_TITLES = { return: 'confirm.returnTitle', destroy: 'confirm.destroyTitle' } as const;

/** The batch once more before it is recorded: its items and copies as they will be sent, to whom, what it prints. */
function BatchSummary({ kind, pending, onBack, onConfirm }: { kind: BatchKind; pending: Pending; onBack(): void; onConfirm(): void }) {
  const { t, i18n } = useTranslation();
  const { values: v, lines } = pending;
  const copies = lines.reduce((n, c) => n + c.copyNos.length, 0);
  const amount = t('confirm.count', { items: lines.length, copies });
  const names = (list: string[] | undefined) => (list ?? []).join(i18n.language === 'en' ? ', ' : '、');
  const facts: SummaryFact[] =
    kind === 'return'
      ? [
          { label: t('confirm.amount'), value: amount, testId: 'amount' },
          { label: t('batch.toUnit'), value: v.toUnit?.trim(), testId: 'to-unit' },
          { label: t('batch.receiver'), value: v.receiver?.trim(), testId: 'receiver' },
          { label: t('batch.returner'), value: v.returner?.trim(), testId: 'returner' },
        ]
      : [
          { label: t('confirm.amount'), value: amount, testId: 'amount' },
          { label: t('batch.method'), value: t(`destroyMethods.${v.method ?? 'facility'}`), testId: 'method' },
          { label: t('batch.place'), value: v.place?.trim(), testId: 'place' },
          { label: t('batch.destroyers'), value: names(v.destroyers), testId: 'destroyers' },
          { label: t('batch.witnesses'), value: names(v.witnesses), testId: 'witnesses' },
        ];
  facts.push(
    { label: t('actions.at'), value: isoDate(v.at ?? dayjs()), testId: 'at' },
    { label: t('confirm.prints'), value: t('confirm.printsAfter', { form: t(`confirm.forms.${kind}`) }), testId: 'prints' },
  );
  return (
    <ConfirmSummary
      title={t(SUMMARY_TITLES[kind])}
      confirmText={t(SUMMARY_TITLES[kind])}
      danger={kind === 'destroy'}
      facts={facts}
      onBack={onBack}
      onConfirm={onConfirm}
      width={640}
    >
      {kind === 'destroy' && <Alert type="warning" showIcon title={t('confirm.destroyWarning')} style={{ marginTop: 12 }} />}
      {lines.length > 0 && (
        <Flex vertical gap={4} style={{ marginTop: 12 }} data-testid="confirm-lines">
          {lines.map(({ doc, copyNos }) => (
            <Space key={doc.id} size={8}>
              <span className="monospace">{doc.receiptNo}</span>
              <Typography.Text ellipsis style={{ maxWidth: 300 }}>
                {doc.title}
              </Typography.Text>
              <span className="monospace">{compressCopyNos(copyNos)}</span>
            </Space>
          ))}
        </Flex>
      )}
    </ConfirmSummary>
  );
}

/** 销毁 is approved by the approver: one item by its approved request or on the spot, several at once on the spot. */
function DestroyApproval({ chosen }: { chosen: Chosen[] }) {
  const items = chosen.filter((c) => c.copyNos.length > 0);
  const only = items.length === 1 ? items[0]! : null;
  return (
    <ApprovalFields
      testIdPrefix="batch-approval"
      need={{ kind: 'destroy', subject: { type: 'document', id: only?.doc.id ?? 0 }, copyNos: only?.copyNos ?? [] }}
      authority="unit"
      onlyOnTheSpot={!only}
    />
  );
}
