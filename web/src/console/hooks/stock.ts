/**
 * Stock over TanStack Query. Every key starts with ['stock'], which shared/live.ts marks stale on
 * any `stock.*` or `order.*` event: levels, availability and the ledger follow the floor live.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call, type paths } from '../../shared/api';

export type LevelsQuery = NonNullable<paths['/api/v1/stock/levels']['get']['parameters']['query']>;
export type LedgerQuery = NonNullable<paths['/api/v1/stock/ledger']['get']['parameters']['query']>;
export type StockLevel = paths['/api/v1/stock/levels']['get']['responses'][200]['content']['application/json']['items'][number];
export type StockStatus = StockLevel['status'];
export type LedgerEntry = paths['/api/v1/stock/ledger']['get']['responses'][200]['content']['application/json']['items'][number];
export type Availability = paths['/api/v1/stock/availability']['get']['responses'][200]['content']['application/json']['items'][number];

export const STOCK_STATUSES: StockStatus[] = ['available', 'quarantine', 'damaged', 'pending_inspection', 'pending_repair'];

export const stockKeys = {
  all: () => ['stock'] as const,
  levels: (query: LevelsQuery) => ['stock', 'levels', query] as const,
  availability: (skus: string, warehouseId?: number) => ['stock', 'availability', skus, warehouseId ?? null] as const,
  ledger: (query: LedgerQuery) => ['stock', 'ledger', query] as const,
};

export function useStockLevels(query: LevelsQuery) {
  return useQuery({
    queryKey: stockKeys.levels(query),
    queryFn: () => call(api.GET('/api/v1/stock/levels', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Available-to-promise per warehouse; `skus` is one code or several, comma-separated. */
export function useAvailability(skus: string, warehouseId?: number) {
  return useQuery({
    queryKey: stockKeys.availability(skus, warehouseId),
    queryFn: () => call(api.GET('/api/v1/stock/availability', { params: { query: { sku: skus, ...(warehouseId ? { warehouseId } : {}) } } })),
    enabled: skus.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useLedger(query: LedgerQuery) {
  return useQuery({
    queryKey: stockKeys.ledger(query),
    queryFn: () => call(api.GET('/api/v1/stock/ledger', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export type CountsQuery = NonNullable<paths['/api/v1/stock/counts']['get']['parameters']['query']>;
export type CountSummary = paths['/api/v1/stock/counts']['get']['responses'][200]['content']['application/json']['items'][number];
export type Count = paths['/api/v1/stock/counts/{id}']['get']['responses'][200]['content']['application/json'];

/** Blind counts; the keys start with ['stock'] too, so a submitted count shows up live. */
export function useCounts(query: CountsQuery) {
  return useQuery({
    queryKey: ['stock', 'counts', query] as const,
    queryFn: () => call(api.GET('/api/v1/stock/counts', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCount(id: number | null) {
  return useQuery({
    queryKey: ['stock', 'count', id] as const,
    queryFn: () => call(api.GET('/api/v1/stock/counts/{id}', { params: { path: { id: id! } } })),
    enabled: id !== null,
  });
}
