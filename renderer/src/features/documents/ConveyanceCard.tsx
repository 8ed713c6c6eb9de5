// 传达与公开 on a document's page: the conveyance plan in force (and the earlier versions), each conveyance, and the
// publication plan with where it stands; for the custodian, the forms that record them, and the 涉密文件传达登记 of
// this document to print.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Collapse, Descriptions, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CommandOutput, DocumentDetail } from '../../../../preload/contract';
import { personText, type ConveyancePerson } from '../../../../db/domain/conveyance';
import { send } from '../../api';
import { formatAt } from '../../ui/format';
import { isoDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { selectIsCustodian, useLedger } from '../../store';
import { useKeptState } from '../../ui/hooks/useDraft';
import { PrintButton } from '../printing/PrintButton';
import { ExportButtons } from '../../ui/ExportButtons';
import { ConveyModal, ConveyancePlanModal } from './ConveyanceDialogs';
import { PublicationPlanModal } from './PublicationPlanDialogs';

type Conveyance = CommandOutput<'documents.conveyance'>;
type Dialog = 'plan' | 'convey' | 'publication';

export function ConveyanceCard({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  const isCustodian = useLedger(selectIsCustodian);
  const openPublication = useLedger((s) => s.openPublication);
  const [data, setData] = useState<Conveyance | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dialog, setDialog] = useKeptState<Dialog | null>(`doc-conveyance:${doc.id}`, null);

  // Read again whenever the item is (after each of its commands the store reloads it).
  useEffect(() => {
    let current = true;
    send('documents.conveyance', { documentId: doc.id })
      .then((v) => current && (setData(v), setError(null)))
      .catch((err: unknown) => current && setError(err));
    return () => {
      current = false;
    };
  }, [doc]);

  const people = (list: readonly ConveyancePerson[]) => list.map((p) => personText(p, language)).join('、');
  const plan = data?.conveyancePlans[0];
  const earlier = data?.conveyancePlans.slice(1) ?? [];
  const publication = data?.publicationPlans[0];
  const today = isoDate(dayjs());
  const held = doc.copyList.some((c) => c.status === 'in_custody' || c.status === 'on_loan') && !doc.voided;
  const close = () => setDialog(null);

  const planItems = (p: NonNullable<typeof plan>) => [
    { key: 'range', label: t('conveyance.range'), children: <span data-testid="conveyance-range">{people(p.range)}</span> },
    { key: 'manner', label: t('conveyance.manner'), children: t(`conveyance.manners.${p.manner}`) },
    { key: 'at', label: t('conveyance.planAt'), children: formatAt(p.at, language) },
    { key: 'discipline', label: t('conveyance.discipline'), span: 3, children: <span data-testid="conveyance-discipline">{p.discipline}</span> },
  ];

  return (
    <Card
      title={t('conveyance.title')}
      size="small"
      data-testid="conveyance-card"
      extra={
        data?.conveyances.length ? (
          <Space>
            <PrintButton
              request={{ kind: 'sheet', name: 'conveyances', filters: { documentId: doc.id } }}
              label={t('conveyance.print')}
              testId="conveyance-print"
            />
            <ExportButtons register="conveyances" filters={{ documentId: doc.id }} />
          </Space>
        ) : null
      }
    >
      <ErrorAlert error={error} testId="conveyance-error" />
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Space>
            <Typography.Text strong>{t('conveyance.planTitle')}</Typography.Text>
            {plan && <Tag data-testid="conveyance-plan-version">{t('conveyance.version', { n: plan.version })}</Tag>}
          </Space>
          {isCustodian && (
            <Space wrap>
              <Button disabled={!held} onClick={() => setDialog('plan')} data-testid="conveyance-action-plan">
                {plan ? t('conveyance.planChange') : t('conveyance.planRecord')}
              </Button>
              <Button
                type="primary"
                disabled={!held || !plan}
                title={plan ? undefined : t('conveyance.needPlan')}
                onClick={() => setDialog('convey')}
                data-testid="conveyance-action-convey"
              >
                {t('conveyance.convey')}
              </Button>
            </Space>
          )}
        </Flex>
        {plan ? (
          <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} items={planItems(plan)} data-testid="conveyance-plan" />
        ) : (
          <Typography.Text type="secondary" data-testid="conveyance-plan-none">
            {t('conveyance.planNone')}
          </Typography.Text>
        )}
        {earlier.length > 0 && (
          <Collapse
            size="small"
            items={[
              {
                key: 'earlier',
                label: t('conveyance.earlierPlans'),
                children: earlier.map((p) => (
                  <Descriptions
                    key={p.version}
                    size="small"
                    title={t('conveyance.version', { n: p.version })}
                    column={{ xs: 1, md: 3 }}
                    items={planItems(p)}
                    style={{ marginBottom: 8 }}
                  />
                )),
              },
            ]}
          />
        )}
        <Typography.Text strong>{t('conveyance.conveysTitle')}</Typography.Text>
        <Table
          rowKey="eventId"
          size="small"
          pagination={false}
          dataSource={data?.conveyances ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('conveyance.conveysNone')} /> }}
          columns={[
            { key: 'at', title: t('conveyance.conveyedAt'), width: 160, render: (_, c) => formatAt(c.at, language) },
            { key: 'conveyor', title: t('conveyance.conveyor'), width: 120, dataIndex: 'conveyor' },
            { key: 'audience', title: t('conveyance.audience'), render: (_, c) => people(c.audience) },
            { key: 'attended', title: t('conveyance.attended'), width: 100, dataIndex: 'attended' },
            { key: 'plan', title: t('conveyance.planVersion'), width: 110, render: (_, c) => t('conveyance.version', { n: c.planVersion }) },
          ]}
          data-testid="conveyance-list"
        />
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Space>
            <Typography.Text strong>{t('conveyance.publicationTitle')}</Typography.Text>
            {publication && <Tag>{t('conveyance.version', { n: publication.version })}</Tag>}
            {publication?.doneAt && (
              <Tag color="green" data-testid="publication-published">
                {t('conveyance.published')}
              </Tag>
            )}
          </Space>
          {isCustodian && (
            <Space wrap>
              <Button disabled={doc.voided} onClick={() => setDialog('publication')} data-testid="publication-action-plan">
                {publication ? t('conveyance.publicationChange') : t('conveyance.publicationRecord')}
              </Button>
              {publication && !publication.doneAt && (
                // 先审查后公开: the plan is carried out by its review's publication, never recorded here by hand.
                <Button
                  onClick={() => openPublication({ documentId: doc.id, receiptNo: doc.receiptNo, title: doc.title })}
                  data-testid="publication-action-review"
                >
                  {t('conveyance.toReview')}
                </Button>
              )}
            </Space>
          )}
        </Flex>
        {publication ? (
          <>
            {!publication.doneAt && publication.publishFrom <= today && (
              <Alert type="warning" showIcon title={t('conveyance.due')} data-testid="publication-due" />
            )}
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, md: 3 }}
              data-testid="publication-plan"
              items={[
                { key: 'extent', label: t('conveyance.extent'), children: t(`conveyance.extents.${publication.extent}`) },
                { key: 'from', label: t('conveyance.publishFrom'), children: publication.publishFrom },
                { key: 'channel', label: t('conveyance.channel'), children: publication.channel },
                { key: 'content', label: t('conveyance.content'), span: 3, children: publication.content },
                {
                  key: 'decision',
                  label: t('conveyance.decision'),
                  span: 2,
                  children: [publication.decider, publication.decisionDocNo].filter(Boolean).join(' '),
                },
                { key: 'decidedOn', label: t('conveyance.decidedOn'), children: publication.decidedOn },
                ...(publication.doneAt
                  ? [
                      {
                        key: 'done',
                        label: t('conveyance.published'),
                        span: 3,
                        children: t('conveyance.publishedOn', { at: formatAt(publication.doneAt, language), reference: publication.doneReference ?? '' }),
                      },
                    ]
                  : []),
              ]}
            />
          </>
        ) : (
          <Typography.Text type="secondary" data-testid="publication-plan-none">
            {t('conveyance.publicationNone')}
          </Typography.Text>
        )}
      </Flex>
      {dialog === 'plan' && <ConveyancePlanModal doc={doc} current={plan} onClose={close} />}
      {dialog === 'convey' && plan && <ConveyModal doc={doc} range={plan.range} onClose={close} />}
      {dialog === 'publication' && <PublicationPlanModal doc={doc} changing={!!publication} onClose={close} />}
    </Card>
  );
}
