/**
 * Orders over TanStack Query. The keys follow shared/live.ts: ['orders', …] for lists and
 * ['order', id, …] for one order, so an `order.*` event on the stream refreshes the list, the
 * order, its pick list and its timeline without a reload.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, newIdempotencyKey, type paths } from '../../shared/api';

export type OrdersQuery = NonNullable<paths['/api/v1/orders']['get']['parameters']['query']>;
export type OrderSummary = paths['/api/v1/orders']['get']['responses'][200]['content']['application/json']['items'][number];
export type Order = paths['/api/v1/orders/{id}']['get']['responses'][200]['content']['application/json'];
export type OrderStatus = Order['status'];
export type OrderChannel = NonNullable<OrdersQuery['channel']>;
export type PickList = paths['/api/v1/orders/{id}/pick-list']['get']['responses'][200]['content']['application/json'];
export type OrderEvent = paths['/api/v1/orders/{id}/events']['get']['responses'][200]['content']['application/json']['items'][number];
export type AddressChange = NonNullable<paths['/api/v1/orders/{id}/address']['patch']['requestBody']>['content']['application/json'];

export const ORDER_STATUSES: OrderStatus[] = ['pending', 'confirmed', 'backordered', 'picking', 'picked', 'packed', 'shipped', 'delivered', 'cancelled', 'exception'];
export const ORDER_CHANNELS: OrderChannel[] = ['web', 'app', 'tmall', 'taobao', 'jd', 'pinduoduo', 'douyin', 'wechat', 'phone', 'store', 'api', 'marketplace', 'other'];

export const orderKeys = {
  lists: () => ['orders'] as const,
  list: (query: OrdersQuery) => ['orders', query] as const,
  one: (id: number) => ['order', String(id)] as const,
  pickList: (id: number) => ['order', String(id), 'pick-list'] as const,
  timeline: (id: number) => ['order', String(id), 'events'] as const,
};

export function useOrders(query: OrdersQuery) {
  return useQuery({
    queryKey: orderKeys.list(query),
    queryFn: () => call(api.GET('/api/v1/orders', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useOrder(id: number) {
  return useQuery({ queryKey: orderKeys.one(id), queryFn: () => call(api.GET('/api/v1/orders/{id}', { params: { path: { id } } })) });
}

export function usePickList(id: number) {
  return useQuery({ queryKey: orderKeys.pickList(id), queryFn: () => call(api.GET('/api/v1/orders/{id}/pick-list', { params: { path: { id } } })) });
}

export function useOrderTimeline(id: number) {
  return useQuery({
    queryKey: orderKeys.timeline(id),
    queryFn: () => call(api.GET('/api/v1/orders/{id}/events', { params: { path: { id }, query: { limit: 100 } } })),
  });
}

/** The commands customer service (and, for deliver, the warehouse) runs on one order. */
export type OrderCommand =
  | { kind: 'confirm' | 'resume' | 'release-hold' | 'deliver' }
  | { kind: 'cancel' | 'intercept' | 'hold'; reason: string }
  | { kind: 'priority'; priority: number }
  | { kind: 'address'; address: AddressChange };

function run(id: number, c: OrderCommand): Promise<Order> {
  const path = { id };
  const headers = { 'idempotency-key': newIdempotencyKey() };
  switch (c.kind) {
    case 'confirm':
      return call(api.POST('/api/v1/orders/{id}/confirm', { params: { path }, headers }));
    case 'resume':
      return call(api.POST('/api/v1/orders/{id}/resume', { params: { path }, headers }));
    case 'release-hold':
      return call(api.POST('/api/v1/orders/{id}/release-hold', { params: { path }, headers }));
    case 'deliver':
      return call(api.POST('/api/v1/orders/{id}/deliver', { params: { path }, headers }));
    case 'cancel':
      return call(api.POST('/api/v1/orders/{id}/cancel', { params: { path }, headers, body: { reason: c.reason } }));
    case 'intercept':
      return call(api.POST('/api/v1/orders/{id}/intercept', { params: { path }, headers, body: { reason: c.reason } }));
    case 'hold':
      return call(api.POST('/api/v1/orders/{id}/hold', { params: { path }, headers, body: { reason: c.reason } }));
    case 'priority':
      return call(api.POST('/api/v1/orders/{id}/priority', { params: { path }, headers, body: { priority: c.priority } }));
    case 'address':
      return call(api.PATCH('/api/v1/orders/{id}/address', { params: { path }, body: c.address }));
  }
}

export function useOrderCommand(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (c: OrderCommand) => run(id, c),
    onSuccess: (order) => {
      client.setQueryData(orderKeys.one(id), order);
      void client.invalidateQueries({ queryKey: orderKeys.one(id) });
      void client.invalidateQueries({ queryKey: orderKeys.lists() });
    },
  });
}
