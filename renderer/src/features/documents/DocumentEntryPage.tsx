// 收文登记 and 制作登记: one form for both, made for registering dozens of items at a sitting. Enter moves on,
// Ctrl+Enter saves; after a save the new 收文编号 is shown and the form is ready for the next item, keeping
// what usually stays the same (date, carrier, cabinet, who signs).
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Radio, Row, Space, Switch, Typography } from 'antd';
import { ArrowLeftOutlined, SaveOutlined, TagsOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CARRIERS, levelOfMarking, type Carrier } from './documents';
import { compressCopyNos } from '../../../../db/domain/copies';
import { eventDate, isoDate } from '../../ui/dates';
import { DateField } from '../../ui/DateField';
import { selectSession, selectUnitName, useLedger, type DocumentOrigin } from '../../store';
import { useAction } from '../../ui/hooks/useAction';
import { useEnterNavigation } from '../../ui/hooks/useEnterNavigation';
import { useMarkField, type ErrorFields } from '../../ui/hooks/useMarkField';
import { useDraftForm, useKeptState } from '../../ui/hooks/useDraft';
import { LabelDialog } from '../labels/LabelDialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { MarkingInput } from './MarkingInput';
import { LocationSelect } from './LocationSelect';
import { CabinetDialog, cabinetFor } from './CabinetDialog';
import { SourcesFields, toSources, type SourcesValues } from './SourcesFields';
import { PeopleInput, PersonInput, UnitInput } from '../../ui/SuggestInput';

interface EntryValues extends SourcesValues {
  registeredAt: Dayjs;
  originUnit: string;
  docNumber?: string;
  title: string;
  carrier: Carrier;
  marking: string;
  issueDate: Dayjs;
  scope: string[];
  copies: number;
  firstCopyNo: number;
  locationId: number;
  /** 签收人 (received) or 制作人 (produced). */
  handledBy: string;
  mustReturn: boolean;
  returnBy?: Dayjs;
  classifiedBy?: string;
  classificationBasis?: string;
  attachments?: string;
  remarks?: string;
  /** 补登: why an item dated before the years the settings allow is registered only now. */
  lateEntryReason?: string;
}

/** Kept from one item to the next. */
const STICKY = ['registeredAt', 'carrier', 'locationId', 'handledBy'] as const;

const ERROR_FIELDS: ErrorFields = {
  lateEntryReason: 'lateEntryReason',
  marking: 'marking',
  issueDate: 'issueDate',
  at: 'registeredAt',
  classifiedBy: 'classifiedBy',
  locationId: 'locationId',
};

