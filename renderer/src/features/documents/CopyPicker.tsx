import { useCallback, useRef } from 'react';
import { Button, Checkbox, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CopyStatusCode, CopyView } from '../../../../preload/contract';
import { formatCopyNo } from '../../../../db/domain/copies';
import type { CopyAction } from '../../../../db/domain/errors';
import { useCopyOfScan, useScanFeedback, useScanTarget, type Scan } from '../scanner';
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
  /** In a dialog of one item: a scanned label ticks its copy; the step names the copy's state in a refusal. */
  scanAction?: CopyAction;
}

/** What a scan did to a picker; `next`: the copies chosen now, when it ticked one. */
type Picked = { used: false } | { used: true; next?: number[] };

/**
 * A scanned label among a picker's copies ticks its copy when the step can take it, else says why in the backend's
 * words (份号 0002 当前为“借出”，不能移库。); a label of no copy of these is left to the caller.
 */
export function usePickScanned() {
  const { t } = useTranslation();
  const feedback = useScanFeedback();
  return useCallback(
    (copies: readonly CopyView[], statuses: readonly CopyStatusCode[], value: number[], action: CopyAction, { parsed }: Scan): Picked => {
      const copy = parsed.ok && parsed.kind === 'copy' ? copies.find((c) => c.labelCode === parsed.code) : undefined;
      if (!copy) return { used: false };
      const copyNo = formatCopyNo(copy.copyNo);
      if (!statuses.includes(copy.status)) {
        feedback.refusal({ code: 'E_NOT_IN_CUSTODY', details: { copyNo: copy.copyNo, status: copy.status, action } });
      } else if (value.includes(copy.copyNo)) {
        feedback.note(t('scanner.already', { copyNo }));
      } else {
        feedback.done(t('scanner.ticked', { copyNo }));
        return { used: true, next: [...value, copy.copyNo].sort((a, b) => a - b) };
      }
      return { used: true };
    },
    [t, feedback],
  );
}

/** 份号 to act on, one checkbox per copy; reproductions carry the 复制件 mark. */
export function CopyPicker({ copies, statuses, value = [], onChange, testId, showStatus = false, scanAction }: CopyPickerProps) {
  const { t } = useTranslation();
  const scope = useRef<HTMLDivElement>(null);
  const pick = usePickScanned();
  const copyOfScan = useCopyOfScan();
  const feedback = useScanFeedback();
  useScanTarget(
    (scan) => {
      if (!scanAction) return false;
      const picked = pick(copies, statuses, value, scanAction, scan);
      if (picked.used && picked.next) onChange?.(picked.next);
      if (!picked.used) {
        // Not a copy of this item: which one it is, or what is wrong with the code.
        void copyOfScan(scan).then(
          (copy) => copy && feedback.refuse(t('scanner.otherDocument', { receiptNo: copy.receiptNo, copyNo: formatCopyNo(copy.copyNo) })),
        );
      }
      return true;
    },
    scanAction !== undefined,
    scope,
  );
  const choosable = copies.filter((c) => statuses.includes(c.status));
  if (choosable.length === 0) {
    return (
      <div ref={scope}>
        <Typography.Text type="secondary" data-testid={`${testId}-none`}>
          {t('actions.noCopies')}
        </Typography.Text>
      </div>
    );
  }
  const all = choosable.map((c) => c.copyNo);
  const allChosen = all.every((n) => value.includes(n));
  return (
    <Flex vertical gap={4} ref={scope}>
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
