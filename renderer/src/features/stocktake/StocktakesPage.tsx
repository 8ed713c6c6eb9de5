// 清查: the stocktakes by cabinet, open first; 开始清查 starts one and each opens its screen.
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';

export function StocktakesPage() {
  const { t } = useTranslation();
  return <Card title={t('menu.stocktakes')} data-testid="stocktakes-page" />;
}
