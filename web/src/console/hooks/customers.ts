/** Customers, as far as the desk pages need them: one customer's name, and finding one by phone. */
import { useQuery } from '@tanstack/react-query';
import { api, call, type paths } from '../../shared/api';

export type Customer = paths['/api/v1/customers/{id}']['get']['responses'][200]['content']['application/json'];

export const customerKeys = {
  one: (id: number) => ['customer', String(id)] as const,
};

export function useCustomer(id: number | undefined, enabled = true) {
  return useQuery({
    queryKey: customerKeys.one(id ?? 0),
    queryFn: () => call(api.GET('/api/v1/customers/{id}', { params: { path: { id: id! } } })),
    enabled: enabled && !!id,
    staleTime: 60_000,
  });
}
