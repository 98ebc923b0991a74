/**
 * The one hidden input that takes keyboard-wedge scans (key events, then Enter). It keeps the
 * focus: after any tap on a button it takes it back, and it only lets go while the operator types
 * in a visible field. Scans go, one at a time and in order, to the handler of the screen on show.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from '../../shared/i18n';
import { createSerial } from './serial';

type Handler = (code: string) => unknown;
type ScanApi = { dispatch(code: string): void; setHandler(h: Handler | null): void; refocus(): void };

const ScanContext = createContext<ScanApi | null>(null);

const isTypingField = (el: Element | null) =>
  !!el && !el.classList.contains('fl-scan-input') && (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || (el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'button'));

export function ScanProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const handler = useRef<Handler | null>(null);
  const buffer = useRef('');
  const run = useMemo(() => createSerial((err) => console.error('scan handler failed', err)), []);

  const refocus = useCallback(() => {
    setTimeout(() => {
      if (!isTypingField(document.activeElement)) input.current?.focus({ preventScroll: true });
    }, 0);
  }, []);
  const api = useMemo<ScanApi>(
    () => ({
      dispatch: (code) => {
        const h = handler.current;
        if (h) void run(() => h(code));
      },
      setHandler: (h) => {
        handler.current = h;
      },
      refocus,
    }),
    [run, refocus],
  );

  useEffect(() => {
    refocus();
    const onClick = () => refocus();
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [refocus]);

  return (
    <ScanContext.Provider value={api}>
      <input
        ref={input}
        className="fl-scan-input"
        aria-label={t('scan.input')}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        inputMode="none"
        data-testid="scan-input"
        onBlur={refocus}
        onKeyDown={(e) => {
          // The code is gathered from the key events themselves, so nothing depends on the input
          // having rendered the characters before the Enter arrives.
          if (e.key === 'Enter') {
            e.preventDefault();
            const code = (buffer.current + e.currentTarget.value).trim();
            buffer.current = '';
            e.currentTarget.value = '';
            if (code) api.dispatch(code);
          } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
            e.preventDefault();
            buffer.current += e.key;
          }
        }}
      />
      {children}
    </ScanContext.Provider>
  );
}

function useScanApi(): ScanApi {
  const api = useContext(ScanContext);
  if (!api) throw new Error('useScan outside ScanProvider');
  return api;
}

/** Makes `handler` receive the scans while this screen is shown (the latest handler every render). */
export function useScanHandler(handler: Handler) {
  const api = useScanApi();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    api.setHandler((code) => latest.current(code));
    api.refocus();
    return () => api.setHandler(null);
  }, [api]);
}

/** Sends a code read another way (the camera, a typed code) down the same path as a scan. */
export function useScanDispatch() {
  return useScanApi().dispatch;
}

export function useRefocusScan() {
  return useScanApi().refocus;
}
