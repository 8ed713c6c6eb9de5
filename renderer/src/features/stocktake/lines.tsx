// How the stocktake screens write a copy, a device and a list of names.
import { memo, type ReactNode } from 'react';
import { Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCopyNo } from '../../../../db/domain/copies';
import { LevelTag } from '../documents/MarkingTag';
import type { LevelCode } from '../../../../preload/contract';

/** 张三、李四 (Chinese), Zhang San, Li Si (English). */
export const namesOf = (names: readonly string[], language: string) => names.join(language === 'en' ? ', ' : '、');

/** A copy by its 收文编号 and 份号, with its level: never its title (the screen is read over a shoulder). */
export function CopyText({ receiptNo, copyNo, level }: { receiptNo: string; copyNo: number; level: LevelCode }) {
  const { t } = useTranslation();
  return (
    <Space size={8}>
      <span className="monospace">{receiptNo}</span>
      <span>{t('stocktake.copyNo', { copyNo: formatCopyNo(copyNo) })}</span>
      <LevelTag level={level} />
    </Space>
  );
}

/** A 标签编码 as printed on the label: a code, not a word. */
export function LabelCode({ code }: { code: string }) {
  return <code className="monospace stocktake-code">{code}</code>;
}

/** Rows a list shows: a cabinet may hold thousands of copies, and every scan redraws the screen. */
const LIST_CAP = 200;

export interface LineColumn<T> {
  key: string;
  title?: string;
  width?: number;
  render(line: T): ReactNode;
}

interface RowProps<T> {
  line: T;
  lineKey: string;
  columns: readonly LineColumn<T>[];
  selected: boolean;
}

/** One row, drawn again only when its line, its columns or its selection change: a scan redraws one row, not all. */
const Row = memo(function Row<T>({ line, lineKey, columns, selected }: RowProps<T>) {
  return (
    <tr data-row-key={lineKey} className={selected ? 'stocktake-selected' : undefined}>
      {columns.map((c) => (
        <td key={c.key}>{c.render(line)}</td>
      ))}
    </tr>
  );
}) as <T>(props: RowProps<T>) => ReactNode;

/**
 * A list of a stocktake (found, missing, misplaced ...): a plain table of its first LIST_CAP lines, newest first where
 * the backend put them so. Give it columns that stay the same between scans (useMemo), or every row is drawn again.
 */
export function LineTable<T>({
  rows,
  columns,
  keyOf,
  testId,
  selectedKey,
}: {
  rows: readonly T[];
  columns: readonly LineColumn<T>[];
  keyOf(line: T): string;
  testId: string;
  selectedKey?: string | null;
}) {
  const { t } = useTranslation();
  const shown = rows.length > LIST_CAP ? rows.slice(0, LIST_CAP) : rows;
  return (
    <Flex vertical gap={4}>
      <table className="stocktake-lines" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} style={c.width ? { width: c.width } : undefined}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="stocktake-lines-empty">
                {t('stocktake.emptyList')}
              </td>
            </tr>
          ) : (
            shown.map((line) => {
              const key = keyOf(line);
              return <Row key={key} line={line} lineKey={key} columns={columns} selected={key === selectedKey} />;
            })
          )}
        </tbody>
      </table>
      {rows.length > LIST_CAP && <Typography.Text type="secondary">{t('stocktake.more', { shown: LIST_CAP, total: rows.length })}</Typography.Text>}
    </Flex>
  );
}
