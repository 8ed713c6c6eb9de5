// 信息公开保密审查 (先审查后公开, 一事一审): the year's reviews with their counts by decision, 送审登记 (the custodian),
// and one review's dialog with the steps its state allows: the decision and the confirmation of the changes (an
// approver signed in, or the custodian with the approver countersigning on the spot), the publication, a withdrawal.
// The register prints and exports from its sheet. Keyboard-first: Alt+N opens 送审登记, Enter opens a row.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  type DescriptionsProps,
  type TableProps,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { send } from '../../api';
import type { CommandOutput } from '../../../../preload/contract';
import {
  HEADERS_REMOVED_TERM,
  PUBLICATION_CHANNEL_TERMS,
  PUBLICATION_CHANNELS,
  PUBLICATION_DECISION_TERMS,
  PUBLICATION_DECISIONS,
  PUBLICATION_STATE_TERMS,
  PUBLICATION_STATES,
  PUBLICATION_WAY_TERMS,
  type PublicationChannel,
  type PublicationDecision,
  type PublicationState,
} from '../../../../db/domain/publication';
import { CARRIER_TERMS, say } from '../../../../db/domain/terms';
import { selectHasRole, selectIsCustodian, useLedger, type PublicationSeed } from '../../store';
import { DateField } from '../../ui/DateField';
import { eventDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormModal } from '../../ui/FormModal';
import { formatAt } from '../../ui/format';
import { RegisterCard } from '../../ui/RegisterCard';
import { RegisterTable } from '../../ui/RegisterTable';
import { useLoad } from '../../ui/hooks/useAction';
import { OnTheSpot } from '../documents/ApprovalFields';
import { ReviewCounts } from './ReviewCounts';

type YearReviews = CommandOutput<'publication.year'>;
export type ReviewView = YearReviews['rows'][number];

const STATE_COLORS: Record<PublicationState, string> = {
  pending: 'gold',
  awaiting_changes: 'orange',
  cleared: 'blue',
  published: 'green',
  refused: 'red',
  withdrawn: 'default',
};

function useLanguage() {
  return useLedger((s) => s.language);
}

function StateTag({ state }: { state: PublicationState }) {
  const language = useLanguage();
  return (
    <Tag color={STATE_COLORS[state]} data-testid="publication-state" data-state={state}>
      {say(PUBLICATION_STATE_TERMS[state], language)}
    </Tag>
  );
}

