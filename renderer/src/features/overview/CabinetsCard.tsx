// 保密柜: what each cabinet holds now (copies 在柜, by level); a cabinet or one of its levels opens the register on it.
// Cabinets have no capacity in the ledger: the card says what is in them, never how full they are.
import { Card, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_LEVELS } from '../../../../db/domain/levels';
import { useLedger } from '../../store';
import { OpenNumber } from './OpenNumber';
import type { Overview } from './overview';

type Cabinet = Overview['cabinets'][number];

export function CabinetsCard({ cabinets }: { cabinets: Overview['cabinets'] }) {
  const { t } = useTranslation();
  const openDocuments = useLedger((s) => s.openDocuments);
  const itemsCopies = (c: { items: number; copies: number }) => t('overview.itemsCopies', { items: c.items, copies: c.copies });
  return (
    <Card title={t('overview.cabinetsTitle')} data-testid="overview-cabinets">
      {cabinets.length === 0 ? (
        <Typography.Text type="secondary" data-testid="overview-cabinets-empty">
          {t('overview.cabinetsEmpty')}
        </Typography.Text>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('overview.cabinetsHelp')}</Typography.Paragraph>
          <Table<Cabinet>
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={cabinets}
            columns={[
              {
                key: 'cabinet',
                title: t('overview.cabinet'),
                render: (_, c) => (
                  <Flex gap={6} wrap align="center">
                    <span className="monospace">{c.code}</span>
                    <span>{c.name}</span>
                    {c.telegrams && <Tag>{t('overview.telegramCabinet')}</Tag>}
                    {!c.active && <Tag>{t('overview.inactive')}</Tag>}
                  </Flex>
                ),
              },
              {
                key: 'held',
                title: t('overview.inCabinet'),
                render: (_, c) =>
                  c.copies > 0 ? (
                    <OpenNumber onOpen={() => openDocuments({ locationId: c.id })} testId={`overview-cabinet-${c.code}`}>
                      {itemsCopies(c)}
                    </OpenNumber>
                  ) : (
                    <Typography.Text type="secondary" data-testid={`overview-cabinet-${c.code}`}>
                      {t('overview.cabinetEmpty')}
                    </Typography.Text>
                  ),
              },
              {
                key: 'levels',
                title: t('overview.level'),
                render: (_, c) => (
                  <Flex gap={12} wrap>
                    {DOCUMENT_LEVELS.filter((level) => c.byLevel[level]).map((level) => (
                      <OpenNumber
                        key={level}
                        onOpen={() => openDocuments({ locationId: c.id, levels: [level] })}
                        testId={`overview-cabinet-${c.code}-${level}`}
                      >
                        {t(`levels.${level}`)} {itemsCopies(c.byLevel[level]!)}
                      </OpenNumber>
                    ))}
                  </Flex>
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
