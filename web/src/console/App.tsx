/** Providers (query cache, Ant Design in the user's language, router) and the console's routes. */
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useTranslation } from '../shared/i18n';
import { homeOf, useMe } from '../shared/session';
import { useLiveInvalidation } from '../shared/live';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { LoginPage } from './routes/login/LoginPage';
import { ROUTES } from './routes';
import { retryRead } from '../shared/api';

/** A person who asked their system for less motion gets dialogs, drawers and messages without animation. */
const REDUCED_MOTION = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: retryRead, refetchOnWindowFocus: false, staleTime: 5_000 } } });

export function App() {
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={i18n.language === 'zh-CN' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1677ff', motion: !REDUCED_MOTION } }} button={{ autoInsertSpace: false }}>
        <AntApp>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/*" element={<SignedIn />} />
            </Routes>
          </BrowserRouter>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}

function SignedIn() {
  const { t } = useTranslation();
  const location = useLocation();
  const client = useQueryClient();
  const me = useMe();
  useLiveInvalidation(client, !!me.data);
  if (me.isPending) return <Spin fullscreen description={t('app.loading')} />;
  if (me.isError) return <Result status="error" title={t('app.error')} subTitle={String(me.error)} />;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (homeOf(me.data) === '/floor') {
    window.location.replace('/floor');
    return null;
  }
  return (
    <ConsoleLayout me={me.data}>
      <Routes>
        {ROUTES.map((r) => (
          <Route key={r.path} path={r.path} element={r.element} />
        ))}
        <Route path="*" element={<Result status="404" title={t('app.notFound')} />} />
      </Routes>
    </ConsoleLayout>
  );
}
