/**
 * The import API over TanStack Query. Its routes take a raw file body, which the typed client does
 * not send, so these calls use fetch with the same session cookie and the same problem+json errors.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, NetworkError, type Problem } from '../../shared/api';

export const IMPORT_KINDS = ['customers', 'products', 'opening-stock', 'orders'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type RowError = { row: number; column: string; message: string };
export type ImportJob = {
  id: number;
  kind: ImportKind;
  status: 'validating' | 'validated' | 'committing' | 'committed' | 'failed';
  dryRun: boolean;
  fileName: string | null;
  createdBy: string;
  rowsRead: number;
  rowsValid: number;
  errorCount: number;
  errors: RowError[];
  result: { created: Record<string, number>; skipped: Record<string, number> } | null;
  applyMs: number | null;
  createdAt: string;
};

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function send<T>(url: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', ...init });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : String(err));
  }
  const body: unknown = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError({ ...(body as Partial<Problem>), status: res.status });
  return body as T;
}

const running = (job: ImportJob | undefined) => job?.status === 'validating' || job?.status === 'committing';

export function useImportJob(id: number | undefined) {
  return useQuery({
    queryKey: ['import', id],
    queryFn: () => send<ImportJob>(`/api/v1/imports/${id}`),
    enabled: id !== undefined,
    // Poll while the job works; it ends on its own.
    refetchInterval: (q) => (running(q.state.data) ? 1000 : false),
  });
}

export function useImportJobs(kind: ImportKind) {
  return useQuery({ queryKey: ['imports', kind], queryFn: () => send<{ items: ImportJob[] }>(`/api/v1/imports?kind=${kind}&limit=10`) });
}

export function useUpload(kind: ImportKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      send<ImportJob>(`/api/v1/imports/${kind}?dryRun=${dryRun}&fileName=${encodeURIComponent(file.name.slice(0, 255))}`, {
        method: 'POST',
        headers: { 'content-type': /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv' },
        body: file,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['imports', kind] }),
  });
}

export function useCommit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => send<ImportJob>(`/api/v1/imports/${id}/commit`, { method: 'POST' }),
    onSuccess: (job) => {
      client.setQueryData(['import', job.id], job);
      void client.invalidateQueries({ queryKey: ['imports'] });
    },
  });
}