export function PublicationPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const isCustodian = useLedger(selectIsCustodian);
  const [year, setYear] = useState(dayjs().year());
  const [state, setState] = useState<PublicationState | undefined>(undefined);
  const [data, setData] = useState<YearReviews | null>(null);
  // Sent from a document's 公开方案 (送信息公开审查): 送审登记 starts linked to that document.
  const seed = useLedger((s) => s.publicationSeed);
  const clearSeed = useLedger((s) => s.clearPublicationSeed);
  const [opening, setOpening] = useState(() => isCustodian && seed !== null);
  const [shownId, setShownId] = useState<number | null>(null);
  const { busy, error, run } = useLoad(useCallback(async () => setData(await send('publication.year', { year })), [year]));
  const reload = useCallback(async () => void (await run()), [run]);

  const rows = (data?.rows ?? []).filter((r) => !state || r.state === state);
  const shown = data?.rows.find((r) => r.id === shownId) ?? null;
  const filters = { year, ...(state ? { state } : {}) };
  const years = Array.from({ length: 6 }, (_, i) => dayjs().year() - i);

  const columns: TableProps<ReviewView>['columns'] = [
    {
      key: 'no',
      title: t('publication.reviewNo'),
      width: 130,
      // A button: Tab reaches it, Enter opens the review.
      render: (_, r) => (
        <Button type="link" size="small" className="monospace" onClick={() => setShownId(r.id)} data-testid={`publication-show-${r.reviewNo}`}>
          {r.reviewNo}
        </Button>
      ),
    },
    { key: 'openedAt', title: t('publication.openedAt'), width: 110, render: (_, r) => formatAt(r.openedAt, language).slice(0, 10) },
    {
      key: 'title',
      title: t('publication.item'),
      render: (_, r) => (
        <Space size={4} wrap>
          {r.title}
          {r.receiptNo && <Tag>{r.receiptNo}</Tag>}
          {r.telegram && <Tag color="purple">{say(CARRIER_TERMS.telegram, language)}</Tag>}
        </Space>
      ),
    },
    { key: 'department', dataIndex: 'department', title: t('publication.department'), width: 110 },
    { key: 'channel', title: t('publication.channel'), width: 100, render: (_, r) => say(PUBLICATION_CHANNEL_TERMS[r.channel], language) },
    { key: 'state', title: t('publication.state'), width: 100, render: (_, r) => <StateTag state={r.state} /> },
    {
      key: 'decision',
      title: t('publication.decision'),
      width: 120,
      render: (_, r) => (r.decision ? say(PUBLICATION_DECISION_TERMS[r.decision.verdict], language) : ''),
    },
    { key: 'reviewer', title: t('publication.reviewer'), width: 100, render: (_, r) => r.decision?.by ?? '' },
  ];

  return (
    <RegisterCard
      title={t('publication.title')}
      testId="publication-page"
      add={isCustodian ? { label: t('publication.open'), onClick: () => setOpening(true), testId: 'publication-open' } : undefined}
      sheet={{ name: 'publication-reviews', filters, printLabel: t('publication.print'), printTestId: 'publication-print' }}
    >
      <Flex vertical gap={12}>
        <Alert type="info" showIcon title={t('publication.hint')} />
        <Flex gap={12} wrap align="center">
          <Select
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: t('publication.yearOf', { year: y }) }))}
            style={{ width: 140 }}
            aria-label={t('publication.year')}
            data-testid="publication-year"
          />
          <Select
            value={state}
            onChange={setState}
            allowClear
            placeholder={t('publication.allStates')}
            options={PUBLICATION_STATES.map((s) => ({ value: s, label: say(PUBLICATION_STATE_TERMS[s], language) }))}
            style={{ width: 160 }}
            aria-label={t('publication.state')}
            data-testid="publication-state-filter"
          />
        </Flex>
        <ReviewCounts counts={data?.counts ?? null} />
        <ErrorAlert error={error} testId="publication-error" />
        <RegisterTable<ReviewView>
          loading={busy}
          columns={columns}
          dataSource={rows}
          locale={{ emptyText: t('publication.none') }}
          onOpen={(r) => setShownId(r.id)}
          rowTestId={(r) => `publication-row-${r.reviewNo}`}
          data-testid="publication-list"
        />
      </Flex>
      {opening && (
        <OpenDialog
          seed={seed}
          onClose={() => {
            setOpening(false);
            clearSeed();
          }}
          onDone={reload}
        />
      )}
      {shown && <ReviewDialog review={shown} onClose={() => setShownId(null)} onChanged={reload} />}
    </RegisterCard>
  );
}

interface OpenValues {
  title: string;
  department: string;
  channel: PublicationChannel;
  documentId?: number;
  telegram: boolean;
  abstract?: string;
  submittedBy: string;
  at: Dayjs;
}

/** A document as the picker lists it: its 收文编号 and title. */
const documentOption = (d: { id: number; receiptNo: string; title: string }) => ({ value: d.id, label: `${d.receiptNo} ${d.title}` });

/** A ledger document to link, found by its 收文编号 or title as typed. */
function DocumentPicker({ value, onChange, seed }: { value?: number; onChange?(id: number | undefined): void; seed: PublicationSeed | null }) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<{ value: number; label: string }[]>(seed ? [documentOption({ id: seed.documentId, ...seed })] : []);
  const search = useCallback(async (query: string) => {
    if (!query.trim()) return setOptions([]);
    const found = await send('documents.list', { query, limit: 20 }).catch(() => null);
    setOptions((found?.rows ?? []).map(documentOption));
  }, []);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
      allowClear
      value={value}
      onChange={(v: number | undefined) => onChange?.(v)}
      options={options}
      placeholder={t('publication.documentHint')}
      notFoundContent={null}
      data-testid="publication-open-document"
    />
  );
}

