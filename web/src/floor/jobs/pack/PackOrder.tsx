/**
 * Pack verification: scan each item into the parcel. A wrong item, or one more than was picked,
 * is refused at once saying what is wrong; when every picked unit is scanned the pack is sent,
 * and the packing slip can be printed.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from '../../../shared/i18n';
import { fetchOrder, productById, type Order, type PackBody } from '../../data';
import { useTaskState } from '../../device-state';
import { go } from '../../router';
import { queueScan, useSettled } from '../../scan/device';
import type { Settled } from '../../scan/outbox';
import { useScanHandler } from '../../scan/ScanProvider';
import { ErrorLine, JobScreen, Loading, Prompt, useFeedback } from '../../ui';
import { openPdf } from '../common/print';
import { isComplete, packScan, packScans, type Counts, type LineCodes, type PackLine } from './check';

type Task = { counts: Counts; sent: boolean };

export function PackOrder({ orderId }: { orderId: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [message, say] = useFeedback();
  const [task, setTask, taskRef] = useTaskState<Task>(`pack.${orderId}`, { counts: {}, sent: false });
  const orderKey = useMemo(() => ['order', String(orderId)], [orderId]);
  const order = useQuery({ queryKey: orderKey, queryFn: () => fetchOrder(orderId) });
  const lines: PackLine[] = useMemo(() => (order.data?.lines ?? []).filter((l) => l.picked > 0).map((l) => ({ productId: l.productId, sku: l.sku, name: l.name, picked: l.picked })), [order.data]);
  const codes = useQuery({
    queryKey: ['pack-codes', orderId, lines.map((l) => l.productId).join(',')],
    enabled: lines.length > 0,
    queryFn: async () => new Map<number, LineCodes>(await Promise.all(lines.map(async (l) => [l.productId, await productById(l.productId)] as const))),
  });

  const onSettled = useCallback(
    ({ item, outcome }: Settled) => {
      if (item.path !== `/api/v1/orders/${orderId}/pack`) return;
      if (outcome.kind === 'ok') {
        client.setQueryData(orderKey, outcome.body as Order);
        say('ok', t('pack.packed'));
      } else {
        setTask({ counts: {}, sent: false });
        say('bad', t('pack.refused', { detail: outcome.problem.detail ?? outcome.status }));
      }
    },
    [client, orderId, orderKey, say, setTask, t],
  );
  useSettled('pack', onSettled);

  const status = order.data?.status;
  useScanHandler((code) => {
    if (!codes.data || status === undefined) return say('bad', t('app.loading'));
    if (status !== 'picked' || taskRef.current.sent) return say('bad', t('pack.notPackable', { status: t(`status.${status}`) }));
    const { counts, step } = packScan(lines, codes.data, taskRef.current.counts, code);
    if (step.kind === 'not-in-order') return say('bad', t('pack.notInOrder', { code, skus: lines.map((l) => l.sku).join(', ') }));
    if (step.kind === 'too-many') return say('bad', t('pack.tooMany', { sku: step.line.sku, picked: step.line.picked }));
    if (!step.complete) {
      setTask({ counts, sent: false });
      return say('ok', t('pack.counted', { sku: step.line.sku, count: step.count, picked: step.line.picked }));
    }
    setTask({ counts, sent: true });
    const body: PackBody = { scans: packScans(lines, counts) };
    queueScan('pack', `/api/v1/orders/${orderId}/pack`, body, order.data?.number ?? String(orderId));
    say('ok', t('pack.allScanned'));
  });

  if (order.error && !order.data) return <JobScreen title={t('glossary.pack')} back="/floor/pack"><ErrorLine error={order.error} /></JobScreen>;
  if (!order.data) return <JobScreen title={t('glossary.pack')} back="/floor/pack"><Loading /></JobScreen>;
  const o = order.data;
  const packed = o.status === 'packed' || o.status === 'shipped' || o.status === 'delivered';
  const prompt = packed
    ? t('pack.done', { number: o.number })
    : o.status !== 'picked'
      ? t('pack.notPackable', { status: t(`status.${o.status}`) })
      : task.sent
        ? t('pack.sending')
        : t('pack.scanItems');

  return (
    <JobScreen title={`${t('glossary.pack')} ${o.number}`} back="/floor/pack">
      <Prompt text={prompt} message={message} />
      {packed && (
        <>
          <button type="button" className="fl-btn" onClick={() => openPdf(`/api/v1/orders/${orderId}/packing-slip.pdf`)}>
            {t('pack.printSlip')}
          </button>
          {o.status === 'packed' && (
            <button type="button" className="fl-btn secondary" onClick={() => go(`/floor/ship/${orderId}`)}>
              {t('pack.toShip')}
            </button>
          )}
        </>
      )}
      {o.status === 'picked' && !task.sent && Object.keys(task.counts).length > 0 && (
        <button type="button" className="fl-btn secondary" onClick={() => setTask({ counts: {}, sent: false })}>
          {t('pack.restart')}
        </button>
      )}
      <ul className="fl-list" aria-label={t('pack.items')}>
        {lines.map((l) => {
          const n = packed ? l.picked : (task.counts[l.productId] ?? 0);
          return (
            <li key={l.productId} className={n === l.picked ? 'done' : undefined}>
              <span className="fl-grow">
                {l.sku} <span className="fl-muted">{l.name}</span>
              </span>
              <span className="fl-qty">
                {n}/{l.picked}
              </span>
            </li>
          );
        })}
      </ul>
      {isComplete(lines, task.counts) && !packed && o.status === 'picked' && <p className="fl-muted">{t('pack.sending')}</p>}
    </JobScreen>
  );
}
