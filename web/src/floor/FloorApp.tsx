/**
 * The handheld's frame: sign-in, then a menu of jobs, one job per screen. The header says whether
 * the device is online and how many scans wait to be sent; the one hidden scan input lives here.
 */
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, retryRead } from '../shared/api';
import { currentLanguage, setLanguage, useTranslation } from '../shared/i18n';
import { useLiveInvalidation } from '../shared/live';
import { saveLanguage, signIn, signOut, useMe } from '../shared/session';
import { FloorRoutes } from './Routes';
import { outbox, SIGNED_OUT, useOutboxState } from './scan/device';
import { ScanProvider } from './scan/ScanProvider';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: retryRead, refetchOnWindowFocus: false } } });

export function FloorApp() {
  return (
    <QueryClientProvider client={queryClient}>
      <Floor />
    </QueryClientProvider>
  );
}

function Floor() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const me = useMe();
  useLiveInvalidation(client, !!me.data);
  // A scan refused for want of a session: check who we are; if nobody, the sign-in shows, and
  // the waiting scans go out once the operator is back.
  useEffect(() => {
    const recheck = () => void client.invalidateQueries({ queryKey: ['me'] });
    window.addEventListener(SIGNED_OUT, recheck);
    return () => window.removeEventListener(SIGNED_OUT, recheck);
  }, [client]);
  useEffect(() => {
    if (me.data) outbox.wake();
  }, [me.data]);
  if (me.isPending) return <p className="fl-main">{t('app.loading')}</p>;
  if (!me.data) return <FloorLogin />;
  return (
    <ScanProvider>
      <header className="fl-header">
        <h1>{t('app.floor')}</h1>
        <NetStatus />
        <button type="button" onClick={() => void saveLanguage(currentLanguage() === 'zh-CN' ? 'en' : 'zh-CN')} aria-label={t('language.label')}>
          {currentLanguage() === 'zh-CN' ? 'EN' : '中文'}
        </button>
        <SignOut />
      </header>
      <main className="fl-main">
        <FloorRoutes />
      </main>
    </ScanProvider>
  );
}

/** "offline · 3 waiting": scans are kept on the device and sent when the network is back. */
function NetStatus() {
  const { t } = useTranslation();
  const { online, waiting } = useOutboxState();
  const text = online ? (waiting > 0 ? t('net.waiting', { count: waiting }) : t('net.online')) : `${t('net.offline')} · ${t('net.waiting', { count: waiting })}`;
  return (
    <span className={`fl-net${online ? '' : ' offline'}`} role="status" aria-live="polite" data-testid="net-status">
      {text}
    </span>
  );
}

function SignOut() {
  const { t } = useTranslation();
  const client = useQueryClient();
  return (
    <button
      type="button"
      onClick={async () => {
        await signOut();
        client.setQueryData(['me'], null);
      }}
    >
      {t('auth.signOut')}
    </button>
  );
}

function FloorLogin() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const { waiting } = useOutboxState();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setError(null);
    try {
      const me = await signIn(String(form.get('email')), String(form.get('password')));
      client.setQueryData(['me'], me);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 429 ? t('auth.tooMany') : err instanceof ApiError && err.status === 401 ? t('auth.wrong') : String(err));
    }
  };
  return (
    <main className="fl-main">
      <h1>{t('auth.title')}</h1>
      {waiting > 0 && (
        <div className="fl-feedback info" role="status">
          {t('auth.expired')} {t('net.waiting', { count: waiting })}
        </div>
      )}
      <form onSubmit={submit}>
        <label className="fl-field">
          <span>{t('auth.email')}</span>
          <input name="email" type="email" autoComplete="username" required autoFocus />
        </label>
        <label className="fl-field">
          <span>{t('auth.password')}</span>
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && <div className="fl-feedback bad" role="alert">{error}</div>}
        <button className="fl-btn" type="submit">{t('auth.submit')}</button>
      </form>
      <button className="fl-btn secondary" type="button" onClick={() => setLanguage(currentLanguage() === 'zh-CN' ? 'en' : 'zh-CN')}>
        {t(`language.${currentLanguage() === 'zh-CN' ? 'en' : 'zh-CN'}`)}
      </button>
    </main>
  );
}
