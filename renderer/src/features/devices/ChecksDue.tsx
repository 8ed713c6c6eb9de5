// The overview's reminder of computer checks due (computerChecksDue): the computers named under the tile, each with
// the kinds of check overdue and when each was last done.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComputerCheckDue } from '../../../../preload/contract';
import { useLedger } from '../../store';
import { registerFor } from './devices';

/** Computers named under the tile; the rest are counted. */
const SHOWN = 5;

/** Opens the one computer due, or the register of the first. */
export function useOpenChecksDue(due: readonly ComputerCheckDue[]): () => void {
  const openDevice = useLedger((s) => s.openDevice);
  const openDevices = useLedger((s) => s.openDevices);
  return () => {
    const [first] = due;
    if (!first) openDevices('secret-computers');
    else if (due.length === 1) openDevice('computer', first.id);
    else openDevices(registerFor('computer', first.level), 'in_use');
  };
}

export function ChecksDueNames({ due }: { due: readonly ComputerCheckDue[] }) {
  const { t } = useTranslation();
  if (due.length === 0) return null;
  const kinds = (c: ComputerCheckDue) =>
    c.kinds
      .map((k) => {
        const kind = t(`computerChecks.kinds.${k.kind}`);
        return k.lastAt ? t('computerChecks.dueLast', { kind, at: k.lastAt }) : t('computerChecks.dueNever', { kind });
      })
      .join(t('reminders.nameJoin'));
  return (
    <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="reminder-computer-checks-names">
      {t('computerChecks.dueList', {
        names: due
          .slice(0, SHOWN)
          .map((c) => t('computerChecks.dueItem', { code: c.code, kinds: kinds(c) }))
          .join(t('reminders.nameJoin')),
        more: due.length > SHOWN ? t('reminders.stocktakeMore', { n: due.length }) : '',
      })}
    </Typography.Paragraph>
  );
}
