// 保密柜: where copies are kept, each with the highest level it may hold (绝密 only with a dedicated keeper).
import { useState } from 'react';
import { App, Button, Card, Checkbox, Form, Input, Select, Table, Tag, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LevelCode, LocationView } from '../../../../preload/contract';
import { DOCUMENT_LEVELS } from '../../../../db/domain/levels';
import { selectIsCustodian, useLedger } from '../../store';
import { useLoad } from '../../ui/hooks/useAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useRefusalText } from '../../i18n/errors';
import { FormModal } from '../../ui/FormModal';
import { LevelTag } from './MarkingTag';
import { PersonInput } from '../../ui/SuggestInput';
import { CorrectLocationModal } from './CorrectLocationDialog';

export function LocationsPage() {
  const { t } = useTranslation();
  const locations = useLedger((s) => s.locations);
  const isCustodian = useLedger(selectIsCustodian);
  const { busy, error } = useLoad(useLedger((s) => s.loadLocations));
  const [creating, setCreating] = useState(false);
  const [correcting, setCorrecting] = useState<LocationView | null>(null);

  const columns: TableProps<LocationView>['columns'] = [
    { key: 'code', dataIndex: 'code', title: t('locations.code'), width: 120, render: (v: string) => <span className="monospace">{v}</span> },
    { key: 'name', dataIndex: 'name', title: t('locations.name') },
    { key: 'maxLevel', title: t('locations.maxLevel'), width: 140, render: (_, l) => <LevelTag level={l.maxLevel} /> },
    { key: 'keeper', title: t('locations.keeper'), width: 140, render: (_, l) => l.keeper ?? '' },
    {
      key: 'purpose',
      title: t('locations.purpose'),
      width: 110,
      render: (_, l) =>
        l.telegrams && (
          <Tag color="purple" data-testid={`location-telegrams-${l.code}`}>
            {t('locations.telegrams')}
          </Tag>
        ),
    },
    {
      key: 'active',
      title: t('locations.status'),
      width: 100,
      render: (_, l) => (l.active ? <Tag color="green">{t('locations.inService')}</Tag> : <Tag>{t('locations.retired')}</Tag>),
    },
    ...(isCustodian
      ? [
          {
            key: 'correct',
            title: '',
            width: 90,
            render: (_: unknown, l: LocationView) => (
              <Button size="small" onClick={() => setCorrecting(l)} data-testid={`location-correct-${l.code}`}>
                {t('corrections.submit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('locations.title')}
      extra={
        isCustodian && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="location-create-button">
            {t('locations.create')}
          </Button>
        )
      }
    >
      <ErrorAlert error={error} testId="locations-error" />
      <Table<LocationView> rowKey="id" size="middle" columns={columns} dataSource={locations} loading={busy} pagination={false} data-testid="locations-table" />
      {creating && <CreateLocationModal onClose={() => setCreating(false)} />}
      {correcting && <CorrectLocationModal location={correcting} onClose={() => setCorrecting(null)} />}
    </Card>
  );
}

interface LocationValues {
  code: string;
  name: string;
  maxLevel: LevelCode;
  keeper?: string;
  /** 电报专柜: holds 密码电报 / 级发电 only. */
  telegrams?: boolean;
}

function CreateLocationModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const refusalText = useRefusalText();
  const { message } = App.useApp();
  const createLocation = useLedger((s) => s.createLocation);
  const [form] = Form.useForm<LocationValues>();
  const maxLevel = Form.useWatch('maxLevel', form);
  return (
    <FormModal<LocationValues>
      title={t('locations.create')}
      submitText={t('common.save')}
      testId="location-create"
      form={form}
      keyboard
      errorFields={{ code: 'code', keeper: 'keeper' }}
      initialValues={{ maxLevel: 'secret' }}
      onSubmit={async ({ code, name, maxLevel, keeper, telegrams }) => {
        const k = keeper?.trim();
        await createLocation({ code: code.trim(), name: name.trim(), maxLevel, ...(k ? { keeper: k } : {}), telegrams: !!telegrams });
        void message.success(t('locations.created', { code: code.trim() }));
      }}
      onClose={onClose}
    >
      <Form.Item name="code" label={t('locations.code')} rules={[{ required: true, whitespace: true }, { max: 20 }]}>
        <Input autoFocus autoComplete="off" data-testid="location-create-code" />
      </Form.Item>
      <Form.Item name="name" label={t('locations.name')} rules={[{ required: true, whitespace: true }, { max: 60 }]}>
        <Input autoComplete="off" data-testid="location-create-name" />
      </Form.Item>
      <Form.Item name="maxLevel" label={t('locations.maxLevel')} rules={[{ required: true }]}>
        <Select options={DOCUMENT_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))} data-testid="location-create-max-level" />
      </Form.Item>
      <Form.Item name="telegrams" valuePropName="checked" extra={t('locations.telegramsHint')}>
        <Checkbox data-testid="location-create-telegrams">{t('locations.telegramsField')}</Checkbox>
      </Form.Item>
      <Form.Item
        name="keeper"
        label={t('locations.keeper')}
        extra={t('locations.keeperHint')}
        rules={[
          { required: maxLevel === 'top_secret', whitespace: true, message: refusalText({ code: 'E_VALIDATION', details: { field: 'keeper' } }) },
          { max: 50 },
        ]}
      >
        <PersonInput testId="location-create-keeper" />
      </Form.Item>
    </FormModal>
  );
}
