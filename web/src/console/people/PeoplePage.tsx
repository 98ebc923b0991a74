/**
 * People and roles, for whoever manages them (users.manage): users with their role and the
 * warehouses they may work in; custom roles built from the permission list (grouped by what they
 * are about, named in the reader's language); and the separation-of-duties steps. The API refuses
 * what the manager may not grant (a permission or warehouse they lack); the refusal is shown at
 * the field it names.
 */
import { App as AntApp, Button, Checkbox, Form, type FormInstance, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { currentLanguage, registerMessages, useTranslation } from '../../shared/i18n';
import { placeFieldErrors, ProblemAlert, problemText } from '../components/problem';
import { useWarehouses } from '../hooks/warehouses';
import { useFormat } from '../lib/useFormat';
import { peopleEn, peopleZhCN } from './locales';
import { useDeleteRole, useDutyRules, useRoles, useSaveRole, useSaveUser, useSetDutyRule, useUsers, type DutyRule, type Role, type User } from './people-api';

registerMessages(peopleEn, peopleZhCN);

const permissionKey = (p: string) => `people.permission.${p.replace('.', '_')}`;
const groupOf = (p: string) => p.slice(0, p.indexOf('.'));

function roleTitle(role: Pick<Role, 'titleEn' | 'titleZh'> | undefined, name: string) {
  if (!role) return name;
  return currentLanguage() === 'zh-CN' ? role.titleZh : role.titleEn;
}

function WarehouseTags({ ids }: { ids: number[] | null }) {
  const { t } = useTranslation();
  const warehouses = useWarehouses().data ?? [];
  if (!ids) return <Tag>{t('people.users.allWarehouses')}</Tag>;
  return (
    <>
      {ids.map((id) => (
        <Tag key={id} color="blue">
          {warehouses.find((w) => w.id === id)?.code ?? `#${id}`}
        </Tag>
      ))}
    </>
  );
}

/**
 * A dialog's save: runs it, says "saved" and closes; a refusal lands on the field it names, or
 * above the form when it names none.
 */
function useDialogSave(form: FormInstance, onClose: () => void) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<unknown>();
  const run = async (save: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await save();
      message.success(t('people.users.saved'));
      onClose();
    } catch (err) {
      if (!placeFieldErrors(form, err)) setError(err);
    }
  };
  return { error, run };
}

type UserForm = { email: string; name: string; password?: string; role: string; warehouseIds: number[]; locale: 'zh-CN' | 'en'; active: boolean };

