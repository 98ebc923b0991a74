/**
 * Warehouses and their locations over TanStack Query: ['warehouses'] and ['warehouse', id] as
 * shared/live.ts expects; the location tree sits under ['locations', …] so `location.*` events
 * refresh it, and stock events refresh its occupancy (below).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, call, type paths } from '../../shared/api';
import { subscribe } from '../../shared/live';
import { DEFAULT_TIME_ZONE } from '../lib/format';

export type Warehouse = paths['/api/v1/warehouses/{id}']['get']['responses'][200]['content']['application/json'];
type TreeAnswer = Extract<paths['/api/v1/warehouses/{id}/locations']['get']['responses'][200]['content']['application/json'], { nextCursor: null }>;
export type LocationNode = TreeAnswer['items'][number];
/** One node of the tree at any depth (the API spells the four levels out; the screen walks them alike). */
export type TreeNode = Omit<LocationNode, 'children'> & { children: TreeNode[] };

export const warehouseKeys = {
  lists: () => ['warehouses'] as const,
  one: (id: number) => ['warehouse', String(id)] as const,
  tree: (id: number) => ['locations', 'tree', String(id)] as const,
};

/** Every warehouse (there are few: one page of 200). */
export function useWarehouses() {
  return useQuery({
    queryKey: warehouseKeys.lists(),
    queryFn: async () => (await call(api.GET('/api/v1/warehouses', { params: { query: { limit: 200 } } }))).items,
    staleTime: 60_000,
  });
}

export function useWarehouse(id: number) {
  return useQuery({ queryKey: warehouseKeys.one(id), queryFn: () => call(api.GET('/api/v1/warehouses/{id}', { params: { path: { id } } })) });
}

export function useLocationTree(id: number) {
  const client = useQueryClient();
  useEffect(
    () =>
      subscribe((e) => {
        const moves = e.type.startsWith('stock.') || e.type.startsWith('order.');
        const here = e.payload.warehouseId === undefined || Number(e.payload.warehouseId) === id;
        if (moves && here) void client.invalidateQueries({ queryKey: warehouseKeys.tree(id) });
      }),
    [client, id],
  );
  return useQuery({
    queryKey: warehouseKeys.tree(id),
    queryFn: async () => {
      const answer = await call(api.GET('/api/v1/warehouses/{id}/locations', { params: { path: { id }, query: { view: 'tree' } } }));
      return answer.items as unknown as TreeNode[]; // the generated type spells each level out; they are the same shape
    },
  });
}

/** The zone a warehouse's dates are shown in; without a warehouse, the first one's (they share the installation's). */
export function useTimeZone(warehouseId?: number): string {
  const all = useWarehouses().data;
  const w = all?.find((x) => x.id === warehouseId) ?? all?.[0];
  return w?.timeZone ?? DEFAULT_TIME_ZONE;
}

/** The location a code names in a warehouse (what a person types in a filter), or undefined when none is asked. */
export function useLocationByCode(warehouseId: number | undefined, code: string | undefined) {
  return useQuery({
    queryKey: ['locations', 'by-code', warehouseId ?? null, code ?? null],
    queryFn: () => call(api.GET('/api/v1/warehouses/{id}/locations/by-code/{code}', { params: { path: { id: warehouseId!, code: code! } } })),
    enabled: !!warehouseId && !!code,
    retry: false,
  });
}
