/** Choosing the warehouse this device works in: asked once, remembered on the device. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../../shared/i18n';
import { fetchWarehouses, type Warehouse } from '../../data';
import { ErrorLine, Loading } from '../../ui';

export function WarehousePicker({ onChoose }: { onChoose(w: Warehouse): void }) {
  const { t } = useTranslation();
  const warehouses = useQuery({ queryKey: ['warehouses'], queryFn: fetchWarehouses });
  return (
    <section className="fl-card" aria-label={t('home.chooseWarehouse')}>
      <p className="fl-prompt">{t('home.chooseWarehouse')}</p>
      {warehouses.isPending && <Loading />}
      {warehouses.error && <ErrorLine error={warehouses.error} />}
      {warehouses.data?.items
        .filter((w) => w.active)
        .map((w) => (
          <button key={w.id} type="button" className="fl-btn secondary" onClick={() => onChoose(w)}>
            {w.code} · {w.name}
          </button>
        ))}
    </section>
  );
}
