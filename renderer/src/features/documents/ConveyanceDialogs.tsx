// 传达方案 and 传达 of one document: keyboard-first forms (Enter moves on, Ctrl+Enter submits). The backend judges every
// rule (range within the 知悉范围, audience within the plan, dates) and a refusal is shown in its words.
import { App, Form, InputNumber, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../../preload/contract';
import { CONVEYANCE_MANNERS, parsePerson, personText, type ConveyanceManner, type ConveyancePerson } from '../../../../db/domain/conveyance';
import { eventDate } from '../../ui/dates';
import { DateField } from '../../ui/DateField';
import { FormModal } from '../../ui/FormModal';
import { PeopleInput, PersonInput, SuggestInput } from '../../ui/SuggestInput';
import { toLanguage } from '../../i18n/language';
import { selectSession, useLedger } from '../../store';

interface DialogProps {
  doc: DocumentDetail;
  onClose(): void;
}

/** People typed as 张三（办公室） are 张三 of 办公室; each entry once. */
const toPeople = (entries: readonly string[]): ConveyancePerson[] => entries.map(parsePerson).filter((p) => p.name !== '');

export function useConveyanceDone() {
  const { message } = App.useApp();
  return (text: string, testId: string) => void message.success({ content: <span data-testid={testId}>{text}</span> });
}

interface PlanValues {
  range: string[];
  manner: ConveyanceManner;
  discipline: string;
  at: Dayjs;
}

/** 传达方案: the range offered from the 知悉范围, the manner, the discipline stated; a change is the plan's next version. */
export function ConveyancePlanModal({
  doc,
  current,
  onClose,
}: DialogProps & { current?: { range: ConveyancePerson[]; manner: ConveyanceManner; discipline: string } }) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const run = useLedger((s) => s.runDocumentCommand);
  const done = useConveyanceDone();
  return (
    <FormModal<PlanValues>
      title={t('conveyance.planDialog', { receiptNo: doc.receiptNo })}
      submitText={current ? t('conveyance.planChange') : t('conveyance.planRecord')}
      testId="conveyance-plan"
      draftKey={doc.id}
      keyboard
      errorFields={{ at: 'at' }}
      initialValues={{
        range: current ? current.range.map((p) => personText(p, language)) : doc.scope,
        manner: current?.manner ?? 'meeting',
        discipline: current?.discipline ?? t('conveyance.disciplineSuggestion'),
      }}
      onSubmit={async (v) => {
        const out = await run('documents.planConveyance', {
          documentId: doc.id,
          range: toPeople(v.range),
          manner: v.manner,
          discipline: v.discipline.trim(),
          at: eventDate(v.at),
        });
        done(t('conveyance.planDone', { n: out.version }), 'conveyance-plan-done');
      }}
      onClose={onClose}
    >
      <Form.Item
        name="range"
        label={t('conveyance.range')}
        extra={t('conveyance.rangeHint', { scope: doc.scope.join('、') })}
        rules={[{ required: true, type: 'array', min: 1 }]}
      >
        <PeopleInput testId="conveyance-plan-range" />
      </Form.Item>
      <Form.Item name="manner" label={t('conveyance.manner')}>
        <Radio.Group
          optionType="button"
          options={CONVEYANCE_MANNERS.map((m) => ({ value: m, label: t(`conveyance.manners.${m}`) }))}
          data-testid="conveyance-plan-manner"
        />
      </Form.Item>
      <Form.Item name="discipline" label={t('conveyance.discipline')} rules={[{ required: true, whitespace: true }, { max: 500 }]}>
        <SuggestInput source={[t('conveyance.disciplineSuggestion')]} maxLength={500} testId="conveyance-plan-discipline" />
      </Form.Item>
      <DateField name="at" label={t('conveyance.planAt')} initialValue={dayjs()} testId="conveyance-plan-at" />
    </FormModal>
  );
}

interface ConveyValues {
  conveyor: string;
  audience: string[];
  attended: number;
  at: Dayjs;
}

/** 传达: by whom, to whom (within the plan's range), how many attended, when. */
export function ConveyModal({ doc, range, onClose }: DialogProps & { range: ConveyancePerson[] }) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const run = useLedger((s) => s.runDocumentCommand);
  const me = useLedger(selectSession)?.displayName;
  const done = useConveyanceDone();
  const [form] = Form.useForm<ConveyValues>();
  return (
    <FormModal<ConveyValues>
      title={t('conveyance.conveyDialog', { receiptNo: doc.receiptNo })}
      submitText={t('conveyance.convey')}
      testId="convey"
      draftKey={doc.id}
      form={form}
      keyboard
      errorFields={{ at: 'at' }}
      initialValues={{ conveyor: me, audience: [], attended: 1 }}
      onSubmit={async (v) => {
        await run('documents.convey', {
          documentId: doc.id,
          conveyor: v.conveyor.trim(),
          audience: toPeople(v.audience),
          attended: v.attended,
          at: eventDate(v.at),
        });
        done(t('conveyance.conveyDone'), 'convey-done');
      }}
      onClose={onClose}
    >
      <Form.Item name="conveyor" label={t('conveyance.conveyor')} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
        <PersonInput testId="convey-conveyor" />
      </Form.Item>
      <Form.Item
        name="audience"
        label={t('conveyance.audience')}
        extra={t('conveyance.audienceHint', { range: range.map((p) => personText(p, language)).join('、') })}
        rules={[{ required: true, type: 'array', min: 1 }]}
      >
        <PeopleInput testId="convey-audience" />
      </Form.Item>
      <Form.Item name="attended" label={t('conveyance.attended')} rules={[{ required: true, type: 'number', min: 1, max: 10000 }]}>
        <InputNumber min={1} max={10000} precision={0} style={{ width: 160 }} data-testid="convey-attended" />
      </Form.Item>
      <DateField name="at" label={t('conveyance.conveyedAt')} initialValue={dayjs()} testId="convey-at" />
    </FormModal>
  );
}
