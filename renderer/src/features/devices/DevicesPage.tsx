// The four device registers (涉密 / 非涉密 计算机登记备案表, 移动存储介质登记备案表): a table paged by the backend with
// search and status filter, and for the custodian the register form.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { App, Button, Card, Checkbox, Col, Flex, Form, Input, Row, Select, Space, Table, type TableProps } from 'antd';
import { PlusOutlined, SearchOutlined, TagsOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PrintButton } from '../printing/PrintButton';
import type { ComputerView, DeviceLevelCode, MediumView } from '../../../../preload/contract';
import {
  CLASSIFIED_LEVELS,
  COMPUTER_STATUSES,
  MEDIUM_STATUSES,
  MEDIUM_TYPES,
  NETWORKS,
  registerOf,
  type DeviceRegister,
  type MediumType,
  type Network,
} from './devices';
import { isoDate } from '../../ui/dates';
import { DateField } from '../../ui/DateField';
import { DEVICE_PAGE_SIZE, selectIsCustodian, useLedger } from '../../store';
import { useAction } from '../../ui/hooks/useAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ExportButtons } from '../../ui/ExportButtons';
import { FormModal } from '../../ui/FormModal';
import { PersonInput } from '../../ui/SuggestInput';
import { DeviceLevelTag, DeviceStatusTag } from './DeviceTags';
import { cleanProducts, InstalledSelect, InstalledText, SecurityProductsField, toInstalled, type InstalledValue } from './SecurityFields';
import type { SecurityProduct } from '../../../../db/domain/computer-checks';
import { LabelDialog } from '../labels/LabelDialog';
import { selectAllKey } from '../documents/DocumentsPage';
import { useOpenCode } from '../scanner';
import { looksLikeItemCode } from '../../../../db/domain/item-codes';

const perform = (op: () => Promise<void>) => op();
/** A header wraps between words, never inside one (English labels are longer: "Capacit/y"). */
const WHOLE_WORDS = { style: { wordBreak: 'keep-all', overflowWrap: 'normal' } } as const;
type Row = ComputerView | MediumView;