function UserDialog({ user, roles, onClose }: { user: User | 'new'; roles: Role[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserForm>();
  const save = useSaveUser();
  const warehouses = useWarehouses().data ?? [];
  const isNew = user === 'new';
  const { error, run } = useDialogSave(form, onClose);
  const submit = (v: UserForm) => {
    const warehouseIds = v.warehouseIds?.length ? v.warehouseIds : null;
    return run(() =>
      isNew
        ? save.mutateAsync({ user: { email: v.email, name: v.name, password: v.password ?? '', role: v.role, locale: v.locale, warehouseIds } })
        : save.mutateAsync({
            id: user.id,
            change: { name: v.name, role: v.role, locale: v.locale, active: v.active, warehouseIds, ...(v.password ? { password: v.password } : {}) },
          }),
    );
  };
  return (
    <Modal
      open
      title={isNew ? t('people.users.add') : t('people.users.edit', { name: user.name })}
      okText={t('people.users.save')}
      cancelText={t('people.users.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert error={error} />
      <Form<UserForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          isNew
            ? { locale: 'zh-CN', active: true, warehouseIds: [], role: 'warehouse_operator' }
            : { email: user.email, name: user.name, role: user.role, locale: user.locale as 'zh-CN' | 'en', active: user.active, warehouseIds: user.warehouseIds ?? [] }
        }
      >
        <Form.Item name="email" label={t('people.users.email')} rules={[{ required: true, type: 'email' }]}>
          <Input disabled={!isNew} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('people.users.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="password" label={isNew ? t('people.users.password') : t('people.users.newPassword')} extra={isNew ? undefined : t('people.users.passwordHelp')} rules={[{ required: isNew, min: 8 }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role" label={t('people.users.role')} rules={[{ required: true }]}>
          <Select options={roles.map((r) => ({ value: r.name, label: `${roleTitle(r, r.name)} (${r.name})` }))} />
        </Form.Item>
        <Form.Item name="warehouseIds" label={t('people.users.warehouses')} extra={t('people.users.warehousesHelp')}>
          <Select mode="multiple" allowClear placeholder={t('people.users.allWarehouses')} options={warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))} />
        </Form.Item>
        <Form.Item name="locale" label={t('people.users.language')}>
          <Select options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]} />
        </Form.Item>
        {!isNew && (
          <Form.Item name="active" label={t('people.users.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function UsersTab() {
  const { t } = useTranslation();
  const users = useUsers();
  const roles = useRoles();
  const [editing, setEditing] = useState<User | 'new'>();
  const columns: ColumnsType<User> = [
    { title: t('people.users.name'), dataIndex: 'name' },
    { title: t('people.users.email'), dataIndex: 'email' },
    { title: t('people.users.role'), dataIndex: 'role', render: (r: string) => roleTitle(roles.data?.items.find((x) => x.name === r), r) },
    { title: t('people.users.warehouses'), dataIndex: 'warehouseIds', render: (ids: number[] | null) => <WarehouseTags ids={ids} /> },
    { title: t('common.status'), dataIndex: 'active', render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{t(a ? 'common.active' : 'common.inactive')}</Tag> },
    { title: t('common.actions'), key: 'actions', render: (_, u) => <Button size="small" onClick={() => setEditing(u)}>{t('people.users.change')}</Button> },
  ];
  return (
    <>
      <ProblemAlert error={users.error ?? roles.error} />
      <Button type="primary" style={{ marginBottom: 16 }} onClick={() => setEditing('new')}>
        {t('people.users.add')}
      </Button>
      <Table rowKey="id" size="middle" loading={users.isFetching} dataSource={users.data ?? []} columns={columns} pagination={false} />
      {editing && roles.data && <UserDialog user={editing} roles={roles.data.items} onClose={() => setEditing(undefined)} />}
    </>
  );
}

type RoleForm = { name: string; titleEn: string; titleZh: string; permissions: string[] };

function PermissionPicker({ all, value, onChange, disabled }: { all: string[]; value?: string[]; onChange?: (v: string[]) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const groups = [...new Set(all.map(groupOf))];
  const chosen = new Set(value ?? []);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {groups.map((g) => (
        <div key={g}>
          <Typography.Text strong>{t(`people.group.${g}`, { defaultValue: g })}</Typography.Text>
          <div>
            {all
              .filter((p) => groupOf(p) === g)
              .map((p) => (
                <Checkbox
                  key={p}
                  disabled={disabled}
                  checked={chosen.has(p)}
                  onChange={(e) => onChange?.(e.target.checked ? [...chosen, p] : [...chosen].filter((x) => x !== p))}
                >
                  {t(permissionKey(p), { defaultValue: p })}
                </Checkbox>
              ))}
          </div>
        </div>
      ))}
    </Space>
  );
}

function RoleDialog({ role, permissions, onClose }: { role: Role | 'new'; permissions: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RoleForm>();
  const save = useSaveRole();
  const isNew = role === 'new';
  const readOnly = !isNew && role.builtin;
  const { error, run } = useDialogSave(form, onClose);
  const submit = (v: RoleForm) => {
    const chosen = v.permissions as never[];
    return run(() =>
      isNew
        ? save.mutateAsync({ isNew: true, role: { name: v.name, titleEn: v.titleEn, titleZh: v.titleZh, permissions: chosen } })
        : save.mutateAsync({ isNew: false, name: role.name, change: { titleEn: v.titleEn, titleZh: v.titleZh, permissions: chosen } }),
    );
  };
  return (
    <Modal
      open
      width={720}
      title={isNew ? t('people.roles.add') : t('people.roles.edit', { name: role.name })}
      okText={t('people.users.save')}
      cancelText={t('people.users.cancel')}
      okButtonProps={{ disabled: readOnly }}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {readOnly && <Typography.Paragraph type="secondary">{t('people.roles.noChangeBuiltin')}</Typography.Paragraph>}
      <ProblemAlert error={error} />
      <Form<RoleForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={readOnly}
        initialValues={isNew ? { permissions: [] } : { name: role.name, titleEn: role.titleEn, titleZh: role.titleZh, permissions: role.permissions }}
      >
        <Form.Item name="name" label={t('people.roles.name')} extra={t('people.roles.nameHelp')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/ }]}>
          <Input disabled={!isNew} />
        </Form.Item>
        <Space style={{ width: '100%' }} styles={{ item: { flex: 1 } }}>
          <Form.Item name="titleZh" label={t('people.roles.titleZh')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="titleEn" label={t('people.roles.titleEn')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Space>
        <Form.Item name="permissions" label={t('people.roles.permissions')}>
          <PermissionPicker all={permissions} disabled={readOnly} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RolesTab() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const roles = useRoles();
  const remove = useDeleteRole();
  const [editing, setEditing] = useState<Role | 'new'>();
  const columns: ColumnsType<Role> = [
    { title: t('people.roles.name'), dataIndex: 'name', render: (n: string, r) => <Space>{roleTitle(r, n)}<Typography.Text type="secondary">{n}</Typography.Text></Space> },
    { title: t('people.roles.permissions'), dataIndex: 'permissions', render: (p: string[]) => p.length },
    { title: t('people.roles.holders'), key: 'holders', render: (_, r) => t('people.roles.holdersValue', { users: r.users, keys: r.apiKeys }) },
    { title: '', dataIndex: 'builtin', render: (b: boolean) => <Tag color={b ? 'default' : 'purple'}>{t(b ? 'people.roles.builtin' : 'people.roles.custom')}</Tag> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => (
        <Space>
          <Button size="small" onClick={() => setEditing(r)}>
            {t('people.roles.view')}
          </Button>
          {!r.builtin && (
            <Popconfirm
              title={t('people.roles.deleteConfirm', { name: r.name })}
              onConfirm={() =>
                remove.mutateAsync(r.name).then(
                  () => message.success(t('people.roles.deleted')),
                  (err: unknown) => message.error(problemText(err, t)),
                )
              }
            >
              <Button size="small" danger>
                {t('people.roles.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      <ProblemAlert error={roles.error} />
      <Button type="primary" style={{ marginBottom: 16 }} onClick={() => setEditing('new')}>
        {t('people.roles.add')}
      </Button>
      <Table rowKey="name" size="middle" loading={roles.isFetching} dataSource={roles.data?.items ?? []} columns={columns} pagination={false} />
      {editing && roles.data && <RoleDialog role={editing} permissions={roles.data.permissions} onClose={() => setEditing(undefined)} />}
    </>
  );
}

function DutiesTab() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const fmt = useFormat();
  const rules = useDutyRules();
  const set = useSetDutyRule();
  const columns: ColumnsType<DutyRule> = [
    { title: t('people.duties.step'), dataIndex: 'step', render: (_: string, r) => (currentLanguage() === 'zh-CN' ? r.zh : r.en) },
    {
      title: t('people.duties.enforced'),
      dataIndex: 'enforced',
      render: (on: boolean, r) => (
        <Switch
          checked={on}
          aria-label={r.step}
          checkedChildren={t('people.duties.enforced')}
          unCheckedChildren={t('people.duties.relaxed')}
          loading={set.isPending && set.variables?.step === r.step}
          onChange={(enforced) => set.mutateAsync({ step: r.step, enforced }).catch((err: unknown) => message.error(problemText(err, t)))}
        />
      ),
    },
    { title: t('people.duties.changedBy'), key: 'changed', render: (_, r) => (r.updatedBy ? `${r.updatedBy} · ${fmt.dateTime(r.updatedAt!)}` : t('app.none')) },
  ];
  return (
    <>
      <Typography.Paragraph>{t('people.duties.intro')}</Typography.Paragraph>
      <ProblemAlert error={rules.error} />
      <Table rowKey="step" size="middle" loading={rules.isFetching} dataSource={rules.data ?? []} columns={columns} pagination={false} />
    </>
  );
}

export default function PeoplePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'users';
  return (
    <>
      <Typography.Title level={4}>{t('people.title')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={[
          { key: 'users', label: t('people.tabs.users'), children: <UsersTab /> },
          { key: 'roles', label: t('people.tabs.roles'), children: <RolesTab /> },
          { key: 'duties', label: t('people.tabs.duties'), children: <DutiesTab /> },
        ]}
      />
    </>
  );
}
