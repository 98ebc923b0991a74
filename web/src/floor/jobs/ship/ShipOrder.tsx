/**
 * Shipping a packed order: scan (or type) the tracking number on the carrier's label, choose the
 * carrier, ship; then print Wareloop's shipping label.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from '../../../shared/i18n';
import { fetchCarriers, fetchOrder, type Order, type ShipBody } from '../../data';
import { useTaskState } from '../../device-state';
import { queueScan, useSettled } from '../../scan/device';
import type { Settled } from '../../scan/outbox';
import { useRefocusScan, useScanHandler } from '../../scan/ScanProvider';
import { ErrorLine, JobScreen, Loading, Prompt, useFeedback } from '../../ui';
import { openPdf } from '../common/print';

type Task = { trackingNumber: string; carrier: string; sent: boolean };
const TRACKING = /^[\x21-\x7e]{1,64}$/;

export function ShipOrder({ orderId }: { orderId: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const refocus = useRefocusScan();
  const [message, say] = useFeedback();
  const [task, setTask, taskRef] = useTaskState<Task>(`ship.${orderId}`, { trackingNumber: '', carrier: 'manual', sent: false });
  const orderKey = useMemo(() => ['order', String(orderId)], [orderId]);
  const order = useQuery({ queryKey: orderKey, queryFn: () => fetchOrder(orderId) });
  const carriers = useQuery({ queryKey: ['carriers'], queryFn: fetchCarriers, staleTime: 3_600_000 });
  const carrier = carriers.data?.items.find((c) => c.code === task.carrier) ?? carriers.data?.items[0];
  const needsTracking = carrier?.trackingNumberEntered ?? true;

  const onSettled = useCallback(
    ({ item, outcome }: Settled) => {
      if (item.path !== `/api/v1/orders/${orderId}/ship`) return;
      if (outcome.kind === 'ok') {
        client.setQueryData(orderKey, outcome.body as Order);
        say('ok', t('ship.shipped'));
      } else {
        setTask({ ...taskRef.current, sent: false });
        say('bad', t('ship.refused', { detail: outcome.problem.detail ?? outcome.status }));
      }
    },
    [client, orderId, orderKey, say, setTask, t, taskRef],
  );
  useSettled('ship', onSettled);

  const ship = () => {
    const o = order.data;
    if (!o || !carrier || taskRef.current.sent) return;
    const trackingNumber = taskRef.current.trackingNumber.trim();
    if (needsTracking && !TRACKING.test(trackingNumber)) return say('bad', t('ship.needTracking'));
    const body: ShipBody = { carrier: carrier.code, ...(trackingNumber ? { trackingNumber } : {}) };
    setTask({ ...taskRef.current, carrier: carrier.code, sent: true });
    queueScan('ship', `/api/v1/orders/${orderId}/ship`, body, `${o.number} ${trackingNumber}`);
    say('ok', t('ship.sending', { number: o.number }));
  };

  useScanHandler((code) => {
    if (order.data?.status !== 'packed' || taskRef.current.sent) return say('bad', t('ship.notShippable', { status: t(`status.${order.data?.status ?? 'pending'}`) }));
    if (!TRACKING.test(code)) return say('bad', t('ship.needTracking'));
    setTask({ ...taskRef.current, trackingNumber: code });
    say('ok', t('ship.trackingScanned', { code }));
  });

  if (order.error && !order.data) return <JobScreen title={t('glossary.ship')} back="/floor/ship"><ErrorLine error={order.error} /></JobScreen>;
  if (!order.data) return <JobScreen title={t('glossary.ship')} back="/floor/ship"><Loading /></JobScreen>;
  const o = order.data;
  const shipped = o.status === 'shipped' || o.status === 'delivered';
  const prompt = shipped
    ? t('ship.done', { number: o.number, tracking: o.shipment?.trackingNumber ?? '' })
    : o.status !== 'packed'
      ? t('ship.notShippable', { status: t(`status.${o.status}`) })
      : task.sent
        ? t('ship.sending', { number: o.number })
        : t('ship.scanTracking');

  return (
    <JobScreen title={`${t('glossary.ship')} ${o.number}`} back="/floor/ship">
      <Prompt text={prompt} message={message} />
      {o.status === 'packed' && !task.sent && (
        <form
          className="fl-card"
          onSubmit={(e) => {
            e.preventDefault();
            ship();
            refocus();
          }}
        >
          <label className="fl-field">
            <span>{t('glossary.carrier')}</span>
            <select value={carrier?.code ?? ''} onChange={(e) => setTask({ ...taskRef.current, carrier: e.target.value })}>
              {carriers.data?.items.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="fl-field">
            <span>{t('glossary.trackingNumber')}</span>
            <input value={task.trackingNumber} onChange={(e) => setTask({ ...taskRef.current, trackingNumber: e.target.value })} autoComplete="off" required={needsTracking} />
          </label>
          <button type="submit" className="fl-btn">
            {t('glossary.ship')}
          </button>
        </form>
      )}
      {shipped && o.shipment && (
        <button type="button" className="fl-btn" onClick={() => openPdf(`/api/v1/shipments/${o.shipment!.id}/label.pdf`)}>
          {t('ship.printLabel')}
        </button>
      )}
      {(o.status === 'packed' || shipped) && (
        <button type="button" className="fl-btn secondary" onClick={() => openPdf(`/api/v1/orders/${orderId}/packing-slip.pdf`)}>
          {t('pack.printSlip')}
        </button>
      )}
      <dl className="fl-card fl-facts">
        <dt>{t('ship.to')}</dt>
        <dd>
          {o.shipTo.recipientName} · {[o.shipTo.province, o.shipTo.city, o.shipTo.district, o.shipTo.line1].filter(Boolean).join(' ')}
        </dd>
        <dt>{t('ship.items')}</dt>
        <dd>{o.lines.reduce((n, l) => n + l.packed, 0)}</dd>
      </dl>
    </JobScreen>
  );
}
