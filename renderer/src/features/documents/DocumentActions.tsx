// The custodian's forms for one item's lifecycle (借阅, 归还, 复制, 传递/转发, 回执, 找回, 报失, 移库, 变更/解密, 定密审查) and the
// whole-ledger hand-over. Each is a keyboard-first modal; the backend judges every rule and a refusal is
// shown in words, with the field it concerns marked.
import { Children, useRef, useState, type ReactNode } from 'react';
import { Alert, App, Col, Flex, Form, Input, InputNumber, Radio, Row, Select, Switch, Table, Typography, type TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CommandOutput, DocumentDetail } from '../../../../preload/contract';
import { CONDITIONS, HELD_STATUSES, TRANSMIT_CHANNELS, type Condition } from './documents';
import { compressCopyNos, formatCopyNo, inScope } from '../../../../db/domain';
import type { CopyAction } from '../../../../db/domain/errors';
import { eventDate, isoDate } from '../../ui/dates';
import { DateField } from '../../ui/DateField';
import { useDueDate } from '../../ui/hooks/useDueDate';
import { selectSession, useLedger } from '../../store';
import { FormModal } from '../../ui/FormModal';
import { ConfirmSummary } from '../../ui/ConfirmSummary';
import { useAction } from '../../ui/hooks/useAction';
import { toLanguage } from '../../i18n/language';
import { CopyPicker } from './CopyPicker';
import { useCopyOfScan, useScanFeedback, useScanTarget, type Scan } from '../scanner';
import { ApprovalFields, initialApproval, toGrant, type ApprovalValues } from './ApprovalFields';
import { LocationSelect } from './LocationSelect';
import { MarkingInput } from './MarkingInput';
import { PeopleInput, PersonInput, SuggestInput, UnitInput } from '../../ui/SuggestInput';

interface ItemDialogProps {
  doc: DocumentDetail;
  onClose(): void;
}

const LOAN_DAYS = 7;

/** Short fields side by side, so that a form fits the screen without scrolling. */
function FieldRow({ children }: { children: ReactNode }) {
  const items = Children.toArray(children);
  return (
    <Row gutter={16}>
      {items.map((child, i) => (
        <Col key={i} xs={24} sm={24 / items.length}>
          {child}
        </Col>
      ))}
    </Row>
  );
}

/** When it happened: today unless registered late; never a future day. */
function AtField({ testId }: { testId: string }) {
  const { t } = useTranslation();
  return <DateField name="at" label={t('actions.at')} initialValue={dayjs()} testId={testId} />;
}

/** The 份号 the step acts on: ticked by hand or by scanning their labels (the step names a copy it cannot take). */
function CopiesField({
  doc,
  statuses,
  action,
  testId,
  showStatus,
}: {
  doc: DocumentDetail;
  statuses: DocumentDetail['copyList'][number]['status'][];
  action: CopyAction;
  testId: string;
  showStatus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item name="copyNos" label={t('actions.copies')} rules={[{ required: true, type: 'array', min: 1, message: t('actions.needCopies') }]}>
      <CopyPicker copies={doc.copyList} statuses={statuses} scanAction={action} testId={testId} showStatus={showStatus} />
    </Form.Item>
  );
}

const inCustody = (doc: DocumentDetail) => doc.copyList.filter((c) => c.status === 'in_custody').map((c) => c.copyNo);
const onlyOne = (nos: number[]) => (nos.length === 1 ? nos : []);

function useDone() {
  const { message } = App.useApp();
  return (text: string, testId: string) => void message.success({ content: <span data-testid={testId}>{text}</span> });
}

// ---- 借阅 ---------------------------------------------------------------------------------------------

interface LendValues {
  copyNos: number[];
  borrower: { name: string; department?: string };
  dueAt: Dayjs;
  takenOut: boolean;
  approval?: ApprovalValues;
  at: Dayjs;
}

