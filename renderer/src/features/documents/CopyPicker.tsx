import { Button, Checkbox, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CopyStatusCode, CopyView } from '../../../../preload/contract';
import { formatCopyNo } from '../../../../db/domain/copies';
import { CopyStatusTag } from './MarkingTag';

interface CopyPickerProps {
  copies: readonly CopyView[];
  /** Only copies in these states can be chosen (the others are not shown). */
  statuses: readonly CopyStatusCode[];
  value?: number[];
  onChange?: (copyNos: number[]) => void;
  /** The group gets `${testId}`, each copy `${testId}-<copyNo>`, the select-all button `${testId}-all`. */
  testId: string;
  /** Show each copy's state (when several states may be chosen). */
  showStatus?: boolean;
}

/** 份号 to act on, one checkbox per copy; reproductions carry the 复制件 mark. */
export function CopyPicker({ copies, statuses, value = [], onChange, testId, showStatus = false }: CopyPickerProps) {
  const { t } = useTranslation();
  const choosable = copies.filter((c) => statuses.includes(c.status));
  if (choosable.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid={`${testId}-none`}>
        {t('actions.noCopies')}
      </Typography.Text>
    );
  }
  const all = choosable.map((c) => c.copyNo);
  const allChosen = all.every((n) => value.includes(n));
  return (
    <Flex vertical gap={4}>
      <Checkbox.Group value={value} onChange={(nos) => onChange?.([...nos].sort((a, b) => a - b))} data-testid={testId}>
        <Flex wrap gap={8}>
          {choosable.map((c) => (
            <Checkbox key={c.copyNo} value={c.copyNo} data-testid={`${testId}-${c.copyNo}`}>
              <span className="monospace">{formatCopyNo(c.copyNo)}</span>
              {c.reproduction && (
                <Tag variant="outlined" style={{ marginInlineStart: 4 }}>
                  {t('doc.copy.reproduction')}
                </Tag>
              )}
              {showStatus && <CopyStatusTag status={c.status} />}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
      {all.length > 1 && (
        <Button
          type="link"
          size="small"
          tabIndex={-1}
          style={{ alignSelf: 'flex-start', padding: 0 }}
          onClick={() => onChange?.(allChosen ? [] : all)}
          data-testid={`${testId}-all`}
        >
          {t('actions.allCopies')}
        </Button>
      )}
    </Flex>
  );
}
