import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CopyStatusCode, LevelCode } from '../../../../preload/contract';
import { LEVEL_COLORS, STATUS_COLORS } from './documents';

/** The 国家秘密标志 as registered (机密★10年), coloured by its level. */
export function MarkingTag({ marking, level, testId }: { marking: string; level: LevelCode; testId?: string }) {
  return (
    <Tag color={LEVEL_COLORS[level]} data-testid={testId} data-level={level}>
      {marking}
    </Tag>
  );
}

/** A level by name (绝密, 机密 ...). */
export function LevelTag({ level }: { level: LevelCode }) {
  const { t } = useTranslation();
  return <Tag color={LEVEL_COLORS[level]}>{t(`levels.${level}`)}</Tag>;
}

export function CopyStatusTag({ status }: { status: CopyStatusCode }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status}>
      {t(`copyStatus.${status}`)}
    </Tag>
  );
}
