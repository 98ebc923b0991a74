/** Stock: levels, availability per warehouse, the ledger and the counts awaiting a decision, one tab each with its own URL (/stock/levels …). */
import { Tabs, Typography } from 'antd';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from '../../../shared/i18n';
import { StockAvailabilityTab } from './stock-availability-tab';
import { StockCountsTab } from './stock-counts-tab';
import { StockLedgerTab } from './stock-ledger-tab';
import { StockLevelsTab } from './stock-levels-tab';

const TABS = ['levels', 'availability', 'ledger', 'counts'] as const;
type TabKey = (typeof TABS)[number];

export default function StockPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { search } = useLocation();
  const tab = useParams().tab as TabKey | undefined;
  if (!tab || !TABS.includes(tab)) return <Navigate to="/stock/levels" replace />;
  const body = { levels: <StockLevelsTab />, availability: <StockAvailabilityTab />, ledger: <StockLedgerTab />, counts: <StockCountsTab /> }[tab];
  return (
    <>
      <Typography.Title level={4}>{t('stock.title')}</Typography.Title>
      <Tabs activeKey={tab} onChange={(k) => navigate(`/stock/${k}${search}`)} items={TABS.map((k) => ({ key: k, label: t(`stock.${k}`), children: k === tab ? body : null }))} />
    </>
  );
}
