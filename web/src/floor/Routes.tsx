/** Which job screen the URL names. The order id is in the path, so a reload reopens the same task. */
import { useState } from 'react';
import { loadLocal, saveLocal } from './device-state';
import type { Warehouse } from './data';
import { HomeMenu } from './jobs/home/HomeMenu';
import { WarehousePicker } from './jobs/home/WarehousePicker';
import { OrderLookup } from './jobs/common/OrderLookup';
import { CountList } from './jobs/count/CountList';
import { CountSheet } from './jobs/count/CountSheet';
import { MoveScreen } from './jobs/move/MoveScreen';
import { PackOrder } from './jobs/pack/PackOrder';
import { PickOrder } from './jobs/pick/PickOrder';
import { PickQueue } from './jobs/pick/PickQueue';
import { PutAwayScreen } from './jobs/put-away/PutAwayScreen';
import { ReceiveScreen } from './jobs/receive/ReceiveScreen';
import { ReturnScreen } from './jobs/returns/ReturnScreen';
import { ReturnsLookup } from './jobs/returns/ReturnsLookup';
import { ShipOrder } from './jobs/ship/ShipOrder';
import { StorageRoutes } from './jobs/storage/StorageRoutes';
import { matchPath, usePath } from './router';
import { useTranslation } from '../shared/i18n';

const WAREHOUSE_KEY = 'warehouse';

export function FloorRoutes() {
  const { t } = useTranslation();
  const path = usePath();
  const [warehouse, setWarehouse] = useState<Warehouse | null>(() => loadLocal<Warehouse | null>(WAREHOUSE_KEY, null));
  const choose = (w: Warehouse | null) => {
    saveLocal(WAREHOUSE_KEY, w);
    setWarehouse(w);
  };
  if (!warehouse) return <WarehousePicker onChoose={choose} />;

  const id = (pattern: string) => {
    const m = matchPath(pattern, path);
    const n = Number(m?.id);
    return Number.isSafeInteger(n) && n > 0 ? n : null;
  };
  const pickId = id('/floor/pick/:id');
  if (pickId) return <PickOrder key={pickId} orderId={pickId} />;
  const packId = id('/floor/pack/:id');
  if (packId) return <PackOrder key={packId} orderId={packId} />;
  const shipId = id('/floor/ship/:id');
  if (shipId) return <ShipOrder key={shipId} orderId={shipId} />;
  const countId = id('/floor/count/:id');
  if (countId) return <CountSheet key={countId} countId={countId} />;
  const returnId = id('/floor/returns/:id');
  if (returnId) return <ReturnScreen key={returnId} returnId={returnId} />;
  if (path.startsWith('/floor/storage')) return <StorageRoutes path={path} warehouse={warehouse} />;
  switch (path) {
    case '/floor/pick':
      return <PickQueue warehouse={warehouse} />;
    case '/floor/pack':
      return <OrderLookup key="pack" job="pack" title={t('glossary.pack')} />;
    case '/floor/ship':
      return <OrderLookup key="ship" job="ship" title={t('glossary.ship')} />;
    case '/floor/receive':
      return <ReceiveScreen key={warehouse.id} warehouse={warehouse} />;
    case '/floor/put-away':
      return <PutAwayScreen key={warehouse.id} warehouse={warehouse} />;
    case '/floor/count':
      return <CountList key={warehouse.id} warehouse={warehouse} />;
    case '/floor/returns':
      return <ReturnsLookup />;
    case '/floor/move':
      return <MoveScreen key={warehouse.id} warehouse={warehouse} />;
    default:
      return <HomeMenu warehouse={warehouse} onChangeWarehouse={() => choose(null)} />;
  }
}
