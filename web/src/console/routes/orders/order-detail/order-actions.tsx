/**
 * The actions the order's state allows (the same guards as the API's state machine, so a button
 * is shown only when the command can succeed), for the roles that may run them. Each opens a
 * confirm dialog and calls the real API; the server still decides.
 */

import { App as AntApp, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from '../../../../shared/i18n';
import { can, useMe } from '../../../../shared/session';
import { useOrderCommand, type AddressChange, type Order, type OrderCommand, type OrderStatus } from '../../../hooks/orders';
import { ADDRESS_FIELDS, CommandDialog, type DialogFields, type DialogValues } from './command-dialog';

const BEFORE_PACKED: OrderStatus[] = ['pending', 'confirmed', 'backordered', 'picking', 'picked'];
const FINISHED: OrderStatus[] = ['shipped', 'delivered', 'cancelled'];

type Action = { key: string; label: string; fields: DialogFields; danger?: boolean; command: (v: DialogValues) => OrderCommand };

/** Only the address fields the person changed; a cleared optional field becomes null. */
function addressChange(order: Order, v: DialogValues): AddressChange {
  const change: Record<string, string | null> = {};
  for (const f of ADDRESS_FIELDS) {
    const now = typeof v[f] === 'string' ? (v[f] as string).trim() : '';
    const before = order.shipTo[f] ?? '';
    if (now !== before) change[f] = now === '' && f !== 'recipientName' && f !== 'line1' ? null : now;
  }
  return change as AddressChange;
}

export function availableActions(order: Order, perms: { write: boolean; fulfil: boolean }, t: (k: string) => string): Action[] {
  const s = order.status;
  const a: Action[] = [];
  if (perms.write) {
    if (s === 'pending' || s === 'backordered') a.push({ key: 'confirm', label: t('orders.actions.confirm'), fields: 'none', command: () => ({ kind: 'confirm' }) });
    if (s === 'exception') a.push({ key: 'resume', label: t('orders.actions.resume'), fields: 'none', command: () => ({ kind: 'resume' }) });
    if (order.onHold) a.push({ key: 'releaseHold', label: t('orders.actions.releaseHold'), fields: 'none', command: () => ({ kind: 'release-hold' }) });
    else if (!FINISHED.includes(s)) a.push({ key: 'hold', label: t('orders.actions.hold'), fields: 'reason', command: (v) => ({ kind: 'hold', reason: String(v.reason) }) });
    if (!FINISHED.includes(s)) a.push({ key: 'priority', label: t('orders.actions.priority'), fields: 'priority', command: (v) => ({ kind: 'priority', priority: Number(v.priority) }) });
    if ([...BEFORE_PACKED, 'exception'].includes(s)) a.push({ key: 'changeAddress', label: t('orders.actions.changeAddress'), fields: 'address', command: (v) => ({ kind: 'address', address: addressChange(order, v) }) });
    if (BEFORE_PACKED.includes(s)) a.push({ key: 'intercept', label: t('orders.actions.intercept'), fields: 'reason', danger: true, command: (v) => ({ kind: 'intercept', reason: String(v.reason) }) });
    if ([...BEFORE_PACKED, 'exception'].includes(s)) a.push({ key: 'cancel', label: t('orders.actions.cancel'), fields: 'reason', danger: true, command: (v) => ({ kind: 'cancel', reason: String(v.reason) }) });
  }
  if (perms.fulfil && s === 'shipped') a.push({ key: 'deliver', label: t('orders.actions.deliver'), fields: 'none', command: () => ({ kind: 'deliver' }) });
  return a;
}

export function OrderActions({ order }: { order: Order }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const me = useMe();
  const command = useOrderCommand(order.id);
  const [open, setOpen] = useState<Action | null>(null);
  const actions = availableActions(order, { write: can(me.data, 'orders.write'), fulfil: can(me.data, 'orders.fulfil') }, t);
  if (actions.length === 0) return <Typography.Text type="secondary">{t('orders.actions.none')}</Typography.Text>;

  const initial: DialogValues | undefined =
    open?.fields === 'address' ? Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, order.shipTo[f] ?? ''])) : open?.fields === 'priority' ? { priority: order.priority } : undefined;

  return (
    <>
      <Space wrap role="group" aria-label={t('orders.actions.title')}>
        {actions.map((a) => (
          <Button key={a.key} danger={a.danger} onClick={() => setOpen(a)}>
            {a.label}
          </Button>
        ))}
      </Space>
      {open && (
        <CommandDialog
          key={open.key}
          title={open.label}
          question={t(`orders.actions.${open.key}Q`, { number: order.number })}
          fields={open.fields}
          danger={open.danger}
          initial={initial}
          // Closes only this action's dialog: a late answer never closes the next one.
          onClose={() => setOpen((current) => (current === open ? null : current))}
          onRun={async (v) => {
            const after = await command.mutateAsync(open.command(v));
            const kept = open.fields === 'address' || open.fields === 'priority';
            void message.success(kept ? t('orders.actions.saved') : t('orders.actions.done', { status: t(`orderStatus.${after.status}`) }));
          }}
        />
      )}
    </>
  );
}
