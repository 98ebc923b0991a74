/**
 * Moving stock between bins: scan the bin it is in, the item (again for each more unit, or set
 * the quantity), then the bin it goes to — that last scan sends the move.
 */
import { useCallback } from 'react';
import { useTranslation } from '../../../shared/i18n';
import { locationByCode, productByCode, productHasCode, type MoveBody, type Warehouse } from '../../data';
import { useTaskState } from '../../device-state';
import { queueScan, useSettled } from '../../scan/device';
import type { Settled } from '../../scan/outbox';
import { useScanHandler } from '../../scan/ScanProvider';
import { JobScreen, Prompt, useFeedback } from '../../ui';
import { OFFLINE, orOffline } from '../common/lookup';

type MoveTask = { from: string | null; code: string | null; sku: string | null; barcodes: string[]; quantity: number; moved: number };
const START: MoveTask = { from: null, code: null, sku: null, barcodes: [], quantity: 1, moved: 0 };

export function MoveScreen({ warehouse }: { warehouse: Warehouse }) {
  const { t } = useTranslation();
  const [message, say] = useFeedback();
  const [task, setTask, taskRef] = useTaskState<MoveTask>(`move.${warehouse.id}`, START);
  const update = (patch: Partial<MoveTask>) => setTask({ ...taskRef.current, ...patch });

  const onSettled = useCallback(
    ({ item, outcome }: Settled) => {
      if (outcome.kind === 'refused') say('bad', t('move.refused', { label: item.label, detail: outcome.problem.detail ?? outcome.status }));
    },
    [say, t],
  );
  useSettled('move', onSettled);

  const bin = async (code: string) => {
    const loc = await orOffline(locationByCode(warehouse.id, code));
    return loc === OFFLINE ? code.toUpperCase() : (loc?.code ?? null);
  };

  useScanHandler(async (code) => {
    const cur = taskRef.current;
    if (!cur.from) {
      const from = await bin(code);
      if (!from) return say('bad', t('move.notABin', { code, warehouse: warehouse.code }));
      update({ from });
      return say('ok', t('move.fromOk', { bin: from }));
    }
    if (!cur.code || !cur.sku) {
      const product = await orOffline(productByCode(code));
      if (product === null) return say('bad', t('move.notAProduct', { code, bin: cur.from }));
      const sku = product === OFFLINE ? code : product.sku;
      update({ code, sku, barcodes: product === OFFLINE ? [] : product.barcodes, quantity: 1 });
      return say('ok', t('move.itemOk', { sku, quantity: 1 }));
    }
    if (productHasCode({ sku: cur.sku, barcodes: cur.barcodes }, code) || code === cur.code) {
      update({ quantity: cur.quantity + 1 });
      return say('ok', t('move.itemOk', { sku: cur.sku, quantity: cur.quantity + 1 }));
    }
    const to = await bin(code);
    if (!to) return say('bad', t('move.notABinTo', { code, sku: cur.sku }));
    if (to === cur.from) return say('bad', t('move.sameBin', { bin: to }));
    const body: MoveBody = { warehouseId: warehouse.id, fromLocationCode: cur.from, toLocationCode: to, sku: cur.code, quantity: cur.quantity };
    queueScan('move', '/api/v1/stock/moves', body, `${cur.sku} × ${cur.quantity} ${cur.from} → ${to}`);
    update({ code: null, sku: null, barcodes: [], quantity: 1, moved: cur.moved + cur.quantity });
    say('ok', t('move.moved', { sku: cur.sku, quantity: cur.quantity, from: cur.from, to }));
  });

  const prompt = !task.from ? t('move.scanFrom') : !task.sku ? t('move.scanItem', { bin: task.from }) : t('move.scanTo', { sku: task.sku, quantity: task.quantity });

  return (
    <JobScreen title={t('glossary.move')}>
      <Prompt text={prompt} message={message} />
      {task.from && (
        <div className="fl-card">
          <p className="fl-status-line">
            {t('move.from')} <strong>{task.from}</strong>
            {task.sku && (
              <>
                {' · '}
                {task.sku}
              </>
            )}
            {' · '}
            {t('move.total', { total: task.moved })}
          </p>
          {task.sku && (
            <label className="fl-field">
              <span>{t('glossary.quantity')}</span>
              <input type="number" inputMode="numeric" min={1} max={1000000} value={task.quantity} onChange={(e) => update({ quantity: Math.max(1, Math.floor(Number(e.target.value)) || 1) })} />
            </label>
          )}
          <button type="button" className="fl-btn secondary" onClick={() => setTask({ ...START, moved: task.moved })}>
            {t('move.restart')}
          </button>
        </div>
      )}
    </JobScreen>
  );
}
