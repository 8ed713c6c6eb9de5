// 公开方案 (可以部分公开或者一段时间后公开) and 已公开 of one document. The decision is the originator's for a received
// document (its issuing body, 文号 and date) and the unit's approver's, countersigned on the spot, for its own: never a
// typed name. The backend judges every rule and a refusal is shown in its words.
import { Alert, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../../preload/contract';
import { PUBLICATION_EXTENTS, type PublicationExtent } from '../../../../db/domain/conveyance';
import { eventDate, isoDate } from '../../ui/dates';
import { DateField } from '../../ui/DateField';
import { FormModal } from '../../ui/FormModal';
import { SuggestInput } from '../../ui/SuggestInput';
import { useLedger } from '../../store';
import { ApprovalFields, initialApproval, toGrant, type ApprovalValues } from './ApprovalFields';
import { useConveyanceDone } from './ConveyanceDialogs';

interface DialogProps {
  doc: DocumentDetail;
  onClose(): void;
}

interface PlanValues {
  extent: PublicationExtent;
  content: string;
  publishFrom: Dayjs;
  channel: string;
  approval?: ApprovalValues;
  at: Dayjs;
}

const CHANNELS = ['website', 'board', 'release'] as const;

export function PublicationPlanModal({ doc, changing, onClose }: DialogProps & { changing: boolean }) {
  const { t } = useTranslation();
  const run = useLedger((s) => s.runDocumentCommand);
  const done = useConveyanceDone();
  const received = doc.origin === 'received';
  const authority = received ? 'external' : 'unit';
  return (
    <FormModal<PlanValues>
      title={t('conveyance.publicationDialog', { receiptNo: doc.receiptNo })}
      submitText={changing ? t('conveyance.publicationChange') : t('conveyance.publicationRecord')}
      testId="publication-plan"
      draftKey={doc.id}
      keyboard
      width={720}
      errorFields={{ at: 'at' }}
      initialValues={{ extent: 'part', approval: initialApproval(authority) }}
      onSubmit={async (v) => {
        // Without a decision filled in, the backend says in words whose decision it needs.
        const grant = toGrant(v.approval);
        const decision = grant?.way === 'external' || grant?.way === 'on_the_spot' ? grant : undefined;
        const out = await run('documents.planPublication', {
          documentId: doc.id,
          extent: v.extent,
          content: v.content.trim(),
          publishFrom: isoDate(v.publishFrom),
          channel: v.channel.trim(),
          ...(decision ? { decision } : {}),
          at: eventDate(v.at),
        });
        done(t('conveyance.publicationDone', { n: out.version }), 'publication-plan-done');
      }}
      onClose={onClose}
    >
      <Form.Item name="extent" label={t('conveyance.extent')}>
        <Radio.Group
          optionType="button"
          options={PUBLICATION_EXTENTS.map((e) => ({ value: e, label: t(`conveyance.extents.${e}`) }))}
          data-testid="publication-plan-extent"
        />
      </Form.Item>
      <Form.Item name="content" label={t('conveyance.content')} rules={[{ required: true, whitespace: true }, { max: 300 }]}>
        <Input autoComplete="off" maxLength={300} data-testid="publication-plan-content" />
      </Form.Item>
      <DateField name="publishFrom" label={t('conveyance.publishFrom')} max={null} testId="publication-plan-from" />
      <Form.Item name="channel" label={t('conveyance.channel')} rules={[{ required: true, whitespace: true }, { max: 60 }]}>
        <SuggestInput source={CHANNELS.map((c) => t(`conveyance.channels.${c}`))} maxLength={60} testId="publication-plan-channel" />
      </Form.Item>
      {/* Whose decision it is; what to enter for it the approval fields say. */}
      <Alert type="info" showIcon title={received ? t('conveyance.decisionReceived') : t('conveyance.decisionOwn')} style={{ marginBottom: 16 }} />
      <ApprovalFields
        testIdPrefix="publication-plan-decision"
        need={{ kind: 'change_marking', subject: { type: 'document', id: doc.id } }}
        authority={authority}
        onlyOnTheSpot={!received}
      />
      <DateField name="at" label={t('conveyance.planAt')} initialValue={dayjs()} testId="publication-plan-at" />
    </FormModal>
  );
}