export function LendModal({ doc, onClose }: ItemDialogProps) {
  const { t } = useTranslation();
  const run = useLedger((s) => s.runDocumentCommand);
  const done = useDone();
  const [form] = Form.useForm<LendValues>();
  const name = Form.useWatch(['borrower', 'name'], form) ?? '';
  const department = Form.useWatch(['borrower', 'department'], form) ?? '';
  const takenOut = Form.useWatch('takenOut', form);
  const copyNos = Form.useWatch('copyNos', form);
  const at = useDueDate(form, LOAN_DAYS);
  const outside = name.trim() !== '' && !inScope(doc.scope, { name, department });
  return (
    <FormModal<LendValues>
      title={t('actions.lend.title', { receiptNo: doc.receiptNo })}
      submitText={t('doc.actions.lend')}
      testId="lend"
      form={form}
      keyboard
      errorFields={{ dueAt: 'dueAt', at: 'at' }}
      initialValues={{ copyNos: onlyOne(inCustody(doc)), takenOut: false, approval: initialApproval('unit') }}
      onSubmit={async (v) => {
        const department = v.borrower.department?.trim();
        await run('documents.lend', {
          documentId: doc.id,
          copyNos: v.copyNos,
          borrower: { name: v.borrower.name.trim(), ...(department ? { department } : {}) },
          dueAt: isoDate(v.dueAt),
          takenOut: v.takenOut,
          approval: toGrant(v.approval),
          at: eventDate(v.at),
        });
        done(t('actions.lend.done', { copyNos: compressCopyNos(v.copyNos) }), 'lend-done');
      }}
      onClose={onClose}
    >
      <CopiesField doc={doc} statuses={['in_custody']} action="lend" testId="lend-copies" />
      <FieldRow>
        <Form.Item name={['borrower', 'name']} label={t('actions.lend.borrower')} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
          <PersonInput autoFocus testId="lend-borrower" />
        </Form.Item>
        <Form.Item name={['borrower', 'department']} label={t('actions.lend.department')} rules={[{ max: 60 }]}>
          <Input autoComplete="off" data-testid="lend-department" />
        </Form.Item>
      </FieldRow>
      <FieldRow>
        <DateField
          name="dueAt"
          label={t('actions.lend.dueAt')}
          min={{ day: at, refusal: { code: 'E_VALIDATION', details: { field: 'dueAt' } } }}
          max={null}
          dependencies={['at']}
          testId="lend-due-at"
        />
        <Form.Item name="takenOut" label={t('actions.lend.takenOut')} valuePropName="checked">
          <Switch data-testid="lend-taken-out" />
        </Form.Item>
        <AtField testId="lend-at" />
      </FieldRow>
      {(outside || takenOut) && (
        <Alert
          type="warning"
          showIcon
          title={outside ? t('actions.lend.outsideScope', { name: name.trim() }) : t('actions.lend.takenOutHint')}
          style={{ marginBottom: 16 }}
          data-testid="lend-approval-hint"
        />
      )}
      {(outside || takenOut) && (
        <ApprovalFields
          testIdPrefix="lend-approval"
          need={{ kind: outside ? 'lend_outside_scope' : 'take_out', subject: { type: 'document', id: doc.id }, copyNos }}
          authority="unit"
        />
      )}
    </FormModal>
  );
}

// ---- 归还 ---------------------------------------------------------------------------------------------

interface ReturnLoanValues {
  copyNos: number[];
  condition: Condition;
  receivedBy: string;
  at: Dayjs;
}

export function ReturnLoanModal({ doc, onClose }: ItemDialogProps) {
  const { t } = useTranslation();
  const run = useLedger((s) => s.runDocumentCommand);
  const me = useLedger(selectSession)?.displayName;
  const done = useDone();
  return (
    <FormModal<ReturnLoanValues>
      title={t('actions.returnLoan.title', { receiptNo: doc.receiptNo })}
      submitText={t('doc.actions.returnLoan')}
      testId="return-loan"
      keyboard
      errorFields={{ at: 'at' }}
      initialValues={{ copyNos: doc.copyList.filter((c) => c.status === 'on_loan').map((c) => c.copyNo), condition: 'intact', receivedBy: me }}
      onSubmit={async (v) => {
        await run('documents.returnLoan', {
          documentId: doc.id,
          copyNos: v.copyNos,
          condition: v.condition,
          receivedBy: v.receivedBy.trim(),
          at: eventDate(v.at),
        });
        done(t('actions.returnLoan.done', { copyNos: compressCopyNos(v.copyNos) }), 'return-loan-done');
      }}
      onClose={onClose}
    >
      <CopiesField doc={doc} statuses={['on_loan']} action="return from loan" testId="return-loan-copies" />
      <Form.Item name="condition" label={t('actions.returnLoan.condition')}>
        <Radio.Group optionType="button" options={CONDITIONS.map((c) => ({ value: c, label: t(`conditions.${c}`) }))} data-testid="return-loan-condition" />
      </Form.Item>
      <FieldRow>
        <Form.Item name="receivedBy" label={t('actions.returnLoan.receivedBy')} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
          <PersonInput testId="return-loan-received-by" />
        </Form.Item>
        <AtField testId="return-loan-at" />
      </FieldRow>
    </FormModal>
  );
}