export function DocumentEntryPage({ origin }: { origin: DocumentOrigin }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useLedger(selectSession);
  const unitName = useLedger(selectUnitName);
  const locations = useLedger((s) => s.locations);
  const registerDocument = useLedger((s) => s.registerDocument);
  const openDocuments = useLedger((s) => s.openDocuments);
  const openDocument = useLedger((s) => s.openDocument);
  const openDocumentEntry = useLedger((s) => s.openDocumentEntry);
  const [form] = Form.useForm<EntryValues>();
  const container = useRef<HTMLDivElement>(null);
  const [last, setLast] = useKeptState<{ id: number; receiptNo: string; title: string } | null>(`register-last:${origin}`, null);
  // Every item registered since the page opened: their labels print together at the end of the sitting.
  const [sitting, setSitting] = useKeptState<number[]>(`register-sitting:${origin}`, []);
  const [labelsFor, setLabelsFor] = useKeptState<number[] | null>(`register-labels:${origin}`, null);
  // No cabinet yet: one is registered from here, and the form keeps what was typed.
  const [creatingCabinet, setCreatingCabinet] = useState(false);
  const produced = origin === 'produced';
  const tid = (name: string) => `register-${name}`;
  // Half-typed, the item survives a lock; leaving it by the menu asks first.
  const draft = useDraftForm(`register-${origin}`, form);

  const marking = Form.useWatch('marking', form) ?? '';
  const registeredAt = Form.useWatch('registeredAt', form);
  // Dated before the current year and the years the settings allow (default: the previous one): a 补登 says why.
  const firstOpenYear = dayjs().year() - (useLedger((s) => s.settings?.lateEntryYears) ?? 1);
  const lateEntry = !!registeredAt && registeredAt.year() < firstOpenYear;
  const issueDate = Form.useWatch('issueDate', form);
  const copies = Form.useWatch('copies', form);
  const firstCopyNo = Form.useWatch('firstCopyNo', form);
  const mustReturn = Form.useWatch('mustReturn', form);
  // 密码电报 / 级发电: received only, always returned by a date, kept in a 电报专柜.
  const telegram = Form.useWatch('carrier', form) === 'telegram';
  useEffect(() => {
    if (telegram) form.setFieldValue('mustReturn', true);
  }, [telegram, form]);
  const level = levelOfMarking(marking);

  const save = useAction(async (values: EntryValues) => {
    const lateEntryReason = lateEntry ? values.lateEntryReason?.trim() : undefined;
    const common = {
      originUnit: values.originUnit.trim(),
      docNumber: values.docNumber?.trim() ?? '',
      title: values.title.trim(),
      carrier: values.carrier,
      marking: values.marking.trim(),
      issueDate: isoDate(values.issueDate),
      scope: values.scope,
      copies: values.copies,
      firstCopyNo: values.firstCopyNo,
      locationId: values.locationId,
      attachments: values.attachments?.trim() ?? '',
      remarks: values.remarks?.trim() ?? '',
      ...(lateEntryReason ? { lateEntryReason } : {}),
    };
    const at = eventDate(values.registeredAt);
    const classifiedBy = values.classifiedBy?.trim();
    const classificationBasis = values.classificationBasis?.trim();
    const out = produced
      ? await registerDocument({
          origin,
          input: {
            ...common,
            producedAt: at,
            producedBy: values.handledBy.trim(),
            ...(classifiedBy ? { classifiedBy } : {}),
            ...(classificationBasis ? { classificationBasis } : {}),
            ...toSources(values),
          },
        })
      : await registerDocument({
          origin,
          input: {
            ...common,
            receivedAt: at,
            signedBy: values.handledBy.trim(),
            mustReturn: values.mustReturn,
            returnBy: values.mustReturn && values.returnBy ? isoDate(values.returnBy) : undefined,
          },
        });
    draft.drop();
    setLast({ ...out, title: common.title });
    setSitting([...sitting, out.id]);
    void message.success({ content: <span data-testid="register-saved">{t('docForm.saved', { receiptNo: out.receiptNo })}</span> });
    const kept = Object.fromEntries(STICKY.map((k) => [k, values[k]]));
    form.resetFields();
    form.setFieldsValue(kept);
    requestAnimationFrame(() => container.current?.querySelector<HTMLInputElement>(`[data-testid="${tid('origin-unit')}"]`)?.focus());
  });
  useMarkField(form, save.error, ERROR_FIELDS);
  const onKeyDownCapture = useEnterNavigation(() => form.submit());

  const initialValues: Partial<EntryValues> = {
    registeredAt: dayjs(),
    originUnit: produced ? unitName : undefined,
    carrier: 'paper',
    copies: 1,
    firstCopyNo: 1,
    mustReturn: false,
    handledBy: session?.displayName,
    scope: [],
  };
  const range = copies && firstCopyNo ? compressCopyNos(Array.from({ length: Math.min(copies, 999) }, (_, i) => firstCopyNo + i)) : '';
  const required = { required: true, whitespace: true };

  return (
    <Card
      title={produced ? t('docForm.produceTitle') : t('docForm.receiveTitle')}
      extra={
        <Space>
          <Button onClick={() => openDocumentEntry(produced ? 'received' : 'produced')} data-testid="register-switch">
            {produced ? t('documents.receive') : t('documents.produce')}
          </Button>
          <Button icon={<ArrowLeftOutlined />} onClick={() => openDocuments()} data-testid="register-back">
            {t('doc.back')}
          </Button>
        </Space>
      }
      data-testid={produced ? 'produce-page' : 'receive-page'}
    >
      {locations.length === 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('docForm.noLocations')}
          action={
            <Button size="small" onClick={() => setCreatingCabinet(true)} data-testid="register-to-locations">
              {t('docForm.toLocations')}
            </Button>
          }
          style={{ marginBottom: 16 }}
          data-testid="register-no-locations"
        />
      )}
      {creatingCabinet && (
        <CabinetDialog
          initialValues={cabinetFor({ level, telegram })}
          onCreated={(id) => form.setFieldValue('locationId', id)}
          onClose={() => setCreatingCabinet(false)}
        />
      )}
      {last && (
        <Alert
          type="success"
          showIcon
          title={
            <Space>
              <span data-testid="register-last">{t('docForm.last', { receiptNo: last.receiptNo, title: last.title })}</span>
              <Button type="link" size="small" onClick={() => openDocument(last.id)} data-testid="register-last-open">
                {t('docForm.open')}
              </Button>
              <Button type="link" size="small" icon={<TagsOutlined />} onClick={() => setLabelsFor([last.id])} data-testid="register-last-labels">
                {t('labels.printLast')}
              </Button>
              {sitting.length > 1 && (
                <Button type="link" size="small" icon={<TagsOutlined />} onClick={() => setLabelsFor(sitting)} data-testid="register-sitting-labels">
                  {t('labels.printSitting', { count: sitting.length })}
                </Button>
              )}
            </Space>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <LabelDialog open={labelsFor !== null} items={{ copies: (labelsFor ?? []).map((documentId) => ({ documentId })) }} onClose={() => setLabelsFor(null)} />
      <ErrorAlert error={save.error} testId="register-error" />
      <div ref={container} onKeyDownCapture={onKeyDownCapture}>
        <Form<EntryValues>
          form={form}
          layout="vertical"
          scrollToFirstError={{ block: 'center', focus: true }}
          initialValues={initialValues}
          onValuesChange={draft.onValuesChange}
          onFinish={(values) => void save.run(values)}
          className="register-form"
        >
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <DateField name="registeredAt" label={produced ? t('docForm.producedAt') : t('docForm.receivedAt')} testId={tid('date')} />
            </Col>
            {lateEntry && (
              <Col span={24}>
                <Form.Item
                  name="lateEntryReason"
                  label={t('docForm.lateEntryReason')}
                  extra={t('docForm.lateEntryHint', { year: firstOpenYear })}
                  rules={[{ required: true, whitespace: true }, { max: 200 }]}
                >
                  <Input autoComplete="off" data-testid={tid('late-entry-reason')} />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={10}>
              <Form.Item name="originUnit" label={produced ? t('docForm.producerUnit') : t('docForm.originUnit')} rules={[required, { max: 100 }]}>
                <UnitInput autoFocus testId={tid('origin-unit')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="docNumber" label={t('docForm.docNumber')} rules={[{ max: 100 }]}>
                <Input autoComplete="off" data-testid={tid('doc-number')} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="title" label={t('docForm.title')} rules={[required, { max: 300 }]}>
                <Input autoComplete="off" data-testid={tid('title')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item
                name="carrier"
                label={t('docForm.carrier')}
                extra={telegram && <span data-testid={tid('telegram-hint')}>{t('docForm.telegramHint')}</span>}
              >
                <Radio.Group
                  optionType="button"
                  options={CARRIERS.filter((c) => !produced || c !== 'telegram').map((c) => ({ value: c, label: t(`carriers.${c}`) }))}
                  data-testid={tid('carrier')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="marking" label={t('docForm.marking')} rules={[required, { max: 60 }]}>
                <MarkingInput testId={tid('marking')} issueDate={issueDate ? isoDate(issueDate) : undefined} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <DateField
                name="issueDate"
                label={t('docForm.issueDate')}
                max={{ day: registeredAt ?? dayjs(), refusal: { code: 'E_VALIDATION', details: { field: 'issueDate' } } }}
                dependencies={['registeredAt']}
                testId={tid('issue-date')}
              />
            </Col>
            <Col span={24}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid={tid('marking-hint')}>
                {t('docForm.markingHint')}
              </Typography.Paragraph>
            </Col>
            <Col span={24}>
              <Form.Item name="scope" label={produced ? t('docForm.scopeProduced') : t('docForm.scope')} rules={[{ required: true, type: 'array', min: 1 }]}>
                <PeopleInput placeholder={t('docForm.scopeHint')} testId={tid('scope')} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="copies" label={t('docForm.copies')} rules={[{ required: true }]}>
                <InputNumber min={1} max={999} precision={0} style={{ width: '100%' }} data-testid={tid('copies')} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item
                name="firstCopyNo"
                label={t('docForm.firstCopyNo')}
                extra={range && t('docForm.copyNosPreview', { range })}
                rules={[{ required: true }]}
              >
                <InputNumber min={1} max={9000} precision={0} style={{ width: '100%' }} data-testid={tid('first-copy-no')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="locationId" label={t('docForm.location')} rules={[{ required: true }]}>
                <LocationSelect creatable level={level} telegrams={telegram} testId={tid('location')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={produced ? 8 : 6}>
              <Form.Item name="handledBy" label={produced ? t('docForm.producedBy') : t('docForm.signedBy')} rules={[required, { max: 50 }]}>
                <PersonInput testId={tid('handled-by')} />
              </Form.Item>
            </Col>
            {produced ? (
              <>
                <Col xs={24} md={8}>
                  <Form.Item name="classifiedBy" label={t('docForm.classifiedBy')} rules={[{ required: level !== 'internal', whitespace: true }, { max: 50 }]}>
                    <PersonInput testId={tid('classified-by')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item
                    name="classificationBasis"
                    label={t('docForm.classificationBasis')}
                    rules={[{ required: level !== 'internal', whitespace: true }, { max: 200 }]}
                  >
                    <Input autoComplete="off" data-testid={tid('classification-basis')} />
                  </Form.Item>
                </Col>
              </>
            ) : (
              <>
                <Col xs={12} md={4}>
                  <Form.Item name="mustReturn" label={t('docForm.mustReturn')} valuePropName="checked">
                    <Switch disabled={telegram} data-testid={tid('must-return')} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <DateField
                    name="returnBy"
                    label={t('docForm.returnBy')}
                    required={!!mustReturn}
                    max={null}
                    disabled={!mustReturn}
                    testId={tid('return-by')}
                  />
                </Col>
              </>
            )}
            {produced && (
              <Col span={24}>
                <SourcesFields marking={marking} issueDate={issueDate ? isoDate(issueDate) : undefined} testId={tid('produce')} />
              </Col>
            )}
            <Col xs={24} md={12}>
              <Form.Item name="attachments" label={t('docForm.attachments')} rules={[{ max: 300 }]}>
                <Input autoComplete="off" data-testid={tid('attachments')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="remarks" label={t('docForm.remarks')} rules={[{ max: 500 }]}>
                <Input autoComplete="off" data-testid={tid('remarks')} />
              </Form.Item>
            </Col>
          </Row>
          <Flex justify="space-between" align="center">
            <Typography.Text type="secondary">{t('common.keyboardHint')}</Typography.Text>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.busy} data-testid={tid('submit')}>
              {t('docForm.save')}
            </Button>
          </Flex>
        </Form>
      </div>
    </Card>
  );
}
