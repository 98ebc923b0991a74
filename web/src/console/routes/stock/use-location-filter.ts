/** Turns the location code typed in a filter into the id the stock API filters by. */
import { useLocationByCode } from '../../hooks/warehouses';
import type { StockFilters } from './stock-filters';

export function useLocationFilter(f: StockFilters): { locationId?: number; ready: boolean; error: unknown } {
  const asked = !!f.warehouseId && !!f.location;
  const loc = useLocationByCode(f.warehouseId, asked ? f.location : undefined);
  if (!asked) return { ready: true, error: null };
  return { locationId: loc.data?.id, ready: !!loc.data, error: loc.error };
}