// ---- 复制 ---------------------------------------------------------------------------------------------

interface CopyValues {
  sourceCopyNo: number;
  count: number;
  approval?: ApprovalValues;
  locationId?: number;
  at: Dayjs;
}

export function CopyModal({ doc, onClose }: ItemDialogProps) {
  const { t } = useTranslation();
  const run = useLedger((s) => s.runDocumentCommand);
  const done = useDone();
  const [form] = Form.useForm<CopyValues>();
  const sourceCopyNo = Form.useWatch('sourceCopyNo', form);
  const count = Form.useWatch('count', form);
  const sources = doc.copyList.filter((c) => c.status === 'in_custody');
  // 绝密 only by the originator or its superior; 机密 / 秘密 by the unit's approver; 内部 needs none.
  const authority = doc.level === 'top_secret' ? 'external' : 'unit';
  const rule = doc.level === 'top_secret' ? t('actions.copy.ruleTopSecret') : doc.level === 'internal' ? undefined : t('actions.copy.ruleClassified');
  return (
    <FormModal<CopyValues>
      title={t('actions.copy.title', { receiptNo: doc.receiptNo })}
      submitText={t('doc.actions.copy')}
      testId="copy"
      form={form}
      keyboard
      errorFields={{ at: 'at', locationId: 'locationId' }}
      initialValues={{ sourceCopyNo: sources[0]?.copyNo, count: 1, approval: initialApproval(authority) }}
      onSubmit={async (v) => {
        const out = await run('documents.copy', {
          documentId: doc.id,
          sourceCopyNo: v.sourceCopyNo,
          count: v.count,
          approval: toGrant(v.approval),
          ...(v.locationId ? { locationId: v.locationId } : {}),
          at: eventDate(v.at),
        });
        done(t('actions.copy.done', { copyNos: compressCopyNos(out.copyNos) }), 'copy-done');
      }}
      onClose={onClose}
    >
      <FieldRow>
        <Form.Item name="sourceCopyNo" label={t('actions.copy.source')} rules={[{ required: true }]}>
          <Select autoFocus options={sources.map((c) => ({ value: c.copyNo, label: formatCopyNo(c.copyNo) }))} data-testid="copy-source" />
        </Form.Item>
        <Form.Item name="count" label={t('actions.copy.count')} rules={[{ required: true }]}>
          <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} data-testid="copy-count" />
        </Form.Item>
        <Form.Item name="locationId" label={t('actions.copy.location')}>
          <LocationSelect allowClear level={doc.level} placeholder={t('actions.copy.locationSame')} testId="copy-location" />
        </Form.Item>
      </FieldRow>
      {doc.level !== 'internal' && (
        <ApprovalFields
          testIdPrefix="copy-approval"
          need={{ kind: 'copy', subject: { type: 'document', id: doc.id }, copyNos: sourceCopyNo ? [sourceCopyNo] : [], count }}
          authority={authority}
          rule={rule}
        />
      )}
      <AtField testId="copy-at" />
    </FormModal>
  );
}

// ---- 传递 / 转发 ----------------------------------------------------------------------------------------

interface TransmitValues {
  copyNos: number[];
  toUnit: string;
  channel: string;
  handledBy: string;
  forward: boolean;
  approval?: ApprovalValues;
  at: Dayjs;
}

