// A computer's security fields in the forms and on its page: 违规外联监控 and 三合一 installed or not (a computer
// registered before says 未记录), and the security products with their versions, one row each.
import { Button, Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ComputerView } from '../../../../preload/contract';
import { installedKey, MAX_SECURITY_PRODUCTS, securityProductsText, type SecurityProduct } from '../../../../db/domain/computer-checks';

/** What the forms hold for a yes/no field. */
export type InstalledValue = 'yes' | 'no';
export const toInstalled = (v: InstalledValue | undefined): boolean | undefined => (v === undefined ? undefined : v === 'yes');

/** The products as typed: rows with an empty name dropped, names and versions trimmed. */
export function cleanProducts(rows: Partial<SecurityProduct>[] | undefined): SecurityProduct[] {
  return (rows ?? []).flatMap((p) => (p.name?.trim() ? [{ name: p.name.trim(), version: p.version?.trim() ?? '' }] : []));
}

export function InstalledSelect({
  id,
  value,
  onChange,
  testId,
  allowClear = false,
  placeholder,
}: {
  id?: string;
  value?: InstalledValue;
  onChange?(v: InstalledValue | undefined): void;
  testId: string;
  allowClear?: boolean;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select<InstalledValue>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      allowClear={allowClear}
      placeholder={placeholder}
      options={(['yes', 'no'] as const).map((k) => ({ value: k, label: t(`computerChecks.installed.${k}`) }))}
      data-testid={testId}
    />
  );
}

/** 安全保密产品及版本: a row per product (名称, 版本), added and removed by button. */
export function SecurityProductsField({ testId }: { testId: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('devices.fields.securityProducts')} required={false}>
      <Form.List name="securityProducts">
        {(rows, { add, remove }) => (
          <Flex vertical gap={8} data-testid={testId}>
            {rows.map((row, i) => (
              <Row key={row.key} gutter={8} wrap={false}>
                <Col flex="auto">
                  <Form.Item name={[row.name, 'name']} noStyle rules={[{ max: 60 }]}>
                    <Input
                      autoComplete="off"
                      placeholder={t('computerChecks.productName')}
                      aria-label={t('computerChecks.productName')}
                      data-testid={`${testId}-name-${i}`}
                    />
                  </Form.Item>
                </Col>
                <Col flex="140px">
                  <Form.Item name={[row.name, 'version']} noStyle rules={[{ max: 40 }]}>
                    <Input
                      autoComplete="off"
                      placeholder={t('computerChecks.productVersion')}
                      aria-label={t('computerChecks.productVersion')}
                      data-testid={`${testId}-version-${i}`}
                    />
                  </Form.Item>
                </Col>
                <Col flex="none">
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('computerChecks.removeProduct')}
                    onClick={() => remove(row.name)}
                    data-testid={`${testId}-remove-${i}`}
                  />
                </Col>
              </Row>
            ))}
            {rows.length < MAX_SECURITY_PRODUCTS && (
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', version: '' })} style={{ alignSelf: 'flex-start' }} data-testid={`${testId}-add`}>
                {t('computerChecks.addProduct')}
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** The three fields as the computer's page shows them. */
export function useSecurityTexts() {
  const { t } = useTranslation();
  return {
    installed: (v: boolean | null) => t(`computerChecks.installed.${installedKey(v)}`),
    products: (list: readonly SecurityProduct[]) => (list.length ? securityProductsText(list, t('reminders.nameJoin')) : t('computerChecks.noProducts')),
  };
}

/** A yes/no field of a computer, marked when a classified one lacks it. */
export function InstalledText({ value, warn, testId }: { value: ComputerView['monitoring']; warn: boolean; testId: string }) {
  const { installed } = useSecurityTexts();
  return (
    <Typography.Text type={warn && value !== true ? 'danger' : undefined} data-testid={testId}>
      {installed(value)}
    </Typography.Text>
  );
}
