/** The console's frame (Ant Design Pro's layout): side menu, header with search, language and user menu. */
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Avatar, Dropdown, Layout, Menu, Segmented, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { currentLanguage, LANGUAGES, useTranslation } from '../../shared/i18n';
import { saveLanguage, signOut, type Me } from '../../shared/session';
import { GlobalSearch } from './GlobalSearch';
import { MENU } from './menu';

export function ConsoleLayout({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const allowed = MENU.filter((m) => me.permissions.includes(m.permission));
  const selected = allowed.find((m) => location.pathname.startsWith(m.path))?.path;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={56} theme="dark" width={208}>
        <div style={{ color: '#fff', fontWeight: 600, fontSize: 18, padding: '16px 20px' }}>{t('app.name')}</div>
        <nav aria-label={t('app.console')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={allowed.map((m) => ({ key: m.path, icon: m.icon, label: t(m.labelKey) }))}
            onClick={({ key }) => navigate(key)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', gap: 16, borderBottom: '1px solid #f0f0f0' }}>
          <GlobalSearch />
          <div style={{ flex: 1 }} />
          <Segmented
            aria-label={t('language.label')}
            size="small"
            value={currentLanguage()}
            options={LANGUAGES.map((l) => ({ label: t(`language.${l}`), value: l }))}
            onChange={(v) => void saveLanguage(v as string)}
          />
          <Dropdown
            menu={{
              items: [{ key: 'signout', icon: <LogoutOutlined />, label: t('auth.signOut') }],
              onClick: async () => {
                await signOut();
                client.clear();
                navigate('/login', { replace: true });
              },
            }}
          >
            <Space style={{ cursor: 'pointer' }} aria-label={me.name}>
              <Avatar size="small" icon={<UserOutlined />} />
              <Typography.Text>{me.name}</Typography.Text>
            </Space>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ padding: 16 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
