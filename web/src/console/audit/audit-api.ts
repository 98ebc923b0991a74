/** The audit endpoints over TanStack Query: who did what, and a verification of the sealed chain. */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, call, type paths } from '../../shared/api';

export type AuditQuery = NonNullable<paths['/api/v1/audit/entries']['get']['parameters']['query']>;
export type AuditEntry = paths['/api/v1/audit/entries']['get']['responses'][200]['content']['application/json']['items'][number];
export type AuditReport = paths['/api/v1/audit/verify']['get']['responses'][200]['content']['application/json'];
export type FindingKind = NonNullable<AuditReport['finding']>['kind'];

export function useAuditEntries(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', 'entries', query],
    queryFn: () => call(api.GET('/api/v1/audit/entries', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Verification reads the whole log: run on request, never on its own. */
export function useAuditVerify() {
  return useMutation({ mutationFn: () => call(api.GET('/api/v1/audit/verify')) });
}
