/** Sign in; then to the page asked for, or the surface the user's role works on. */
import { Alert, Button, Card, Form, Input, Segmented } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../shared/api';
import { currentLanguage, LANGUAGES, setLanguage, useTranslation } from '../../../shared/i18n';
import { homeOf, signIn } from '../../../shared/session';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { email: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const me = await signIn(values.email, values.password);
      client.setQueryData(['me'], me);
      const home = homeOf(me);
      if (home === '/floor') window.location.assign('/floor');
      else navigate(params.get('next') ?? '/', { replace: true });
    } catch (err) {
      setError(err instanceof ApiError && err.status === 429 ? t('auth.tooMany') : err instanceof ApiError && err.status === 401 ? t('auth.wrong') : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5', padding: 16 }}>
      <Card title={t('auth.title')} style={{ width: '100%', maxWidth: 380 }} extra={<Segmented size="small" value={currentLanguage()} options={LANGUAGES.map((l) => ({ label: t(`language.${l}`), value: l }))} onChange={(v) => setLanguage(v as (typeof LANGUAGES)[number])} />}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t('auth.email')} name="email" rules={[{ required: true, message: t('auth.emailRequired') }]}>
            <Input type="email" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
