/**
 * Receiving: scan the bin (or choose the warehouse's receiving location), then scan the products;
 * each scan receives the quantity shown (1 unless changed) at once, through the outbox. Products
 * that carry lots ask for the lot and expiry first; later scans of the same product reuse them.
 */
import { useCallback } from 'react';
import { useTranslation } from '../../../shared/i18n';
import { locationByCode, productByCode, tracksLot, defaultExpiry, type ReceiptBody, type Warehouse } from '../../data';
import { useTaskState } from '../../device-state';
import { go } from '../../router';
import { queueScan, useSettled } from '../../scan/device';
import type { Settled } from '../../scan/outbox';
import { useScanHandler } from '../../scan/ScanProvider';
import { JobScreen, Prompt, useFeedback } from '../../ui';
import { OFFLINE, orOffline } from '../common/lookup';
import { LotForm } from './LotForm';
import { ReceivingLocations } from './ReceivingLocations';

export type ReceiveTask = { bin: string | null; quantity: number; lotSku: string | null; lot: string; expiresOn: string; received: number };
const START: ReceiveTask = { bin: null, quantity: 1, lotSku: null, lot: '', expiresOn: '', received: 0 };

export function ReceiveScreen({ warehouse }: { warehouse: Warehouse }) {
  const { t } = useTranslation();
  const [message, say] = useFeedback();
  const [task, setTask, taskRef] = useTaskState<ReceiveTask>(`receive.${warehouse.id}`, START);
  const update = (patch: Partial<ReceiveTask>) => setTask({ ...taskRef.current, ...patch });

  const onSettled = useCallback(
    ({ item, outcome }: Settled) => {
      if (outcome.kind === 'ok') return;
      const quantity = (item.body as ReceiptBody).quantity;
      setTask({ ...taskRef.current, received: Math.max(0, taskRef.current.received - quantity) });
      say('bad', t('receive.refused', { label: item.label, detail: outcome.problem.detail ?? outcome.status }));
    },
    [say, setTask, t, taskRef],
  );
  useSettled('receive', onSettled);

  const receive = (code: string, sku: string, lot?: { lot: string; expiresOn: string }) => {
    const { bin, quantity } = taskRef.current;
    if (!bin) return;
    const body: ReceiptBody = { sku: code, warehouseId: warehouse.id, locationCode: bin, quantity, ...(lot ? { lot: lot.lot, ...(lot.expiresOn ? { expiresOn: lot.expiresOn } : {}) } : {}) };
    queueScan('receive', '/api/v1/stock/receipts', body, `${sku} × ${quantity} → ${bin}`);
    update({ received: taskRef.current.received + quantity });
    say('ok', t('receive.received', { sku, quantity, bin, total: taskRef.current.received }));
  };

  const setBin = async (code: string): Promise<boolean> => {
    const loc = await orOffline(locationByCode(warehouse.id, code));
    if (loc === null) return false;
    const bin = loc === OFFLINE ? code.toUpperCase() : loc.code;
    update({ bin });
    say('ok', t('receive.binOk', { bin }));
    return true;
  };

  useScanHandler(async (code) => {
    if (!taskRef.current.bin) {
      if (!(await setBin(code))) say('bad', t('receive.notABin', { code, warehouse: warehouse.code }));
      return;
    }
    const product = await orOffline(productByCode(code));
    if (product === OFFLINE) return receive(code, code);
    if (product === null) {
      if (!(await setBin(code))) say('bad', t('receive.unknownCode', { code }));
      return;
    }
    if (!tracksLot(product)) return receive(code, product.sku);
    const { lotSku, lot, expiresOn } = taskRef.current;
    if (lotSku === product.sku && lot) return receive(code, product.sku, { lot, expiresOn });
    update({ lotSku: product.sku, lot: '', expiresOn: defaultExpiry(product) });
    say('info', t('receive.needLot', { sku: product.sku }));
  });

  const prompt = !task.bin
    ? t('receive.scanBin')
    : task.lotSku && !task.lot
      ? t('receive.needLot', { sku: task.lotSku })
      : t('receive.scanProducts', { bin: task.bin, quantity: task.quantity });

  return (
    <JobScreen title={t('glossary.receive')}>
      <Prompt text={prompt} message={message} />
      {!task.bin && <ReceivingLocations warehouse={warehouse} onChoose={(code) => void setBin(code)} />}
      {task.bin && (
        <div className="fl-card">
          <p className="fl-status-line">
            {t('glossary.location')} <strong>{task.bin}</strong> · {t('receive.total', { total: task.received })}
          </p>
          <label className="fl-field">
            <span>{t('receive.perScan')}</span>
            <input type="number" inputMode="numeric" min={1} max={100000} value={task.quantity} onChange={(e) => update({ quantity: Math.max(1, Math.min(100000, Math.floor(Number(e.target.value)) || 1)) })} />
          </label>
          {task.lotSku && (
            <LotForm
              sku={task.lotSku}
              lot={task.lot}
              expiresOn={task.expiresOn}
              onChange={(lot, expiresOn) => update({ lot, expiresOn })}
              onReceive={() => task.lotSku && receive(task.lotSku, task.lotSku, { lot: taskRef.current.lot, expiresOn: taskRef.current.expiresOn })}
            />
          )}
          <button type="button" className="fl-btn secondary" onClick={() => update({ bin: null, lotSku: null, lot: '' })}>
            {t('receive.otherBin')}
          </button>
        </div>
      )}
      <button
        type="button"
        className="fl-btn"
        onClick={() => {
          setTask(START);
          go('/floor');
        }}
      >
        {t('app.done')}
      </button>
    </JobScreen>
  );
}
