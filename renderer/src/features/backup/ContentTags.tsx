// What a ledger or a backup holds, in words (文件 3 件 7 份, 计算机 2 台 …), from the table counts the backend reports.
import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ledgerContents, type LedgerContents } from '../../../../db/domain/contents';

export function ContentTags({ counts, testId }: { counts: Readonly<Record<string, number>>; testId?: string }) {
  const { t } = useTranslation();
  const contents = ledgerContents(counts);
  const kinds = Object.keys(contents) as (keyof LedgerContents)[];
  return (
    <Flex wrap gap={4} data-testid={testId}>
      {kinds
        .filter((kind) => kind !== 'copies')
        .map((kind) => (
          <Tag key={kind} data-testid={testId && `${testId}-${kind}`}>
            {t(`backup.contents.${kind as Exclude<keyof LedgerContents, 'copies'>}`, { n: contents[kind], copies: contents.copies })}
          </Tag>
        ))}
    </Flex>
  );
}