export function DevicesPage({ register }: { register: DeviceRegister }) {
  const { t } = useTranslation();
  const { kind, classified } = registerOf(register);
  const isCustodian = useLedger(selectIsCustodian);
  const listComputers = useLedger((s) => s.listComputers);
  const listMedia = useLedger((s) => s.listMedia);
  const openDevice = useLedger((s) => s.openDevice);
  const { run, busy, error } = useAction(perform);
  const [query, setQuery] = useState('');
  // Opened from a number on the overview: that number's status is the first filter.
  const [status, setStatus] = useState<ComputerView['status'] | undefined>(() => useLedger.getState().deviceStatus ?? undefined);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ total: number; rows: Row[] }>({ total: 0, rows: [] });
  const [registering, setRegistering] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [printingLabels, setPrintingLabels] = useState(false);
  const openCode = useOpenCode();

  const load = useCallback(
    () =>
      run(async () => {
        const input = { classified, query: query.trim() || undefined, offset: (page - 1) * DEVICE_PAGE_SIZE, limit: DEVICE_PAGE_SIZE };
        setData(
          kind === 'computer' ? await listComputers({ ...input, status }) : await listMedia({ ...input, status: status === 'repair' ? undefined : status }),
        );
        // What is chosen is what is shown: another page or search starts a new choice.
        setSelected([]);
      }),
    [run, classified, kind, query, status, page, listComputers, listMedia],
  );
  useEffect(() => {
    const timer = setTimeout(() => void load(), 200);
    return () => clearTimeout(timer);
  }, [load]);

  const common: TableProps<Row>['columns'] = [
    {
      key: 'code',
      title: t('devices.fields.code'),
      width: 140,
      render: (_, d) => (
        <a className="monospace" onClick={() => openDevice(kind, d.id)} data-testid={`device-open-${d.code}`}>
          {d.code}
        </a>
      ),
    },
  ];
  const computerColumns: TableProps<Row>['columns'] = [
    { key: 'name', title: t('devices.fields.name'), width: 140, render: (_, d) => (d as ComputerView).name },
    { key: 'model', dataIndex: 'model', title: t('devices.fields.model'), width: 170, ellipsis: true },
    { key: 'serial', dataIndex: 'serial', title: t('devices.fields.serial'), width: 140, ellipsis: true },
    { key: 'level', title: t('devices.fields.level'), width: 90, render: (_, d) => <DeviceLevelTag level={d.level} /> },
    { key: 'network', title: t('devices.fields.network'), width: 120, render: (_, d) => t(`devices.networks.${(d as ComputerView).network}`) },
    { key: 'purpose', title: t('devices.fields.purpose'), width: 120, render: (_, d) => (d as ComputerView).purpose },
    { key: 'department', dataIndex: 'department', title: t('devices.fields.department'), width: 110 },
    { key: 'responsible', dataIndex: 'responsible', title: t('devices.fields.responsible'), width: 120 },
    { key: 'location', title: t('devices.fields.location'), width: 120, render: (_, d) => (d as ComputerView).location },
    { key: 'enabledAt', dataIndex: 'enabledAt', title: t('devices.fields.enabledAt'), width: 120 },
    { key: 'status', title: t('devices.fields.status'), width: 100, render: (_, d) => <DeviceStatusTag status={d.status} /> },
    {
      key: 'monitoring',
      title: t('devices.fields.monitoring'),
      width: 110,
      render: (_, d) => <InstalledText value={(d as ComputerView).monitoring} warn={d.level !== 'non_secret'} testId={`device-monitoring-${d.code}`} />,
    },
  ];
  const mediumColumns: TableProps<Row>['columns'] = [
    { key: 'type', title: t('devices.fields.type'), width: 100, render: (_, d) => t(`devices.types.${(d as MediumView).type}`) },
    { key: 'model', dataIndex: 'model', title: t('devices.fields.model'), width: 170, ellipsis: true },
    { key: 'serial', dataIndex: 'serial', title: t('devices.fields.serial'), width: 140, ellipsis: true },
    { key: 'capacity', title: t('devices.fields.capacity'), width: 100, render: (_, d) => (d as MediumView).capacity },
    { key: 'level', title: t('devices.fields.level'), width: 90, render: (_, d) => <DeviceLevelTag level={d.level} /> },
    { key: 'responsible', dataIndex: 'responsible', title: t('devices.fields.responsible'), width: 120 },
    { key: 'department', dataIndex: 'department', title: t('devices.fields.department'), width: 110 },
    { key: 'usageScope', title: t('devices.fields.usageScope'), width: 140, ellipsis: true, render: (_, d) => (d as MediumView).usageScope },
    { key: 'enabledAt', dataIndex: 'enabledAt', title: t('devices.fields.enabledAt'), width: 120 },
    { key: 'status', title: t('devices.fields.status'), width: 100, render: (_, d) => <DeviceStatusTag status={d.status} /> },
    { key: 'loan', title: t('devices.fields.loan'), width: 100, render: (_, d) => (d as MediumView).holder ?? '' },
    { key: 'remarks', dataIndex: 'remarks', title: t('devices.fields.remarks'), width: 140, ellipsis: true },
  ];
  const columns = [...common, ...(kind === 'computer' ? computerColumns : mediumColumns)].map((c) => ({ ...c, onHeaderCell: () => WHOLE_WORDS }));
  const statuses = kind === 'computer' ? COMPUTER_STATUSES : MEDIUM_STATUSES;

  return (
    <Card
      title={<span data-testid="devices-title">{t(`devices.titles.${register}`)}</span>}
      extra={
        <Space>
          <PrintButton
            request={{
              kind: 'sheet',
              name: register,
              filters: { query: query.trim() || undefined, status: kind === 'medium' && status === 'repair' ? undefined : status },
            }}
            label={t('print.register')}
            testId="devices-print"
          />
          {kind === 'medium' && <PrintButton request={{ kind: 'sheet', name: 'media-usage' }} label={t('print.usageLog')} testId="devices-print-usage" />}
        </Space>
      }
    >
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        {isCustodian && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="devices-register-button">
            {t('devices.register')}
          </Button>
        )}
        {isCustodian && selected.length > 0 && (
          <Button icon={<TagsOutlined />} onClick={() => setPrintingLabels(true)} data-testid="devices-labels-button">
            {t('devices.labelsSelected', { n: selected.length })}
          </Button>
        )}
        <Input
          autoFocus
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('devices.searchPlaceholder')}
          aria-label={t('devices.searchPlaceholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setPage(1);
          }}
          // A label code typed (or scanned) into the box opens what it names instead of searching for it.
          onPressEnter={() => looksLikeItemCode(query) && void openCode(query.trim())}
          style={{ width: 280 }}
          data-testid="devices-search"
        />
        <Select
          allowClear
          placeholder={t('devices.statusFilter')}
          aria-label={t('devices.statusFilter')}
          value={status}
          onChange={(s: ComputerView['status'] | undefined) => {
            setStatus(s);
            setPage(1);
          }}
          options={statuses.map((s) => ({ value: s, label: t(`devices.status.${s}`) }))}
          style={{ width: 140 }}
          data-testid="devices-filter-status"
        />
        <ExportButtons
          register={register}
          filters={{ ...(query.trim() ? { query: query.trim() } : {}), ...(status && (kind === 'computer' || status !== 'repair') ? { status } : {}) }}
        />
      </Flex>
      <ErrorAlert error={error} testId="devices-error" />
      <div onKeyDown={isCustodian ? selectAllKey(data.rows, selected, setSelected) : undefined}>
        <Table<Row>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data.rows}
          loading={busy}
          scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0) }}
          onRow={(d) => ({ onDoubleClick: () => openDevice(kind, d.id) })}
          pagination={{
            current: page,
            pageSize: DEVICE_PAGE_SIZE,
            total: data.total,
            showSizeChanger: false,
            onChange: setPage,
            showTotal: (n) => <span data-testid="devices-total">{t('devices.total', { total: n })}</span>,
          }}
          rowSelection={isCustodian ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) } : undefined}
          data-testid="devices-table"
        />
      </div>
      <LabelDialog open={printingLabels} items={{ devices: selected.map((id) => ({ device: kind, id })) }} onClose={() => setPrintingLabels(false)} />
      {registering && <RegisterDeviceModal register={register} onClose={() => setRegistering(false)} onDone={() => void load()} />}
    </Card>
  );
}

