// 待办 on the overview: the reminders' counts the backend pushes (fetched once if the first push has not come yet), what
// is already late apart from what is due soon, each opening the register filtered to it.
import { Card, Col, Flex, Row, Spin, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReminderCounts } from '../../../../preload/contract';
import { useLedger } from '../../store';
import { useLoad } from '../../ui/hooks/useAction';
import { ITEM_REMINDERS, LATE_REMINDERS, type ItemReminder } from '../documents/documents';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ChecksDueNames, useOpenChecksDue } from '../devices/ChecksDue';

/** The count of items on each reminder. */
const COUNTS: Record<ItemReminder, keyof ReminderCounts> = {
  loanOverdue: 'loansOverdue',
  loanDueSoon: 'loansDueSoon',
  returnOverdue: 'returnOverdue',
  returnNear: 'returnNear',
  secrecyEnded: 'secrecyEnded',
  secrecyEndingSoon: 'secrecyEndingSoon',
  reviewDue: 'reviewDue',
  receiptPending: 'receiptsPending',
  receiptOverdue: 'receiptsOverdue',
  missing: 'missingCopies',
  publicationDue: 'publicationDue',
};

/** Cabinets named under the tiles; the 清查 page lists them all. */
const SHOWN_CABINETS = 5;

export function RemindersCard() {
  const { t } = useTranslation();
  const reminders = useLedger((s) => s.reminders);
  const reminderDays = useLedger((s) => s.settings?.reminderDays);
  const openDocuments = useLedger((s) => s.openDocuments);
  const openStocktakes = useLedger((s) => s.openStocktakes);
  const openFindings = useLedger((s) => s.openFindings);
  const { busy, error } = useLoad(useLedger((s) => s.loadReminders));

  const stocktakeDue = reminders?.stocktakeDue ?? [];
  const checksDue = reminders?.computerChecksDue ?? [];
  const openChecksDue = useOpenChecksDue(checksDue);

  const tile = (testId: string, title: string, value: number | string, alert: boolean, onClick: () => void, small = false) => (
    <Col xs={12} lg={8} xl={4} key={testId}>
      <Card
        size="small"
        hoverable
        onClick={onClick}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onClick()}
        tabIndex={0}
        role="button"
        className={alert ? 'reminder-tile reminder-alert' : 'reminder-tile'}
        data-testid={testId}
      >
        <Statistic title={title} value={value} styles={{ content: { color: alert ? '#cf1322' : undefined, fontSize: small ? 18 : undefined } }} />
      </Card>
    </Col>
  );

  const late = ITEM_REMINDERS.filter((kind) => LATE_REMINDERS.has(kind));
  const soon = ITEM_REMINDERS.filter((kind) => !LATE_REMINDERS.has(kind));
  const reminderTile = (kind: ItemReminder) => {
    const n = Number(reminders?.[COUNTS[kind]] ?? 0);
    return tile(`reminder-${kind}`, t(`reminders.kinds.${kind}`), n, n > 0 && LATE_REMINDERS.has(kind), () => openDocuments({ reminderKind: kind }));
  };
  // Nothing held and nothing owed: nothing can be due, and a wall of zeros would only look like a fault.
  const nothingYet =
    reminders !== null &&
    !reminders.heldCopies &&
    Object.values(COUNTS).every((key) => !reminders[key]) &&
    !reminders.telegramsOverdue &&
    !reminders.findingsOverdue &&
    !reminders.findingsDueSoon &&
    !reminders.findingsAwaiting &&
    !reminders.computerChecksDue?.length;

  return (
    <Card
      title={t('overview.todoTitle')}
      extra={reminderDays && !nothingYet && <Typography.Text type="secondary">{t('reminders.horizon', { days: reminderDays })}</Typography.Text>}
      data-testid="reminders-card"
    >
      <ErrorAlert error={error} testId="reminders-error" />
      <Spin spinning={busy && !reminders}>
        {nothingYet ? (
          <Typography.Text type="secondary" data-testid="reminders-empty">
            {t('overview.todoEmpty')}
          </Typography.Text>
        ) : (
          <Flex vertical gap={12}>
            <Typography.Text strong>{t('overview.overdueGroup')}</Typography.Text>
            <Row gutter={[12, 12]} data-testid="reminders-overdue">
              {late.map(reminderTile)}
              {tile('reminder-telegrams-overdue', t('reminders.telegramsOverdue'), reminders?.telegramsOverdue ?? 0, !!reminders?.telegramsOverdue, () =>
                openDocuments({ carrier: 'telegram', reminderKind: 'returnOverdue' }),
              )}
              {/* 问题整改: open past the deadline, and rectifications waiting for the approver's confirmation. */}
              {tile('reminder-findings-overdue', t('findings.reminders.overdue'), reminders?.findingsOverdue ?? 0, !!reminders?.findingsOverdue, () =>
                openFindings({ status: 'overdue' }),
              )}
              {tile('reminder-findings-awaiting', t('findings.reminders.awaiting'), reminders?.findingsAwaiting ?? 0, false, () =>
                openFindings({ status: 'awaiting' }),
              )}
              {/* 计算机检查: a computer in use whose last check of a kind is older than the interval (settings). */}
              {tile('reminder-computer-checks', t('computerChecks.due'), checksDue.length, checksDue.length > 0, openChecksDue)}
            </Row>
            <ChecksDueNames due={checksDue} />
            <Typography.Text strong>{t('overview.soonGroup')}</Typography.Text>
            <Row gutter={[12, 12]} data-testid="reminders-soon">
              {soon.map(reminderTile)}
              {tile('reminder-telegrams-due-soon', t('reminders.telegramsDueSoon'), reminders?.telegramsDueSoon ?? 0, false, () =>
                openDocuments({ carrier: 'telegram', reminderKind: 'returnNear' }),
              )}
              {/* Due soon is not a status of its own: those being rectified are listed. */}
              {tile('reminder-findings-due-soon', t('findings.reminders.dueSoon'), reminders?.findingsDueSoon ?? 0, false, () =>
                openFindings({ status: 'open' }),
              )}
              {/* Cabinets whose last stocktake is older than the cadence of the most secret level they hold: 清查 opens. */}
              {tile(
                'reminder-stocktake-due',
                t('reminders.stocktakeDue'),
                // A ledger holding nothing has nothing to count.
                reminders?.heldCopies ? stocktakeDue.length : t('reminders.nothingHeld'),
                stocktakeDue.length > 0,
                openStocktakes,
                !reminders?.heldCopies,
              )}
            </Row>
            {stocktakeDue.length > 0 && (
              <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="reminder-stocktake-cabinets">
                {t('reminders.stocktakeCabinets', {
                  names: stocktakeDue
                    .slice(0, SHOWN_CABINETS)
                    .map((c) =>
                      c.lastAt ? t('reminders.stocktakeLast', { name: c.name, at: c.lastAt.slice(0, 10) }) : t('reminders.stocktakeNever', { name: c.name }),
                    )
                    .join(t('reminders.nameJoin')),
                  more: stocktakeDue.length > SHOWN_CABINETS ? t('reminders.stocktakeMore', { n: stocktakeDue.length }) : '',
                })}
              </Typography.Paragraph>
            )}
          </Flex>
        )}
      </Spin>
    </Card>
  );
}
