/**
 * Users, roles and separation-of-duties rules over TanStack Query. Every change refreshes the
 * lists it touches (a role's holder count changes when a user changes role).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, newIdempotencyKey, type paths } from '../../shared/api';

export type User = paths['/api/v1/users']['get']['responses'][200]['content']['application/json']['items'][number];
export type NewUser = NonNullable<paths['/api/v1/users']['post']['requestBody']>['content']['application/json'];
export type UserChange = NonNullable<paths['/api/v1/users/{id}']['patch']['requestBody']>['content']['application/json'];
export type Role = paths['/api/v1/roles']['get']['responses'][200]['content']['application/json']['items'][number];
export type NewRole = NonNullable<paths['/api/v1/roles']['post']['requestBody']>['content']['application/json'];
export type RoleChange = NonNullable<paths['/api/v1/roles/{name}']['patch']['requestBody']>['content']['application/json'];
export type Permission = NewRole['permissions'][number];
export type DutyRule = paths['/api/v1/duty-rules']['get']['responses'][200]['content']['application/json']['items'][number];

const keys = { users: ['people', 'users'] as const, roles: ['people', 'roles'] as const, duties: ['people', 'duties'] as const };

export function useUsers() {
  return useQuery({ queryKey: keys.users, queryFn: async () => (await call(api.GET('/api/v1/users'))).items });
}

export function useRoles() {
  return useQuery({ queryKey: keys.roles, queryFn: () => call(api.GET('/api/v1/roles')) });
}

export function useDutyRules() {
  return useQuery({ queryKey: keys.duties, queryFn: async () => (await call(api.GET('/api/v1/duty-rules'))).items });
}

function useRefresh() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ['people'] });
}

export function useSaveUser() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { id: number; change: UserChange } | { id?: undefined; user: NewUser }) =>
      input.id === undefined
        ? call(api.POST('/api/v1/users', { body: input.user, headers: { 'Idempotency-Key': newIdempotencyKey() } }))
        : call(api.PATCH('/api/v1/users/{id}', { params: { path: { id: input.id } }, body: input.change })),
    onSuccess: refresh,
  });
}

export function useSaveRole() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { name: string; change: RoleChange; isNew: false } | { role: NewRole; isNew: true }) =>
      input.isNew
        ? call(api.POST('/api/v1/roles', { body: input.role, headers: { 'Idempotency-Key': newIdempotencyKey() } }))
        : call(api.PATCH('/api/v1/roles/{name}', { params: { path: { name: input.name } }, body: input.change })),
    onSuccess: refresh,
  });
}

export function useDeleteRole() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (name: string) => call(api.DELETE('/api/v1/roles/{name}', { params: { path: { name } } })), onSuccess: refresh });
}

export function useSetDutyRule() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { step: string; enforced: boolean }) =>
      call(api.PUT('/api/v1/duty-rules/{step}', { params: { path: { step: input.step as never } }, body: { enforced: input.enforced } })),
    onSuccess: refresh,
  });
}
