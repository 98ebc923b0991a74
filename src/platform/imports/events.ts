/** The import job's statuses and the events it writes (entity `import`, id the job's). */
export const IMPORT_STATUSES = ['validating', 'validated', 'committing', 'committed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const IMPORT_EVENTS = {
  validated: 'import.validated',
  committed: 'import.committed',
  failed: 'import.failed',
} as const;
