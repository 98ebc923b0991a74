/**
 * What the device remembers between reloads: the warehouse chosen once, and each job's task in
 * progress (the bin scanned, the units counted), so a reload or a flat battery loses nothing.
 */
import { useCallback, useRef, useState } from 'react';

const PREFIX = 'wareloop.floor.';

export function loadLocal<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw === null ? fallback : { ...fallback, ...(JSON.parse(raw) as T) };
  } catch {
    return fallback;
  }
}

export function saveLocal(key: string, value: unknown) {
  if (value === null) localStorage.removeItem(PREFIX + key);
  else localStorage.setItem(PREFIX + key, JSON.stringify(value));
}

/**
 * State that a scan handler can read right after it was set (scans come faster than renders),
 * written to the device at every change.
 */
export function useTaskState<T extends object>(key: string, initial: T): [T, (next: T) => void, { readonly current: T }] {
  const ref = useRef<T | null>(null);
  ref.current ??= loadLocal(key, initial);
  const [state, setState] = useState<T>(ref.current);
  const set = useCallback(
    (next: T) => {
      ref.current = next;
      saveLocal(key, next);
      setState(next);
    },
    [key],
  );
  return [state, set, ref as { readonly current: T }];
}
