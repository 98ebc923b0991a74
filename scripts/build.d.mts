export function ensureBuilt(opts?: { force?: boolean; only?: Array<'server' | 'web'>; log?: (message: string) => void }): Promise<string[]>;
export function isBuilt(name: 'server' | 'web'): boolean;
