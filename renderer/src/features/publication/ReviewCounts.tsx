// A year's publication reviews counted by decision (undecided, withdrawn and published beside them): on the register's
// page, and on 统计 for a whole year (the figures the annual pack gives).
import { useCallback, useState } from 'react';
import { Card, Flex, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { send } from '../../api';
import type { CommandOutput } from '../../../../preload/contract';
import { PUBLICATION_DECISION_TERMS, PUBLICATION_STATE_TERMS } from '../../../../db/domain/publication';
import { say } from '../../../../db/domain/terms';
import { useLedger } from '../../store';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useLoad } from '../../ui/hooks/useAction';

type Counts = CommandOutput<'publication.year'>['counts'];

/** In the order the annual pack gives them. */
const COUNTS = ['total', 'approve', 'approve_with_changes', 'refuse', 'pending', 'withdrawn', 'published'] as const;

export function ReviewCounts({ counts }: { counts: Counts | null }) {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  const title = (k: (typeof COUNTS)[number]) => {
    if (k === 'total') return t('publication.total');
    return say(k === 'approve' || k === 'approve_with_changes' || k === 'refuse' ? PUBLICATION_DECISION_TERMS[k] : PUBLICATION_STATE_TERMS[k], language);
  };
  return (
    <Flex gap={24} wrap data-testid="publication-counts">
      {COUNTS.map((k) => (
        <Statistic key={k} title={title(k)} value={counts?.[k] ?? 0} data-testid={`publication-count-${k}`} />
      ))}
    </Flex>
  );
}

/** 统计's card of a whole year's publication reviews. */
export function ReviewCountsCard({ year }: { year: number }) {
  const { t } = useTranslation();
  const [counts, setCounts] = useState<Counts | null>(null);
  const { error } = useLoad(useCallback(async () => setCounts((await send('publication.year', { year })).counts), [year]));
  return (
    <Card title={t('publication.statisticsTitle', { year })} size="small" data-testid="statistics-publication">
      <ErrorAlert error={error} testId="statistics-publication-error" />
      <ReviewCounts counts={counts} />
    </Card>
  );
}
