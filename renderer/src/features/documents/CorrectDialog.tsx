// 更正 and 作废 of a registered document: one field entered wrong gets its right value with a reason (a key field
// with an approval); a registration made in error is voided while nothing has happened to it. The backend keeps
// the registration as entered and shows both on the timeline and the printed 流转记录.
import { Alert, App, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CommandInput, DocumentDetail } from '../../../../preload/contract';
import { DOCUMENT_CORRECTED_FIELDS, isKeyField } from '../../../../db/domain/corrections';
import { isoDate } from '../../ui/dates';
import { DateField } from '../../ui/DateField';
import { FormModal } from '../../ui/FormModal';
import { useLedger } from '../../store';
import { ApprovalFields, initialApproval, toGrant, type ApprovalValues } from './ApprovalFields';
import { MarkingInput } from './MarkingInput';

type Correction = CommandInput<'documents.correct'>;
export type CorrectedField = Correction['field'];

/** The fields in the order the register lists them; the key ones (文号, 密级标志, 份数) need an approval. */

interface CorrectValues {
  field: CorrectedField;
  text?: string;
  day?: Dayjs;
  count?: number;
  reason: string;
  approval?: ApprovalValues;
}

/** The value the register shows now, as the form edits it. */
function currentValue(doc: DocumentDetail, field: CorrectedField): Partial<CorrectValues> {
  switch (field) {
    case 'issueDate':
      return { day: dayjs(doc.issueDate) };
    case 'copies':
      return { count: doc.copies };
    default:
      return { text: doc[field] };
  }
}

function correction(documentId: number, v: CorrectValues): Correction {
  const common = { documentId, reason: v.reason.trim(), ...(isKeyField(v.field) ? { approval: toGrant(v.approval) } : {}) };
  switch (v.field) {
    case 'issueDate':
      return { ...common, field: v.field, value: isoDate(v.day!) };
    case 'copies':
      return { ...common, field: v.field, value: v.count! };
    default:
      return { ...common, field: v.field, value: (v.text ?? '').trim() };
  }
}

export function CorrectDocumentModal({ doc, onClose }: { doc: DocumentDetail; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = useLedger((s) => s.runDocumentCommand);
  const [form] = Form.useForm<CorrectValues>();
  const field = (Form.useWatch('field', form) as CorrectedField | undefined) ?? 'title';
  const key = isKeyField(field);
  return (
    <FormModal<CorrectValues>
      title={t('corrections.title', { receiptNo: doc.receiptNo })}
      submitText={t('corrections.submit')}
      testId="correct"
      form={form}
      keyboard
      errorFields={{ value: 'text', marking: 'text', docNumber: 'text', issueDate: 'day', copies: 'count', change: 'text', reason: 'reason' }}
      initialValues={{ field: 'title', ...currentValue(doc, 'title'), approval: initialApproval('unit') }}
      onSubmit={async (v) => {
        await run('documents.correct', correction(doc.id, v));
        void message.success({ content: <span data-testid="correct-done">{t('corrections.done', { field: t(`corrections.fields.${v.field}`) })}</span> });
      }}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={t('corrections.hint')} style={{ marginBottom: 16 }} />
      <Form.Item name="field" label={t('corrections.field')} rules={[{ required: true }]}>
        <Select
          autoFocus
          options={DOCUMENT_CORRECTED_FIELDS.map((f) => ({ value: f, label: t(`corrections.fields.${f}`) + (isKeyField(f) ? t('corrections.keyMark') : '') }))}
          onChange={(f: CorrectedField) => form.setFieldsValue({ text: undefined, day: undefined, count: undefined, ...currentValue(doc, f) })}
          data-testid="correct-field"
        />
      </Form.Item>
      {field === 'issueDate' ? (
        <DateField name="day" label={t('corrections.value')} testId="correct-day" />
      ) : field === 'copies' ? (
        <Form.Item name="count" label={t('corrections.value')} extra={t('corrections.copiesHint')} rules={[{ required: true }]}>
          <InputNumber min={1} max={999} precision={0} data-testid="correct-count" />
        </Form.Item>
      ) : field === 'marking' ? (
        <Form.Item name="text" label={t('corrections.value')} rules={[{ required: true, whitespace: true }]}>
          <MarkingInput testId="correct-marking" issueDate={doc.issueDate} />
        </Form.Item>
      ) : (
        <Form.Item
          name="text"
          label={t('corrections.value')}
          rules={[{ required: field === 'title' || field === 'originUnit', whitespace: true }, { max: field === 'title' ? 300 : 500 }]}
        >
          <Input autoComplete="off" data-testid="correct-text" />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('corrections.reason')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
        <Input autoComplete="off" data-testid="correct-reason" />
      </Form.Item>
      {key && <ApprovalFields testIdPrefix="correct-approval" need={{ kind: 'correction', subject: { type: 'document', id: doc.id } }} authority="unit" />}
    </FormModal>
  );
}

interface VoidValues {
  reason: string;
  approval?: ApprovalValues;
}

/** Only a registration nothing has happened to (its corrections aside) may be voided: the backend says so otherwise. */
export function VoidDocumentModal({ doc, onClose }: { doc: DocumentDetail; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = useLedger((s) => s.runDocumentCommand);
  return (
    <FormModal<VoidValues>
      title={t('corrections.voidTitle', { receiptNo: doc.receiptNo })}
      submitText={t('corrections.voidSubmit')}
      testId="void"
      keyboard
      errorFields={{ reason: 'reason' }}
      initialValues={{ approval: initialApproval('unit') }}
      onSubmit={async (v) => {
        await run('documents.void', { documentId: doc.id, reason: v.reason.trim(), approval: toGrant(v.approval) });
        void message.success({ content: <span data-testid="void-done">{t('corrections.voidDone', { receiptNo: doc.receiptNo })}</span> });
      }}
      onClose={onClose}
    >
      <Alert type="warning" showIcon title={t('corrections.voidHint')} style={{ marginBottom: 16 }} />
      <Form.Item name="reason" label={t('corrections.reason')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
        <Input autoFocus autoComplete="off" data-testid="void-reason" />
      </Form.Item>
      <ApprovalFields testIdPrefix="void-approval" need={{ kind: 'void', subject: { type: 'document', id: doc.id } }} authority="unit" />
    </FormModal>
  );
}
