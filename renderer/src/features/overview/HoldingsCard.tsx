// 在管: the documents held now by level (件 / 份), out on loan, owed to the issuer and the telegrams held, each number
// opening the register filtered to what it counts.
import type { ReactNode } from 'react';
import { Button, Card, Flex, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_LEVELS, type DocumentLevel } from '../../../../db/domain/levels';
import { useLedger } from '../../store';
import { LevelTag } from '../documents/MarkingTag';
import { OpenNumber } from './OpenNumber';
import type { Overview } from './overview';

export function HoldingsCard({ holdings }: { holdings: Overview['holdings'] }) {
  const { t } = useTranslation();
  const openDocuments = useLedger((s) => s.openDocuments);
  const { held, onLoan, awaitingReturn } = holdings;
  const telegrams = held.byGroup['telegram'];
  const itemsCopies = (cell: { count: number; copies: number | null } | undefined) =>
    t('overview.itemsCopies', { items: cell?.count ?? 0, copies: cell?.copies ?? 0 });
  const levels = DOCUMENT_LEVELS.filter((level) => held.byLevel[level]);

  // A copy on loan or owed to the issuer is held too: nothing held is nothing at all.
  if (held.count === 0)
    return (
      <Card title={t('overview.heldTitle')} data-testid="overview-holdings">
        <Typography.Text type="secondary" data-testid="overview-holdings-empty">
          {t('overview.heldEmpty')}
        </Typography.Text>
      </Card>
    );

  return (
    <Card title={t('overview.heldTitle')} data-testid="overview-holdings">
      <OpenNumber onOpen={() => openDocuments({ status: 'held' })} testId="overview-held">
        <Statistic title={t('overview.heldTotal')} value={itemsCopies(held)} styles={{ content: { color: '#1677ff' } }} />
      </OpenNumber>
      <Table<DocumentLevel>
        size="small"
        pagination={false}
        style={{ margin: '12px 0' }}
        rowKey={(level) => level}
        dataSource={levels}
        data-testid="overview-held-levels"
        columns={[
          { key: 'level', title: t('overview.level'), render: (_, level) => <LevelTag level={level} /> },
          {
            key: 'items',
            title: t('overview.items'),
            align: 'right',
            render: (_, level) => (
              <OpenNumber onOpen={() => openDocuments({ status: 'held', levels: [level] })} testId={`overview-held-${level}`}>
                {held.byLevel[level]!.count}
              </OpenNumber>
            ),
          },
          { key: 'copies', title: t('overview.copies'), align: 'right', render: (_, level) => held.byLevel[level]!.copies ?? 0 },
        ]}
      />
      <Flex vertical gap={4}>
        <Line label={t('overview.onLoan')} testId="overview-on-loan" onOpen={onLoan.count > 0 ? () => openDocuments({ status: 'on_loan' }) : undefined}>
          {onLoan.count > 0 ? t('overview.copiesOnly', { n: onLoan.count }) : t('overview.noneNow')}
        </Line>
        <Line
          label={t('overview.awaitingReturn')}
          help={t('overview.awaitingReturnHelp')}
          testId="overview-awaiting-return"
          onOpen={awaitingReturn.count > 0 ? () => openDocuments({ status: 'owed' }) : undefined}
        >
          {awaitingReturn.count > 0 ? itemsCopies(awaitingReturn) : t('overview.noneNow')}
        </Line>
        {/* 密码电报 / 级发电 are kept apart: their own line, opening the register on them. */}
        <Line
          label={t('reminders.telegramsHeld')}
          testId="reminder-telegrams-held"
          onOpen={telegrams ? () => openDocuments({ carrier: 'telegram', status: 'held' }) : undefined}
        >
          {telegrams ? itemsCopies(telegrams) : t('overview.noneNow')}
        </Line>
      </Flex>
    </Card>
  );
}

/** One figure as a line (label, then the number); a line with a list behind it is one button that opens it. */
function Line({
  label,
  help,
  testId,
  onOpen,
  children,
}: {
  label: string;
  help?: string;
  testId: string;
  onOpen?: (() => void) | undefined;
  children: ReactNode;
}) {
  const body = (
    <>
      <Typography.Text type="secondary" style={{ minWidth: 112, display: 'inline-block', textAlign: 'left' }}>
        {label}
      </Typography.Text>
      <span style={onOpen ? { color: '#1677ff' } : undefined}>{children}</span>
      {help && (
        <Typography.Text type="secondary" style={{ marginLeft: 12, fontSize: 12 }}>
          {help}
        </Typography.Text>
      )}
    </>
  );
  return onOpen ? (
    <Button type="text" onClick={onOpen} data-testid={testId} style={{ justifyContent: 'flex-start', padding: '0 4px' }}>
      {body}
    </Button>
  ) : (
    <div data-testid={testId} style={{ padding: '4px 4px' }}>
      {body}
    </div>
  );
}