interface RegisterValues {
  code: string;
  name: string;
  model: string;
  serial: string;
  diskSerial?: string;
  mac?: string;
  os: string;
  osInstalledAt?: Dayjs;
  level: DeviceLevelCode;
  network: Network;
  purpose: string;
  department: string;
  responsible: string;
  location: string;
  enabledAt: Dayjs;
  type: MediumType;
  capacity: string;
  usageScope: string;
  backupApproved: boolean;
  remarks?: string;
  monitoring?: InstalledValue;
  threeInOne?: InstalledValue;
  securityProducts?: Partial<SecurityProduct>[];
}

const optional = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** 登记: one computer or medium into this register; the form stays keyboard-first. */
function RegisterDeviceModal({ register, onClose, onDone }: { register: DeviceRegister; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { kind, classified } = registerOf(register);
  const registerComputer = useLedger((s) => s.registerComputer);
  const registerMedium = useLedger((s) => s.registerMedium);
  const required = [{ required: true, whitespace: true }];
  const item = (name: keyof RegisterValues, input: ReactNode, rules: object[] = required) => (
    <Col xs={24} sm={12}>
      <Form.Item name={name} label={t(`devices.fields.${name}`)} rules={rules}>
        {input}
      </Form.Item>
    </Col>
  );
  const text = (name: keyof RegisterValues, max: number, rules: object[] = required, autoFocus = false) =>
    item(name, <Input autoComplete="off" maxLength={max} autoFocus={autoFocus} data-testid={`device-form-${name}`} />, rules);
  const date = (name: 'osInstalledAt' | 'enabledAt', required = true) => (
    <Col xs={24} sm={12}>
      <DateField name={name} label={t(`devices.fields.${name}`)} required={required} testId={`device-form-${name}`} />
    </Col>
  );
  const levels = classified ? CLASSIFIED_LEVELS : (['non_secret'] as const);
  const levelField = item(
    'level',
    <Select disabled={!classified} options={levels.map((l) => ({ value: l, label: t(`devices.levels.${l}`) }))} data-testid="device-form-level" />,
    [{ required: true }],
  );
  const responsible = item('responsible', <PersonInput testId="device-form-responsible" />);

  return (
    <FormModal<RegisterValues>
      title={t('devices.registerTitle', { register: t(`devices.titles.${register}`) })}
      submitText={t('devices.register')}
      testId="device-register"
      keyboard
      width={820}
      errorFields={{ code: 'code', serial: 'serial', disk_serial: 'diskSerial', network: 'network', mac: 'mac' }}
      initialValues={{ level: classified ? undefined : 'non_secret', network: 'standalone', type: 'usb', enabledAt: dayjs(), backupApproved: false }}
      onSubmit={async (v) => {
        const shared = {
          code: v.code.trim(),
          model: v.model.trim(),
          serial: v.serial.trim(),
          level: v.level,
          responsible: v.responsible.trim(),
          department: v.department.trim(),
          enabledAt: isoDate(v.enabledAt),
          remarks: v.remarks?.trim() ?? '',
        };
        if (kind === 'computer') {
          await registerComputer({
            ...shared,
            name: v.name.trim(),
            diskSerial: optional(v.diskSerial),
            mac: optional(v.mac),
            os: v.os.trim(),
            osInstalledAt: v.osInstalledAt ? isoDate(v.osInstalledAt) : undefined,
            network: v.network,
            purpose: v.purpose.trim(),
            location: v.location.trim(),
            monitoring: toInstalled(v.monitoring),
            threeInOne: toInstalled(v.threeInOne),
            securityProducts: cleanProducts(v.securityProducts),
          });
        } else {
          await registerMedium({ ...shared, type: v.type, capacity: v.capacity.trim(), usageScope: v.usageScope.trim(), backupApproved: v.backupApproved });
        }
        void message.success({ content: <span data-testid="device-register-done">{t('devices.registered', { code: shared.code })}</span> });
        onDone();
      }}
      onClose={onClose}
    >
      {kind === 'computer' ? (
        <Row gutter={16}>
          {text('code', 40, required, true)}
          {text('name', 60)}
          {text('model', 100)}
          {text('serial', 100)}
          {text('diskSerial', 100, [])}
          {text('mac', 17, [{ pattern: /^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$/, message: '00-1A-2B-3C-4D-5E' }])}
          {text('os', 100)}
          {date('osInstalledAt', false)}
          {levelField}
          {item('network', <Select options={NETWORKS.map((n) => ({ value: n, label: t(`devices.networks.${n}`) }))} data-testid="device-form-network" />, [
            { required: true },
          ])}
          {text('purpose', 100)}
          {text('department', 60)}
          {responsible}
          {text('location', 100)}
          {date('enabledAt')}
          {text('remarks', 500, [])}
          {/* 违规外联监控, 三合一: a classified computer says whether each is installed. */}
          {item('monitoring', <InstalledSelect testId="device-form-monitoring" />, classified ? [{ required: true }] : [])}
          {item('threeInOne', <InstalledSelect testId="device-form-threeInOne" />, classified ? [{ required: true }] : [])}
          <Col xs={24}>
            <SecurityProductsField testId="device-form-securityProducts" />
          </Col>
        </Row>
      ) : (
        <Row gutter={16}>
          {text('code', 40, required, true)}
          {item('type', <Select options={MEDIUM_TYPES.map((m) => ({ value: m, label: t(`devices.types.${m}`) }))} data-testid="device-form-type" />, [
            { required: true },
          ])}
          {text('model', 100)}
          {text('serial', 100)}
          {text('capacity', 30)}
          {levelField}
          {responsible}
          {text('department', 60)}
          {text('usageScope', 200)}
          {date('enabledAt')}
          {text('remarks', 500, [])}
          <Col xs={24} sm={12}>
            <Form.Item name="backupApproved" valuePropName="checked" label=" ">
              <Checkbox data-testid="device-form-backupApproved">{t('devices.fields.backupApproved')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      )}
    </FormModal>
  );
}
