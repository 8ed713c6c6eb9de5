// How the stocktake screens write a copy, a device and a list of names.
import { Space } from 'antd';
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
