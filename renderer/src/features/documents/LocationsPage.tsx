// 保密柜: where copies are kept, each with the highest level it may hold (绝密 only with a dedicated keeper).
import { useState } from 'react';
import { Button, Card, Space, Table, Tag, type TableProps } from 'antd';
import { PlusOutlined, TagsOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LocationView } from '../../../../preload/contract';
import { selectIsCustodian, useLedger } from '../../store';
import { useLoad } from '../../ui/hooks/useAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LevelTag } from './MarkingTag';
import { CabinetDialog } from './CabinetDialog';
import { CorrectLocationModal } from './CorrectLocationDialog';
import { useKeptState } from '../../ui/hooks/useDraft';
import { LabelDialog } from '../labels/LabelDialog';
import { ItemCode } from '../labels/ItemCode';

export function LocationsPage() {
  const { t } = useTranslation();
  const locations = useLedger((s) => s.locations);
  const isCustodian = useLedger(selectIsCustodian);
  const { busy, error } = useLoad(useLedger((s) => s.loadLocations));
  // The cabinet dialog open comes back after a lock, with what was typed in it.
  const [creating, setCreating] = useKeptState('locations-creating', false);
  const [correcting, setCorrecting] = useState<LocationView | null>(null);
  // The cabinets whose labels the label dialog prints (null: closed).
  const [labelsFor, setLabelsFor] = useKeptState<number[] | null>('locations-labels', null);

  const columns: TableProps<LocationView>['columns'] = [
    { key: 'code', dataIndex: 'code', title: t('locations.code'), width: 100, render: (v: string) => <span className="monospace">{v}</span> },
    { key: 'name', dataIndex: 'name', title: t('locations.name'), width: 160 },
    { key: 'labelCode', title: t('labels.labelCode'), width: 140, render: (_, l) => <ItemCode code={l.labelCode} testId={`location-label-code-${l.code}`} /> },
    { key: 'maxLevel', title: t('locations.maxLevel'), width: 120, render: (_, l) => <LevelTag level={l.maxLevel} /> },
    { key: 'keeper', title: t('locations.keeper'), width: 110, render: (_, l) => l.keeper ?? '' },
    {
      key: 'purpose',
      title: t('locations.purpose'),
      width: 90,
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
      width: 80,
      render: (_, l) => (l.active ? <Tag color="green">{t('locations.inService')}</Tag> : <Tag>{t('locations.retired')}</Tag>),
    },
    ...(isCustodian
      ? [
          {
            key: 'correct',
            title: '',
            width: 180,
            render: (_: unknown, l: LocationView) => (
              <Space size={4}>
                <Button size="small" onClick={() => setCorrecting(l)} data-testid={`location-correct-${l.code}`}>
                  {t('corrections.submit')}
                </Button>
                <Button size="small" icon={<TagsOutlined />} onClick={() => setLabelsFor([l.id])} data-testid={`location-label-${l.code}`}>
                  {t('labels.print')}
                </Button>
              </Space>
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
          <Space>
            <Button
              icon={<TagsOutlined />}
              disabled={!locations.some((l) => l.active)}
              onClick={() => setLabelsFor(locations.filter((l) => l.active).map((l) => l.id))}
              data-testid="locations-print-labels"
            >
              {t('labels.printCabinets')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="location-create-button">
              {t('locations.create')}
            </Button>
          </Space>
        )
      }
    >
      <ErrorAlert error={error} testId="locations-error" />
      <Table<LocationView> rowKey="id" size="middle" columns={columns} dataSource={locations} loading={busy} pagination={false} data-testid="locations-table" />
      {creating && <CabinetDialog onClose={() => setCreating(false)} />}
      <LabelDialog open={labelsFor !== null} items={{ cabinets: labelsFor ?? [] }} onClose={() => setLabelsFor(null)} />
      {correcting && <CorrectLocationModal location={correcting} onClose={() => setCorrecting(null)} />}
    </Card>
  );
}
