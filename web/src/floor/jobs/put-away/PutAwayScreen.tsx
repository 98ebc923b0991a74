/**
 * Put-away: scan the dock, then an item on it; Wareloop suggests the bin (one already holding the
 * SKU and lot, else one near it with room). Scanning the suggested bin (or one of the next best)
 * sends the move; any other bin is refused, naming the ones to scan.
 */
import { useCallback } from 'react';
import { ApiError } from '../../../shared/api';
import { useTranslation } from '../../../shared/i18n';
import { fetchPutAway, locationByCode, type MoveBody, type PutAway, type Warehouse } from '../../data';
import { useTaskState } from '../../device-state';
import { queueScan, useSettled } from '../../scan/device';
import type { Settled } from '../../scan/outbox';
import { useScanHandler } from '../../scan/ScanProvider';
import { JobScreen, Prompt, useFeedback } from '../../ui';
import { OFFLINE, orOffline } from '../common/lookup';
import { ReceivingLocations } from '../receive/ReceivingLocations';

type Task = { from: string | null; code: string | null; plan: PutAway | null; quantity: number };
const START: Task = { from: null, code: null, plan: null, quantity: 1 };
const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();
const refusedAsNull = (err: unknown): null => {
  if (err instanceof ApiError) return null;
  throw err;
};

export function PutAwayScreen({ warehouse }: { warehouse: Warehouse }) {
  const { t } = useTranslation();
  const [message, say] = useFeedback();
  const [task, setTask, taskRef] = useTaskState<Task>(`put-away.${warehouse.id}`, START);
  const update = (patch: Partial<Task>) => setTask({ ...taskRef.current, ...patch });

  const onSettled = useCallback(
    ({ item, outcome }: Settled) => {
      if (outcome.kind === 'refused') say('bad', t('putAway.refused', { label: item.label, detail: outcome.problem.detail ?? outcome.status }));
    },
    [say, t],
  );
  useSettled('put-away', onSettled);

  const setFrom = async (code: string) => {
    const loc = await orOffline(locationByCode(warehouse.id, code));
    if (loc === null) return say('bad', t('putAway.notABin', { code, warehouse: warehouse.code }));
    const from = loc === OFFLINE ? code.toUpperCase() : loc.code;
    update({ from, code: null, plan: null });
    say('ok', t('putAway.fromOk', { bin: from }));
  };

  useScanHandler(async (code) => {
    const cur = taskRef.current;
    if (!cur.from) return setFrom(code);
    if (!cur.plan) {
      const plan = await orOffline(fetchPutAway(warehouse.id, code, cur.from).catch(refusedAsNull));
      if (plan === OFFLINE) return say('bad', t('putAway.offline'));
      if (!plan) return say('bad', t('putAway.notAProduct', { code, bin: cur.from }));
      if (!plan.from || plan.from.available === 0) return say('bad', t('putAway.nothingHere', { sku: plan.sku, bin: cur.from }));
      update({ code, plan, quantity: plan.quantity });
      return plan.suggestion ? say('ok', t('putAway.goTo', { bin: plan.suggestion.locationCode, sku: plan.sku, quantity: plan.quantity })) : say('bad', t('putAway.noRoom', { sku: plan.sku }));
    }
    const targets = [cur.plan.suggestion, ...cur.plan.alternatives].filter((s) => s !== null).map((s) => s.locationCode);
    const to = targets.find((b) => same(b, code));
    if (!to) return say('bad', t('putAway.wrongBin', { code, bins: targets.join(', ') || t('app.none') }));
    const body: MoveBody = { warehouseId: warehouse.id, fromLocationCode: cur.from, toLocationCode: to, sku: cur.plan.sku, quantity: cur.quantity, ...(cur.plan.lot ? { lot: cur.plan.lot } : {}) };
    queueScan('put-away', '/api/v1/stock/moves', body, `${cur.plan.sku} × ${cur.quantity} ${cur.from} → ${to}`);
    update({ code: null, plan: null, quantity: 1 });
    say('ok', t('putAway.done', { sku: cur.plan.sku, quantity: cur.quantity, bin: to }));
  });

  const plan = task.plan;
  const prompt = !task.from
    ? t('putAway.scanFrom')
    : !plan
      ? t('putAway.scanItem', { bin: task.from })
      : plan.suggestion
        ? t('putAway.scanTo', { bin: plan.suggestion.locationCode })
        : t('putAway.noRoom', { sku: plan.sku });

  return (
    <JobScreen title={t('glossary.putAway')}>
      <Prompt text={prompt} message={message} />
      {!task.from && <ReceivingLocations warehouse={warehouse} onChoose={(code) => void setFrom(code)} />}
      {plan && (
        <div className="fl-card">
          <p className="fl-status-line">
            {plan.sku}
            {plan.lot && ` · ${t('glossary.lot')} ${plan.lot}`} · {t('putAway.onDock', { available: plan.from?.available ?? 0 })}
          </p>
          <ul className="fl-list" aria-label={t('putAway.bins')}>
            {[plan.suggestion, ...plan.alternatives].map((s, i) =>
              s ? (
                <li key={s.locationId} className={i === 0 ? 'current' : undefined}>
                  <span className="fl-bin">{s.locationCode}</span>
                  <span className="fl-grow fl-muted">{t(`putAway.reasons.${s.reason}`)}</span>
                  <span className="fl-qty">{s.free === null ? '' : t('putAway.free', { free: s.free })}</span>
                </li>
              ) : null,
            )}
          </ul>
          <label className="fl-field">
            <span>{t('glossary.quantity')}</span>
            <input type="number" inputMode="numeric" min={1} max={plan.from?.available ?? 1} value={task.quantity} onChange={(e) => update({ quantity: Math.max(1, Math.min(plan.from?.available ?? 1, Math.floor(Number(e.target.value)) || 1)) })} />
          </label>
        </div>
      )}
      {task.from && (
        <button type="button" className="fl-btn secondary" onClick={() => setTask(task.plan ? { ...task, code: null, plan: null } : START)}>
          {task.plan ? t('putAway.otherItem') : t('putAway.otherDock')}
        </button>
      )}
    </JobScreen>
  );
}
