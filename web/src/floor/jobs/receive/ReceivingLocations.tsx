/** The warehouse's receiving locations (docks), one tap instead of a scan. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../../shared/i18n';
import { fetchReceivingLocations, type Warehouse } from '../../data';

export function ReceivingLocations({ warehouse, onChoose }: { warehouse: Warehouse; onChoose(code: string): void }) {
  const { t } = useTranslation();
  const docks = useQuery({ queryKey: ['receiving-locations', warehouse.id], queryFn: () => fetchReceivingLocations(warehouse.id), staleTime: 300_000 });
  const items = docks.data?.items.filter((l) => l.active) ?? [];
  if (items.length === 0) return null;
  return (
    <div className="fl-card">
      <p className="fl-muted">{t('receive.orChoose')}</p>
      <div className="fl-grid">
        {items.map((l) => (
          <button key={l.id} type="button" className="fl-btn secondary" onClick={() => onChoose(l.code)}>
            {l.code}
          </button>
        ))}
      </div>
    </div>
  );
}