export function TransmitModal({ doc, onClose }: ItemDialogProps) {
  const { t } = useTranslation();
  const run = useLedger((s) => s.runDocumentCommand);
  const me = useLedger(selectSession)?.displayName;
  const done = useDone();
  const [form] = Form.useForm<TransmitValues>();
  const forward = Form.useWatch('forward', form);
  const copyNos = Form.useWatch('copyNos', form);
  return (
    <FormModal<TransmitValues>
      title={t('actions.transmit.title', { receiptNo: doc.receiptNo })}
      submitText={t('doc.actions.transmit')}
      testId="transmit"
      form={form}
      keyboard
      errorFields={{ at: 'at', channel: 'channel' }}
      initialValues={{ copyNos: onlyOne(inCustody(doc)), handledBy: me, forward: false, approval: initialApproval('external') }}
      onSubmit={async (v) => {
        await run('documents.transmit', {
          documentId: doc.id,
          copyNos: v.copyNos,
          toUnit: v.toUnit.trim(),
          channel: v.channel.trim(),
          handledBy: v.handledBy.trim(),
          forward: v.forward,
          approval: toGrant(v.approval),
          at: eventDate(v.at),
        });
        done(t('actions.transmit.done', { copyNos: compressCopyNos(v.copyNos) }), 'transmit-done');
      }}
      onClose={onClose}
    >
      <CopiesField doc={doc} statuses={['in_custody']} action="transmit" testId="transmit-copies" />
      <FieldRow>
        <Form.Item name="toUnit" label={t('actions.transmit.toUnit')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
          <UnitInput autoFocus testId="transmit-to-unit" />
        </Form.Item>
      </FieldRow>
      {/* Free text on purpose: a forbidden channel is refused by the backend's rule, in words. */}
      <Form.Item
        name="channel"
        label={t('actions.transmit.channel')}
        extra={t('actions.transmit.channelHint')}
        rules={[{ required: true, whitespace: true }, { max: 30 }]}
      >
        <SuggestInput source={TRANSMIT_CHANNELS} maxLength={30} testId="transmit-channel" />
      </Form.Item>
      <FieldRow>
        <Form.Item name="handledBy" label={t('actions.transmit.handledBy')} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
          <PersonInput testId="transmit-handled-by" />
        </Form.Item>
        <Form.Item name="forward" label={t('actions.transmit.forward')} valuePropName="checked">
          <Switch data-testid="transmit-forward" />
        </Form.Item>
        <AtField testId="transmit-at" />
      </FieldRow>
      {forward && doc.level !== 'internal' && (
        <ApprovalFields testIdPrefix="transmit-approval" need={{ kind: 'forward', subject: { type: 'document', id: doc.id }, copyNos }} authority="external" />
      )}
    </FormModal>
  );
}

// ---- 回执 ---------------------------------------------------------------------------------------------

interface ReceiptValues {
  eventId: number;
  receiptRef?: string;
  at: Dayjs;
}

/** Sendings of this item whose receipt is not yet recorded, newest first. */
export function awaitingReceipt(doc: DocumentDetail) {
  const confirmed = new Set(doc.events.filter((e) => e.kind === 'receipt_confirmed').map((e) => Number(e.details['eventId'])));
  return doc.events.filter((e) => (e.kind === 'transmit' || e.kind === 'forward') && !confirmed.has(e.id)).reverse();
}

/** `eventId`: the transmission to confirm, when chosen on the timeline; else the newest waiting. */
export function ConfirmReceiptModal({ doc, eventId, onClose }: ItemDialogProps & { eventId?: number | undefined }) {
  const { t } = useTranslation();
  const run = useLedger((s) => s.runDocumentCommand);
  const done = useDone();
  const sendings = awaitingReceipt(doc);
  return (
    <FormModal<ReceiptValues>
      title={t('actions.confirmReceipt.title', { receiptNo: doc.receiptNo })}
      submitText={t('doc.actions.confirmReceipt')}
      testId="receipt"
      keyboard
      errorFields={{ at: 'at', eventId: 'eventId' }}
      initialValues={{ eventId: eventId ?? sendings[0]?.id }}
      onSubmit={async (v) => {
        const receiptRef = v.receiptRef?.trim();
        await run('documents.confirmReceipt', { documentId: doc.id, eventId: v.eventId, ...(receiptRef ? { receiptRef } : {}), at: eventDate(v.at) });
        done(t('actions.confirmReceipt.done'), 'receipt-done');
      }}
      onClose={onClose}
    >
      {sendings.length === 0 && <Alert type="info" showIcon title={t('actions.confirmReceipt.none')} style={{ marginBottom: 16 }} />}
      <Form.Item name="eventId" label={t('actions.confirmReceipt.event')} rules={[{ required: true }]}>
        <Select
          autoFocus
          options={sendings.map((e) => ({
            value: e.id,
            label: `${e.at.slice(0, 10)} ${t(e.kind === 'forward' ? 'events.forward' : 'events.transmit')} ${e.counterpart ?? ''} ${compressCopyNos(e.copyNos)}`,
          }))}
          data-testid="receipt-event"
        />
      </Form.Item>
      <FieldRow>
        <Form.Item name="receiptRef" label={t('actions.confirmReceipt.receiptRef')} rules={[{ max: 100 }]}>
          <Input autoComplete="off" data-testid="receipt-ref" />
        </Form.Item>
        <AtField testId="receipt-at" />
      </FieldRow>
    </FormModal>
  );
}

// ---- 找回 / 报失 ---------------------------------------------------------------------------------------

/** 份号 reported lost (报失, terminal): they stay 缺失 but leave the reminders and take no other step. */
export function lostCopyNos(doc: DocumentDetail): Set<number> {
  return new Set(doc.events.filter((e) => e.kind === 'reported_lost').flatMap((e) => e.copyNos));
}

/** Copies missing since an inventory and neither found nor reported lost: what 找回 and 报失 act on. */
export function stillMissing(doc: DocumentDetail) {
  const lost = lostCopyNos(doc);
  return doc.copyList.filter((c) => c.status === 'missing' && !lost.has(c.copyNo));
}

interface FoundValues {
  copyNos: number[];
  locationId: number;
  at: Dayjs;
}

export function FoundModal({ doc, onClose }: ItemDialogProps) {
  const { t } = useTranslation();
  const run = useLedger((s) => s.runDocumentCommand);
  const done = useDone();
  const missing = stillMissing(doc);
  return (
    <FormModal<FoundValues>
      title={t('actions.found.title', { receiptNo: doc.receiptNo })}
      submitText={t('doc.actions.found')}
      testId="found"
      keyboard
      errorFields={{ at: 'at', locationId: 'locationId' }}
      initialValues={{ copyNos: onlyOne(missing.map((c) => c.copyNo)) }}
      onSubmit={async (v) => {
        await run('documents.found', { documentId: doc.id, copyNos: v.copyNos, locationId: v.locationId, at: eventDate(v.at) });
        done(t('actions.found.done', { copyNos: compressCopyNos(v.copyNos) }), 'found-done');
      }}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={t('actions.found.hint')} style={{ marginBottom: 16 }} />
      <Form.Item name="copyNos" label={t('actions.copies')} rules={[{ required: true, type: 'array', min: 1, message: t('actions.needCopies') }]}>
        <CopyPicker copies={missing} statuses={['missing']} testId="found-copies" />
      </Form.Item>
      <FieldRow>
        <Form.Item name="locationId" label={t('actions.found.location')} rules={[{ required: true }]}>
          <LocationSelect autoFocus level={doc.level} telegrams={doc.carrier === 'telegram'} testId="found-location" />
        </Form.Item>
        <AtField testId="found-at" />
      </FieldRow>
    </FormModal>
  );
}

interface ReportLostValues {
  copyNos: number[];
  reportRef: string;
  at: Dayjs;
}

export function ReportLostModal({ doc, onClose }: ItemDialogProps) {
  const { t } = useTranslation();
  const run = useLedger((s) => s.runDocumentCommand);
  const done = useDone();
  const missing = stillMissing(doc);
  return (
    <FormModal<ReportLostValues>
      title={t('actions.reportLost.title', { receiptNo: doc.receiptNo })}
      submitText={t('doc.actions.reportLost')}
      testId="report-lost"
      keyboard
      errorFields={{ at: 'at', reportRef: 'reportRef' }}
      initialValues={{ copyNos: onlyOne(missing.map((c) => c.copyNo)) }}
      onSubmit={async (v) => {
        await run('documents.reportLost', { documentId: doc.id, copyNos: v.copyNos, reportRef: v.reportRef.trim(), at: eventDate(v.at) });
        done(t('actions.reportLost.done', { copyNos: compressCopyNos(v.copyNos) }), 'report-lost-done');
      }}
      onClose={onClose}
    >
      <Alert type="warning" showIcon title={t('actions.reportLost.hint')} style={{ marginBottom: 16 }} />
      <Form.Item name="copyNos" label={t('actions.copies')} rules={[{ required: true, type: 'array', min: 1, message: t('actions.needCopies') }]}>
        <CopyPicker copies={missing} statuses={['missing']} testId="report-lost-copies" />
      </Form.Item>
      <FieldRow>
        <Form.Item name="reportRef" label={t('actions.reportLost.reportRef')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
          <Input autoFocus autoComplete="off" data-testid="report-lost-ref" />
        </Form.Item>
        <AtField testId="report-lost-at" />
      </FieldRow>
    </FormModal>
  );
}

// ---- 移库 ---------------------------------------------------------------------------------------------

interface MoveValues {
  copyNos: number[];
  locationId: number;
  at: Dayjs;
}

export function MoveModal({ doc, onClose }: ItemDialogProps) {
  const { t } = useTranslation();
  const run = useLedger((s) => s.runDocumentCommand);
  const locations = useLedger((s) => s.locations);
  const done = useDone();
  return (
    <FormModal<MoveValues>
      title={t('actions.move.title', { receiptNo: doc.receiptNo })}
      submitText={t('doc.actions.move')}
      testId="move"
      keyboard
      errorFields={{ at: 'at', locationId: 'locationId' }}
      initialValues={{ copyNos: inCustody(doc) }}
      onSubmit={async (v) => {
        await run('documents.move', { documentId: doc.id, copyNos: v.copyNos, locationId: v.locationId, at: eventDate(v.at) });
        done(t('actions.move.done', { location: locations.find((l) => l.id === v.locationId)?.code ?? '' }), 'move-done');
      }}
      onClose={onClose}
    >
      <CopiesField doc={doc} statuses={['in_custody']} action="move" testId="move-copies" />
      <FieldRow>
        <Form.Item name="locationId" label={t('actions.move.location')} rules={[{ required: true }]}>
          <LocationSelect autoFocus level={doc.level} telegrams={doc.carrier === 'telegram'} testId="move-location" />
        </Form.Item>
        <AtField testId="move-at" />
      </FieldRow>
    </FormModal>
  );
}

// ---- 变更 / 解密 ----------------------------------------------------------------------------------------

interface ChangeValues {
  mode: 'change' | 'declassify';
  marking: string;
  scope: string[];
  approval?: ApprovalValues;
  at: Dayjs;
}

export function ChangeMarkingModal({ doc, onClose }: ItemDialogProps) {
  const { t } = useTranslation();
  const run = useLedger((s) => s.runDocumentCommand);
  const done = useDone();
  const [form] = Form.useForm<ChangeValues>();
  const mode = Form.useWatch('mode', form) ?? 'change';
  // A received document's marking is the originator's to change; the unit decides on what it produced itself.
  const authority = doc.origin === 'received' ? 'external' : 'either';
  return (
    <FormModal<ChangeValues>
      title={t('actions.changeMarking.title', { receiptNo: doc.receiptNo })}
      submitText={t('doc.actions.changeMarking')}
      testId="change-marking"
      form={form}
      keyboard
      errorFields={{ at: 'at', marking: 'marking' }}
      initialValues={{ mode: 'change', marking: doc.marking, scope: doc.scope, approval: initialApproval(authority) }}
      onSubmit={async (v) => {
        const marking = v.marking?.trim();
        const scopeChanged = v.scope && JSON.stringify(v.scope) !== JSON.stringify(doc.scope);
        await run('documents.changeMarking', {
          documentId: doc.id,
          declassify: v.mode === 'declassify',
          ...(v.mode === 'change' && marking && marking !== doc.marking ? { marking } : {}),
          ...(v.mode === 'change' && scopeChanged ? { scope: v.scope } : {}),
          approval: toGrant(v.approval),
          at: eventDate(v.at),
        });
        done(t('actions.changeMarking.done'), 'change-marking-done');
      }}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={t('actions.changeMarking.hint')} style={{ marginBottom: 16 }} />
      <Form.Item name="mode" label={t('actions.changeMarking.mode')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'change', label: t('actions.changeMarking.change') },
            { value: 'declassify', label: t('actions.changeMarking.declassify') },
          ]}
          data-testid="change-marking-mode"
        />
      </Form.Item>
      {mode === 'change' && (
        <>
          <Form.Item name="marking" label={t('actions.changeMarking.marking')} extra={t('docForm.markingHint')} rules={[{ max: 60 }]}>
            <MarkingInput testId="change-marking-marking" issueDate={doc.issueDate} />
          </Form.Item>
          <Form.Item name="scope" label={t('actions.changeMarking.scope')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <PeopleInput testId="change-marking-scope" />
          </Form.Item>
        </>
      )}
      <ApprovalFields
        testIdPrefix="change-marking-approval"
        need={{ kind: 'change_marking', subject: { type: 'document', id: doc.id } }}
        authority={authority}
      />
      <AtField testId="change-marking-at" />
    </FormModal>
  );
}

// ---- 定密审查 -------------------------------------------------------------------------------------------

interface ReviewValues {
  reviewedBy: string;
  conclusion: string;
  at: Dayjs;
}

/** The yearly review of one item (item page) or of the items chosen in the register. */
export function ReviewModal({ documentIds, receiptNo, onClose }: { documentIds: number[]; receiptNo?: string; onClose(): void }) {
  const { t } = useTranslation();
  const run = useLedger((s) => s.runDocumentCommand);
  const done = useDone();
  const conclusions = [t('actions.review.conclusions.keep'), t('actions.review.conclusions.change'), t('actions.review.conclusions.declassify')];
  return (
    <FormModal<ReviewValues>
      title={
        documentIds.length > 1
          ? t('actions.review.titleMany', { n: documentIds.length })
          : `${t('actions.review.title')}${receiptNo ? `\u3000${receiptNo}` : ''}`
      }
      submitText={t('doc.actions.review')}
      testId="review"
      keyboard
      errorFields={{ at: 'at' }}
      initialValues={{ conclusion: conclusions[0] }}
      onSubmit={async (v) => {
        await run('documents.review', { documentIds, reviewedBy: v.reviewedBy.trim(), conclusion: v.conclusion.trim(), at: eventDate(v.at) });
        done(t('actions.review.done'), 'review-done');
      }}
      onClose={onClose}
    >
      <FieldRow>
        <Form.Item name="reviewedBy" label={t('actions.review.reviewedBy')} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
          <PersonInput autoFocus testId="review-reviewed-by" />
        </Form.Item>
        <AtField testId="review-at" />
      </FieldRow>
      <Form.Item name="conclusion" label={t('actions.review.conclusion')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
        <SuggestInput source={conclusions} maxLength={200} testId="review-conclusion" />
      </Form.Item>
    </FormModal>
  );
}

// ---- 移交 ---------------------------------------------------------------------------------------------

type HandoverPreview = CommandOutput<'documents.handoverPreview'>;

/**
 * The hand-over list as the paper will carry it (the sheet builder's rows). The successor may scan each copy's label
 * to check it against the list: a listed copy is marked on its row, one the list does not hold is said.
 */
function HandoverList({ preview }: { preview: HandoverPreview }) {
  const { t } = useTranslation();
  const scope = useRef<HTMLDivElement>(null);
  const copyOfScan = useCopyOfScan();
  const feedback = useScanFeedback();
  // The 份号 scanned so far, by 收文编号.
  const [checked, setChecked] = useState<Record<string, number[]>>({});
  const receiptColumn = preview.form.columns.findIndex((c) => c.key === 'receiptNo');
  const check = async (scan: Scan) => {
    const copy = await copyOfScan(scan);
    if (!copy) return;
    const words = { receiptNo: copy.receiptNo, copyNo: formatCopyNo(copy.copyNo) };
    // The hand-over takes every copy held (in the cabinet or out on loan).
    const listed = HELD_STATUSES.includes(copy.status) && preview.form.rows.some((row) => row[receiptColumn] === copy.receiptNo);
    if (!listed) return feedback.refuse(t('scanner.notInHandover', words));
    if (checked[copy.receiptNo]?.includes(copy.copyNo)) return feedback.note(t('scanner.handoverAlready', words));
    setChecked((c) => ({ ...c, [copy.receiptNo]: [...(c[copy.receiptNo] ?? []), copy.copyNo].sort((a, b) => a - b) }));
    feedback.done(t('scanner.handoverChecked', words));
  };
  useScanTarget(
    (scan) => {
      void check(scan);
      return true;
    },
    true,
    scope,
  );
  const count = Object.values(checked).reduce((n, nos) => n + nos.length, 0);
  const columns: TableProps<string[]>['columns'] = [
    ...preview.form.columns.map((c, i) => ({ key: c.key, title: c.label, render: (_: unknown, row: string[]) => row[i] })),
    {
      key: 'scanned',
      title: t('scanner.handoverColumn'),
      width: 110,
      render: (_: unknown, row: string[]) => <span className="monospace">{compressCopyNos(checked[row[receiptColumn] ?? ''] ?? [])}</span>,
    },
  ];
  return (
    <div ref={scope}>
      <Flex justify="space-between" align="baseline" wrap style={{ margin: '12px 0 8px' }}>
        <Typography.Text strong>{t('confirm.handoverList', { batchNo: preview.batchNo })}</Typography.Text>
        <Typography.Text type="secondary" data-testid="handover-scanned">
          {count ? t('scanner.handoverProgress', { checked: count, copies: preview.copies }) : t('scanner.handoverHint')}
        </Typography.Text>
      </Flex>
      <Table<string[]>
        size="small"
        pagination={false}
        scroll={{ y: 320 }}
        rowKey={(_, i) => String(i)}
        columns={columns}
        dataSource={preview.form.rows}
        footer={() => preview.form.totalText}
        data-testid="handover-list"
      />
    </div>
  );
}

interface HandoverValues {
  from: string;
  to: string;
  supervisor: string;
  at: Dayjs;
}

/** 移交: everything held goes to the successor; the batch number names the hand-over list. */
export function HandoverModal({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const { modal } = App.useApp();
  const run = useLedger((s) => s.runDocumentCommand);
  const me = useLedger(selectSession)?.displayName;
  const openPrint = useLedger((s) => s.openPrint);
  // The form asks for the people; then the list itself is shown, to be checked before it is signed.
  const [values, setValues] = useState<HandoverValues | null>(null);
  const [preview, setPreview] = useState<CommandOutput<'documents.handoverPreview'> | null>(null);
  const reviewing = useRef(false);
  const people = (v: HandoverValues) => ({ from: v.from.trim(), to: v.to.trim(), supervisor: v.supervisor.trim(), at: eventDate(v.at) });
  const sign = useAction(async (values: HandoverValues) => {
    const out = await run('documents.handover', people(values));
    onClose();
    void modal.confirm({
      title: t('handover.title'),
      content: <span data-testid="handover-done">{t('handover.done', { batchNo: out.batchNo, n: out.copies })}</span>,
      okText: t('print.handoverList'),
      cancelText: t('print.close'),
      onOk: () => openPrint({ kind: 'handover-list', batchNo: out.batchNo }),
    });
  });

  if (preview && values) {
    return (
      <ConfirmSummary
        title={t('confirm.handoverTitle')}
        confirmText={t('confirm.handoverTitle')}
        busy={sign.busy}
        error={sign.error}
        width={960}
        facts={[
          { label: t('confirm.amount'), value: t('confirm.handoverCopies', { items: preview.items, copies: preview.copies }), testId: 'amount' },
          { label: t('handover.from'), value: values.from.trim(), testId: 'from' },
          { label: t('handover.to'), value: values.to.trim(), testId: 'to' },
          { label: t('handover.supervisor'), value: values.supervisor.trim(), testId: 'supervisor' },
          { label: t('confirm.prints'), value: t('confirm.printsAfter', { form: t('confirm.forms.handover') }), testId: 'prints' },
        ]}
        onBack={() => {
          reviewing.current = false;
          sign.clearError();
          setPreview(null);
        }}
        onConfirm={() => void sign.run(values)}
      >
        <HandoverList preview={preview} />
      </ConfirmSummary>
    );
  }
  return (
    <FormModal<HandoverValues>
      title={t('handover.title')}
      submitText={t('handover.submit')}
      testId="handover"
      keyboard
      errorFields={{ at: 'at', to: 'to' }}
      initialValues={values ?? { from: me }}
      onSubmit={async (v) => {
        const list = await run('documents.handoverPreview', { ...people(v), language: toLanguage(i18n.language) });
        reviewing.current = true;
        setValues(v);
        setPreview(list);
      }}
      onClose={() => {
        // The form closes itself once the list is shown: that is the next step, not the end.
        if (!reviewing.current) onClose();
      }}
    >
      <Alert type="info" showIcon title={t('handover.hint')} style={{ marginBottom: 16 }} />
      <FieldRow>
        <Form.Item name="from" label={t('handover.from')} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
          <PersonInput testId="handover-from" />
        </Form.Item>
        <Form.Item name="to" label={t('handover.to')} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
          <PersonInput autoFocus testId="handover-to" />
        </Form.Item>
        <Form.Item name="supervisor" label={t('handover.supervisor')} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
          <PersonInput testId="handover-supervisor" />
        </Form.Item>
        <AtField testId="handover-at" />
      </FieldRow>
    </FormModal>
  );
}
