/**
 * Picking one order: its note first if it has one, then the pick list in walking order — scan the
 * bin, then each unit; a wrong scan is refused at once with what to scan instead. Each completed
 * bin is one pick sent through the outbox; a short pick is declared with what was found and why.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { newIdempotencyKey } from '../../../shared/api';
import { useTranslation } from '../../../shared/i18n';
import { fetchOrder, fetchPickList, productById, startPickList, type PickBody, type PickList, type ShortPickBody } from '../../data';
import { useTaskState } from '../../device-state';
import { go } from '../../router';
import { outbox, queueScan, useSettled } from '../../scan/device';
import type { Settled } from '../../scan/outbox';
import { useScanHandler } from '../../scan/ScanProvider';
import { ErrorLine, JobScreen, Loading, Prompt, useFeedback } from '../../ui';
import { PickLines } from './PickLines';
import { openPdf } from '../common/print';
import { ShortPickForm } from './ShortPickForm';
import { currentItem, scanInWalk, settle, shortItem, START, type Codes, type Walk, type WalkItem } from './walk';

type Task = Walk & { noteRead: boolean };

async function loadPickList(id: number): Promise<PickList> {
  const order = await fetchOrder(id);
  return order.status === 'confirmed' ? startPickList(id, newIdempotencyKey()) : fetchPickList(id);
}

export function PickOrder({ orderId }: { orderId: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [message, say] = useFeedback();
  const [shortOpen, setShortOpen] = useState(false);
  const [task, setTask, taskRef] = useTaskState<Task>(`pick.${orderId}`, { ...START, noteRead: false });
  const order = useQuery({ queryKey: ['order', String(orderId)], queryFn: () => fetchOrder(orderId) });
  const listKey = useMemo(() => ['order', String(orderId), 'pick-list'], [orderId]);
  const list = useQuery({ queryKey: listKey, queryFn: () => loadPickList(orderId) });
  const items: WalkItem[] = useMemo(() => list.data?.items ?? [], [list.data]);
  const codes = useQuery({
    queryKey: ['pick-codes', orderId, items.map((i) => i.productId).join(',')],
    enabled: items.length > 0,
    queryFn: async () => new Map<number, Codes>(await Promise.all([...new Set(items.map((i) => i.productId))].map(async (id) => [id, await productById(id)] as const))),
  });

  // After a reload: an item set aside whose pick no longer waits in the outbox is offered again.
  useEffect(() => {
    if (!list.data) return;
    const waiting = new Set(outbox.pending().filter((i) => i.job === 'pick').map((i) => i.ref));
    const next = settle(taskRef.current, list.data.items);
    const kept = next.sent.filter((id) => waiting.has(id));
    if (kept.length !== taskRef.current.sent.length) setTask({ ...taskRef.current, sent: kept });
  }, [list.data, setTask, taskRef]);

  const onSettled = useCallback(
    ({ item, outcome }: Settled) => {
      if (!item.path.startsWith(`/api/v1/orders/${orderId}/`)) return;
      if (outcome.kind === 'ok') {
        const result = outcome.body as PickList;
        client.setQueryData(listKey, result);
        setTask({ ...taskRef.current, ...settle(taskRef.current, result.items) });
        void client.invalidateQueries({ queryKey: ['order', String(orderId)], exact: true });
      } else {
        say('bad', t('pick.refused', { label: item.label, detail: outcome.problem.detail ?? outcome.status }));
        setTask({ ...taskRef.current, ...settle(taskRef.current, items, item.ref) });
        void client.invalidateQueries({ queryKey: listKey });
      }
    },
    [client, items, listKey, orderId, say, setTask, t, taskRef],
  );
  useSettled('pick', onSettled);

  const note = order.data?.note;
  const notePending = !!note && !task.noteRead && !items.some((i) => i.picked > 0);

  useScanHandler((code) => {
    if (!list.data || !codes.data) return say('bad', t('app.loading'));
    if (notePending) return say('bad', t('pick.readNote'));
    const { walk, step } = scanInWalk(list.data.items, taskRef.current, codes.data, code);
    setTask({ ...taskRef.current, ...walk });
    switch (step.kind) {
      case 'done':
        return say('info', t('pick.nothingLeft'));
      case 'bin':
        return say('ok', t('pick.binOk', { bin: step.item.locationCode, sku: step.item.sku, quantity: step.item.quantity }));
      case 'bin-first':
        return say('bad', t('pick.binFirst', { bin: step.item.locationCode }));
      case 'wrong-bin':
        return say('bad', t('pick.wrongBin', { code, bin: step.item.locationCode }));
      case 'wrong-product':
        return say('bad', t('pick.wrongProduct', { code, sku: step.item.sku, name: step.item.name }));
      case 'counted':
        return say('ok', t('pick.counted', { sku: step.item.sku, count: step.count, quantity: step.item.quantity }));
      case 'complete': {
        const body: PickBody = { locationCode: step.item.locationCode, code: step.code, quantity: step.count, ...(step.item.lot ? { lot: step.item.lot } : {}) };
        queueScan('pick', `/api/v1/orders/${orderId}/picks`, body, `${step.item.sku} × ${step.count} @ ${step.item.locationCode}`, step.item.allocationId);
        return say('ok', t('pick.complete', { sku: step.item.sku, count: step.count, bin: step.item.locationCode }));
      }
    }
  });

  if (list.error && !list.data) return <JobScreen title={t('glossary.pick')} back="/floor/pick"><ErrorLine error={list.error} /></JobScreen>;
  if (!list.data || !order.data) return <JobScreen title={t('glossary.pick')} back="/floor/pick"><Loading /></JobScreen>;

  const item = currentItem(list.data.items, task);
  const waiting = task.sent.length > 0;
  const prompt = notePending
    ? t('pick.readNote')
    : !item
      ? waiting
        ? t('pick.sending')
        : t('pick.finished', { number: list.data.number, status: t(`status.${order.data.status}`) })
      : task.bin && task.allocationId === item.allocationId
        ? t('pick.scanProduct', { sku: item.sku, name: item.name, count: task.count, quantity: item.quantity })
        : t('pick.scanBin', { bin: item.locationCode });

  const declareShort = (found: number, reason: ShortPickBody['reason']) => {
    if (!item) return;
    const body: ShortPickBody = { locationCode: item.locationCode, code: item.sku, found, reason, ...(item.lot ? { lot: item.lot } : {}) };
    queueScan('pick', `/api/v1/orders/${orderId}/picks/short`, body, `${item.sku} ${found}/${item.quantity} @ ${item.locationCode}`, item.allocationId);
    setTask({ ...taskRef.current, ...shortItem(taskRef.current, item) });
    setShortOpen(false);
    say('info', t('pick.shortSent', { sku: item.sku, found, quantity: item.quantity }));
  };

  return (
    <JobScreen title={`${t('glossary.pick')} ${list.data.number}`} back="/floor/pick">
      {notePending && (
        <div className="fl-note" role="note">
          <strong>{t('pick.note')}</strong>
          <p>{note}</p>
          <button type="button" className="fl-btn" onClick={() => setTask({ ...taskRef.current, noteRead: true })}>
            {t('pick.noteRead')}
          </button>
        </div>
      )}
      <Prompt text={prompt} message={message} />
      {item && !notePending && !shortOpen && (
        <button type="button" className="fl-btn secondary" onClick={() => setShortOpen(true)}>
          {t('pick.short')}
        </button>
      )}
      {item && shortOpen && <ShortPickForm item={item} counted={task.allocationId === item.allocationId ? task.count : 0} onSubmit={declareShort} onCancel={() => setShortOpen(false)} />}
      {!item && !waiting && (
        <>
          {order.data.status === 'picked' && (
            <button type="button" className="fl-btn" onClick={() => go(`/floor/pack/${orderId}`)}>
              {t('pick.toPack')}
            </button>
          )}
          <button type="button" className="fl-btn secondary" onClick={() => go('/floor/pick')}>
            {t('pick.backToQueue')}
          </button>
        </>
      )}
      <PickLines items={list.data.items} current={item} walk={task} unallocated={list.data.unallocated} />
      <button type="button" className="fl-btn secondary" onClick={() => openPdf(`/api/v1/orders/${orderId}/pick-list.pdf`)}>
        {t('pick.printList')}
      </button>
    </JobScreen>
  );
}
