/**
 * Products over TanStack Query: ['products', …] for searches, ['product', id] for one product,
 * the keys shared/live.ts refreshes on `product.*` events (and on stock events, which name the product).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, newIdempotencyKey, type paths } from '../../shared/api';

export type ProductsQuery = NonNullable<paths['/api/v1/products']['get']['parameters']['query']>;
export type Product = paths['/api/v1/products/{id}']['get']['responses'][200]['content']['application/json'];

export const productKeys = {
  lists: () => ['products'] as const,
  list: (query: ProductsQuery) => ['products', query] as const,
  one: (id: number) => ['product', String(id)] as const,
};

export function useProducts(query: ProductsQuery) {
  return useQuery({
    queryKey: productKeys.list(query),
    queryFn: () => call(api.GET('/api/v1/products', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useProduct(id: number) {
  return useQuery({ queryKey: productKeys.one(id), queryFn: () => call(api.GET('/api/v1/products/{id}', { params: { path: { id } } })) });
}

function useProductChange<V>(id: number, change: (v: V) => Promise<Product>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (product) => {
      client.setQueryData(productKeys.one(id), product);
      void client.invalidateQueries({ queryKey: productKeys.lists() });
    },
  });
}

export function useAddBarcode(id: number) {
  return useProductChange(id, (barcode: string) =>
    call(api.POST('/api/v1/products/{id}/barcodes', { params: { path: { id } }, headers: { 'idempotency-key': newIdempotencyKey() }, body: { barcode } })),
  );
}

export function useRemoveBarcode(id: number) {
  return useProductChange(id, (barcode: string) => call(api.DELETE('/api/v1/products/{id}/barcodes/{barcode}', { params: { path: { id, barcode } } })));
}
