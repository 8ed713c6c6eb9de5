// 清查: the stocktakes by cabinet, the open one first; 开始清查 names the cabinets, levels, whether devices are counted
// too and the two 清查人, and opens the new stocktake's screen. Each row opens its screen (the open one resumes).
import { useRef, useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Form, Select, Switch, Tag, type TableProps } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_LEVELS, type DocumentLevel } from '../../../../db/domain/levels';
import { selectIsCustodian, useLedger } from '../../store';
import { useLoad } from '../../ui/hooks/useAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormModal } from '../../ui/FormModal';
import { PersonInput } from '../../ui/SuggestInput';
import { DateField } from '../../ui/DateField';
import { eventDate } from '../../ui/dates';
import { formatAt } from '../../ui/format';
import { RegisterTable } from '../../ui/RegisterTable';
import type { Dayjs } from 'dayjs';
import type { StocktakeSummary } from './store';
import { namesOf } from './lines';
import './stocktake.css';

export function StocktakesPage() {
  const { t, i18n } = useTranslation();
  const stocktakes = useLedger((s) => s.stocktakes);
  const openStocktake = useLedger((s) => s.openStocktake);
  const language = useLedger((s) => s.language);
  const isCustodian = useLedger(selectIsCustodian);
  const { busy, error } = useLoad(useLedger((s) => s.loadStocktakes));
  const [starting, setStarting] = useState(false);
  const rows = [...(stocktakes ?? [])].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'));
  const open = rows.find((r) => r.status === 'open');

  const columns: TableProps<StocktakeSummary>['columns'] = [
    { key: 'no', dataIndex: 'no', title: t('stocktake.no'), width: 130, render: (no: string) => <span className="monospace">{no}</span> },
    {
      key: 'status',
      title: t('stocktake.status'),
      width: 90,
      render: (_, r) => <Tag color={r.status === 'open' ? 'processing' : 'success'}>{t(`stocktake.statuses.${r.status}`)}</Tag>,
    },
    { key: 'startedAt', title: t('stocktake.startedAt'), width: 150, render: (_, r) => formatAt(r.startedAt, language) },
    { key: 'closedAt', title: t('stocktake.closedAt'), width: 150, render: (_, r) => (r.closedAt ? formatAt(r.closedAt, language) : '') },
    { key: 'checkers', title: t('stocktake.checkers'), render: (_, r) => namesOf(r.checkers, i18n.language) },
    { key: 'cabinets', dataIndex: 'cabinets', title: t('stocktake.cabinetCount'), width: 80, align: 'right' },
    ...(['expected', 'present', 'missing', 'misplaced', 'unexpected', 'onLoan'] as const).map((k) => ({
      key: k,
      title: t(`stocktake.counts.${k}`),
      width: 76,
      align: 'right' as const,
      render: (_: unknown, r: StocktakeSummary) => r.counts[k],
    })),
  ];

  return (
    <Card
      title={t('stocktake.title')}
      extra={
        isCustodian && (
          <Button type="primary" icon={<PlayCircleOutlined />} disabled={!!open} onClick={() => setStarting(true)} data-testid="stocktake-start">
            {t('stocktake.start')}
          </Button>
        )
      }
      data-testid="stocktakes-page"
    >
      <Flex vertical gap={12}>
        <Alert type="info" showIcon title={t(open ? 'stocktake.openHint' : 'stocktake.hint')} />
        <ErrorAlert error={error} testId="stocktakes-error" />
        <RegisterTable<StocktakeSummary>
          loading={busy}
          columns={columns}
          dataSource={rows}
          className="stocktake-list"
          locale={{ emptyText: t('stocktake.none') }}
          onOpen={(r) => openStocktake(r.id)}
          rowTestId={(r) => `stocktake-row-${r.no}`}
          data-testid="stocktakes-list"
        />
      </Flex>
      {starting && <StartDialog onClose={() => setStarting(false)} />}
    </Card>
  );
}

interface StartValues {
  cabinetIds: number[];
  levels: DocumentLevel[];
  devices: boolean;
  checker1: string;
  checker2: string;
  at: Dayjs;
}

/** 开始清查: which cabinets (none chosen: all in use) and levels, devices too or not, the two 清查人. */
function StartDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const locations = useLedger((s) => s.locations);
  const start = useLedger((s) => s.startStocktake);
  const openStocktake = useLedger((s) => s.openStocktake);
  const me = useLedger((s) => s.status?.session?.displayName);
  useLoad(useLedger((s) => s.loadLocations));
  const required = [{ required: true, whitespace: true }, { max: 50 }];
  const started = useRef<number | null>(null);
  return (
    <FormModal<StartValues>
      title={t('stocktake.startTitle')}
      submitText={t('stocktake.start')}
      testId="stocktake-start"
      keyboard
      initialValues={{ cabinetIds: [], levels: [...DOCUMENT_LEVELS], devices: false, checker1: me ?? '', checker2: '', at: dayjs() }}
      errorFields={{ checkers: 'checker2', cabinetIds: 'cabinetIds' }}
      onSubmit={async (v) => {
        const { id } = await start({
          cabinetIds: v.cabinetIds,
          levels: v.levels,
          devices: v.devices,
          checkers: [v.checker1.trim(), v.checker2.trim()],
          at: eventDate(v.at),
        });
        started.current = id;
      }}
      // The new stocktake opens once the dialog has closed (and dropped its draft): leaving with it open would ask first.
      onClose={() => (started.current === null ? onClose() : openStocktake(started.current))}
    >
      <Form.Item name="cabinetIds" label={t('stocktake.cabinets')} extra={t('stocktake.cabinetsHint')}>
        <Select
          mode="multiple"
          allowClear
          placeholder={t('stocktake.allCabinets')}
          optionFilterProp="label"
          options={locations.filter((l) => l.active).map((l) => ({ value: l.id, label: `${l.code} ${l.name}` }))}
          data-testid="stocktake-start-cabinets"
        />
      </Form.Item>
      <Form.Item name="levels" label={t('stocktake.levels')} rules={[{ required: true, type: 'array', min: 1 }]}>
        <Checkbox.Group options={DOCUMENT_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))} data-testid="stocktake-start-levels" />
      </Form.Item>
      <Form.Item name="devices" label={t('stocktake.devicesToo')} valuePropName="checked">
        <Switch data-testid="stocktake-start-devices" />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item name="checker1" label={t('stocktake.checker1')} rules={required} style={{ flex: 1 }}>
          <PersonInput testId="stocktake-start-checker1" />
        </Form.Item>
        <Form.Item
          name="checker2"
          label={t('stocktake.checker2')}
          dependencies={['checker1']}
          rules={[
            ...required,
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) =>
                v?.trim() && v.trim() === String(getFieldValue('checker1') ?? '').trim()
                  ? Promise.reject(new Error(t('stocktake.twoCheckers')))
                  : Promise.resolve(),
            }),
          ]}
          style={{ flex: 1 }}
        >
          <PersonInput testId="stocktake-start-checker2" />
        </Form.Item>
      </Flex>
      <DateField name="at" label={t('stocktake.startDate')} style={{ width: 180 }} testId="stocktake-start-at" />
    </FormModal>
  );
}