function OpenDialog({ seed, onClose, onDone }: { seed: PublicationSeed | null; onClose(): void; onDone(): Promise<void> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const required = (max: number) => [{ required: true, whitespace: true }, { max }];
  return (
    <FormModal<OpenValues>
      title={t('publication.openTitle')}
      submitText={t('publication.openSubmit')}
      testId="publication-open"
      keyboard
      width={640}
      initialValues={{ channel: 'website', telegram: false, at: dayjs(), ...(seed ? { title: seed.title, documentId: seed.documentId } : {}) }}
      onSubmit={async (v) => {
        await send('publication.open', {
          title: v.title.trim(),
          department: v.department.trim(),
          channel: v.channel,
          ...(v.documentId ? { documentId: v.documentId } : {}),
          telegram: v.telegram,
          abstract: v.abstract?.trim() ?? '',
          submittedBy: v.submittedBy.trim(),
          at: eventDate(v.at),
        });
        await onDone();
      }}
      onClose={onClose}
    >
      <Form.Item name="title" label={t('publication.item')} rules={required(200)}>
        <Input autoComplete="off" data-testid="publication-open-title" />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item name="department" label={t('publication.department')} rules={required(50)} style={{ flex: 1 }}>
          <Input autoComplete="off" data-testid="publication-open-department" />
        </Form.Item>
        <Form.Item name="submittedBy" label={t('publication.submittedBy')} rules={required(50)} style={{ flex: 1 }}>
          <Input autoComplete="off" data-testid="publication-open-submitted-by" />
        </Form.Item>
      </Flex>
      <Form.Item name="channel" label={t('publication.channel')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={PUBLICATION_CHANNELS.map((c) => ({ value: c, label: say(PUBLICATION_CHANNEL_TERMS[c], language) }))}
          data-testid="publication-open-channel"
        />
      </Form.Item>
      <Form.Item name="documentId" label={t('publication.document')} extra={t('publication.documentExtra')}>
        <DocumentPicker seed={seed} />
      </Form.Item>
      <Form.Item name="telegram" valuePropName="checked" extra={t('publication.telegramExtra')}>
        <Checkbox data-testid="publication-open-telegram">{t('publication.telegram')}</Checkbox>
      </Form.Item>
      <Form.Item name="abstract" label={t('publication.abstract')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} data-testid="publication-open-abstract" />
      </Form.Item>
      <DateField name="at" label={t('publication.openedAt')} style={{ width: 180 }} testId="publication-open-at" />
    </FormModal>
  );
}

type Step = 'decide' | 'confirm' | 'publish' | 'withdraw';

/** One review: what it is, what was decided and done, and the steps its state allows this account. */
function ReviewDialog({ review, onClose, onChanged }: { review: ReviewView; onClose(): void; onChanged(): Promise<void> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const isCustodian = useLedger(selectIsCustodian);
  const isApprover = useLedger(selectHasRole('approver'));
  const [step, setStep] = useState<Step | null>(null);
  const firstStep = useRef<HTMLButtonElement>(null);
  const signs = isCustodian || isApprover;
  // Keyboard-first: the dialog opens (and comes back after each step) with its next step focused; Enter takes it.
  useEffect(() => {
    if (step) return;
    const frame = requestAnimationFrame(() => firstStep.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [step, review.state]);
  const steps: Step[] = [
    ...(review.state === 'pending' && signs ? (['decide'] as const) : []),
    ...(review.state === 'awaiting_changes' && signs ? (['confirm'] as const) : []),
    ...(review.state === 'cleared' && isCustodian ? (['publish'] as const) : []),
    ...(review.state === 'pending' && isCustodian ? (['withdraw'] as const) : []),
  ];
  const signature = (s: { by: string; way: 'in_app' | 'on_the_spot'; at: string }) =>
    language === 'en'
      ? `${s.by} (${say(PUBLICATION_WAY_TERMS[s.way], language)}) ${formatAt(s.at, language)}`
      : `${s.by}（${say(PUBLICATION_WAY_TERMS[s.way], language)}）${formatAt(s.at, language)}`;
  const d = review.decision;
  // What the review is and what followed it, as the register prints it (each fact only once it exists).
  const facts: DescriptionsProps['items'] = [
    { key: 'state', label: t('publication.state'), span: 2, children: <StateTag state={review.state} /> },
    {
      key: 'item',
      label: t('publication.item'),
      span: 2,
      children: `${review.title}${review.receiptNo ? `（${review.receiptNo}）` : ''}${review.telegram ? `（${say(CARRIER_TERMS.telegram, language)}）` : ''}`,
    },
    { key: 'department', label: t('publication.department'), children: review.department },
    { key: 'submittedBy', label: t('publication.submittedBy'), children: review.submittedBy },
    { key: 'channel', label: t('publication.channel'), children: say(PUBLICATION_CHANNEL_TERMS[review.channel], language) },
    { key: 'openedAt', label: t('publication.openedAt'), children: formatAt(review.openedAt, language).slice(0, 10) },
    ...(review.content ? [{ key: 'abstract', label: t('publication.abstract'), span: 2, children: review.content }] : []),
    ...(d
      ? [
          {
            key: 'decision',
            label: t('publication.decision'),
            children: <span data-testid="publication-review-decision">{say(PUBLICATION_DECISION_TERMS[d.verdict], language)}</span>,
          },
          { key: 'reviewer', label: t('publication.reviewer'), children: <span data-testid="publication-review-reviewer">{signature(d)}</span> },
          { key: 'reasons', label: t('publication.reasons'), span: 2, children: d.reasons },
          ...(d.changes ? [{ key: 'changes', label: t('publication.changes'), span: 2, children: d.changes }] : []),
        ]
      : []),
    ...(review.confirmation
      ? [{ key: 'confirmed', label: t('publication.confirmed'), span: 2, children: `${review.confirmation.note}\u3000${signature(review.confirmation)}` }]
      : []),
    ...(review.publication
      ? [
          {
            key: 'published',
            label: t('publication.published'),
            span: 2,
            children: (
              <span data-testid="publication-review-published">
                {`${formatAt(review.publication.at, language).slice(0, 10)}\u3000${review.publication.place}`}
                {review.telegram && review.publication.headersRemoved ? `\u3000${say(HEADERS_REMOVED_TERM, language)}` : ''}
              </span>
            ),
          },
        ]
      : []),
    ...(review.withdrawal
      ? [
          {
            key: 'withdrawn',
            label: t('publication.withdrawn'),
            span: 2,
            children: `${formatAt(review.withdrawal.at, language).slice(0, 10)}\u3000${review.withdrawal.reason}`,
          },
        ]
      : []),
  ];
  return (
    <Modal
      open
      title={`${t('publication.review')} ${review.reviewNo}`}
      onCancel={onClose}
      width={720}
      footer={
        <Space wrap>
          {steps.map((s, i) => (
            <Button
              key={s}
              ref={i === 0 ? firstStep : undefined}
              type={i === 0 ? 'primary' : 'default'}
              onClick={() => setStep(s)}
              data-testid={`publication-${s}`}
            >
              {t(`publication.steps.${s}`)}
            </Button>
          ))}
          <Button onClick={onClose} data-testid="publication-review-close">
            {t('publication.close')}
          </Button>
        </Space>
      }
      data-testid="publication-review"
    >
      <Descriptions column={2} size="small" bordered items={facts} />
      {step === 'decide' && <DecideDialog review={review} onClose={() => setStep(null)} onDone={onChanged} />}
      {step === 'confirm' && <ConfirmDialog review={review} onClose={() => setStep(null)} onDone={onChanged} />}
      {step === 'publish' && <PublishDialog review={review} onClose={() => setStep(null)} onDone={onChanged} />}
      {step === 'withdraw' && <WithdrawDialog review={review} onClose={() => setStep(null)} onDone={onChanged} />}
    </Modal>
  );
}

interface StepProps {
  review: ReviewView;
  onClose(): void;
  onDone(): Promise<void>;
}

interface Countersigned {
  countersign?: { approverId?: number; password?: string };
}

/** The countersignature a custodian's form sends (the approver signed in sends none: they sign as themselves). */
function countersignOf(v: Countersigned, signedInApprover: boolean) {
  if (signedInApprover) return {};
  const c = v.countersign;
  return c?.approverId && c.password ? { countersign: { approverId: c.approverId, password: c.password } } : {};
}

/** Who signs: the approver signed in is named; the custodian's form asks for the approver on the spot. */
function Signer({ testIdPrefix }: { testIdPrefix: string }) {
  const { t } = useTranslation();
  const isApprover = useLedger(selectHasRole('approver'));
  const me = useLedger((s) => s.status?.session?.displayName);
  if (isApprover) return <Alert type="info" showIcon title={t('publication.signedInAs', { name: me ?? '' })} style={{ marginBottom: 16 }} />;
  return (
    <Card type="inner" size="small" title={t('publication.countersign')} style={{ marginBottom: 16 }}>
      <OnTheSpot testIdPrefix={testIdPrefix} field="countersign" />
    </Card>
  );
}

interface DecideValues extends Countersigned {
  verdict: PublicationDecision;
  reasons: string;
  changes?: string;
}

function DecideDialog({ review, onClose, onDone }: StepProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const isApprover = useLedger(selectHasRole('approver'));
  const [form] = Form.useForm<DecideValues>();
  const verdict = Form.useWatch('verdict', form);
  return (
    <FormModal<DecideValues>
      form={form}
      title={`${t('publication.steps.decide')} ${review.reviewNo}`}
      submitText={t('publication.steps.decide')}
      testId="publication-decide"
      draftKey={review.id}
      keyboard
      initialValues={{ verdict: 'approve' }}
      errorFields={{ change: 'changes', approver: ['countersign', 'approverId'] }}
      onSubmit={async (v) => {
        await send('publication.decide', {
          id: review.id,
          verdict: v.verdict,
          reasons: v.reasons.trim(),
          changes: v.verdict === 'approve_with_changes' ? (v.changes?.trim() ?? '') : '',
          ...countersignOf(v, isApprover),
        });
        await onDone();
      }}
      onClose={onClose}
    >
      <Form.Item name="verdict" label={t('publication.decision')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={PUBLICATION_DECISIONS.map((d) => ({ value: d, label: say(PUBLICATION_DECISION_TERMS[d], language) }))}
          data-testid="publication-decide-verdict"
        />
      </Form.Item>
      <Form.Item name="reasons" label={t('publication.reasons')} rules={[{ required: true, whitespace: true }, { max: 500 }]}>
        <Input.TextArea rows={2} data-testid="publication-decide-reasons" />
      </Form.Item>
      {verdict === 'approve_with_changes' && (
        <Form.Item name="changes" label={t('publication.changes')} rules={[{ required: true, whitespace: true }, { max: 500 }]}>
          <Input.TextArea rows={2} data-testid="publication-decide-changes" />
        </Form.Item>
      )}
      <Signer testIdPrefix="publication-decide" />
    </FormModal>
  );
}

interface ConfirmValues extends Countersigned {
  note: string;
}

function ConfirmDialog({ review, onClose, onDone }: StepProps) {
  const { t } = useTranslation();
  const isApprover = useLedger(selectHasRole('approver'));
  return (
    <FormModal<ConfirmValues>
      title={`${t('publication.steps.confirm')} ${review.reviewNo}`}
      submitText={t('publication.steps.confirm')}
      testId="publication-confirm"
      draftKey={review.id}
      keyboard
      errorFields={{ approver: ['countersign', 'approverId'] }}
      onSubmit={async (v) => {
        await send('publication.confirmChanges', { id: review.id, note: v.note.trim(), ...countersignOf(v, isApprover) });
        await onDone();
      }}
      onClose={onClose}
    >
      <Alert type="warning" showIcon title={`${t('publication.changes')}：${review.decision?.changes ?? ''}`} style={{ marginBottom: 16 }} />
      <Form.Item name="note" label={t('publication.confirmNote')} rules={[{ required: true, whitespace: true }, { max: 500 }]}>
        <Input.TextArea rows={2} data-testid="publication-confirm-note" />
      </Form.Item>
      <Signer testIdPrefix="publication-confirm" />
    </FormModal>
  );
}

interface PublishValues {
  place: string;
  headersRemoved: boolean;
  at: Dayjs;
}

function PublishDialog({ review, onClose, onDone }: StepProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <FormModal<PublishValues>
      title={`${t('publication.steps.publish')} ${review.reviewNo}`}
      submitText={t('publication.steps.publish')}
      testId="publication-publish"
      draftKey={review.id}
      keyboard
      initialValues={{ headersRemoved: false, at: dayjs() }}
      onSubmit={async (v) => {
        await send('publication.publish', { id: review.id, place: v.place.trim(), headersRemoved: v.headersRemoved, at: eventDate(v.at) });
        await onDone();
      }}
      onClose={onClose}
    >
      <Form.Item name="place" label={t('publication.place')} extra={t('publication.placeExtra')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
        <Input autoComplete="off" data-testid="publication-publish-place" />
      </Form.Item>
      {review.telegram && (
        <Form.Item name="headersRemoved" valuePropName="checked" extra={t('publication.headersExtra')}>
          <Checkbox data-testid="publication-publish-headers">{say(HEADERS_REMOVED_TERM, language)}</Checkbox>
        </Form.Item>
      )}
      <DateField name="at" label={t('publication.publishedAt')} style={{ width: 180 }} testId="publication-publish-at" />
    </FormModal>
  );
}

interface WithdrawValues {
  reason: string;
  at: Dayjs;
}

function WithdrawDialog({ review, onClose, onDone }: StepProps) {
  const { t } = useTranslation();
  return (
    <FormModal<WithdrawValues>
      title={`${t('publication.steps.withdraw')} ${review.reviewNo}`}
      submitText={t('publication.steps.withdraw')}
      testId="publication-withdraw"
      draftKey={review.id}
      keyboard
      initialValues={{ at: dayjs() }}
      onSubmit={async (v) => {
        await send('publication.withdraw', { id: review.id, reason: v.reason.trim(), at: eventDate(v.at) });
        await onDone();
      }}
      onClose={onClose}
    >
      <Form.Item name="reason" label={t('publication.withdrawReason')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
        <Input autoComplete="off" data-testid="publication-withdraw-reason" />
      </Form.Item>
      <DateField name="at" label={t('publication.withdrawnAt')} style={{ width: 180 }} testId="publication-withdraw-at" />
    </FormModal>
  );
}
