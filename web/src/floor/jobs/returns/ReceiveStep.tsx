/**
 * Receiving (收货) a return: scan every unit that came in the parcel. Each scan is counted against
 * the announced lines on the spot; what differs (missing, extra, wrong item) is shown as it will
 * be recorded, damaged units are marked per line, photos of the parcel taken. One tap records it.
 */
import { useState } from 'react';
import { ApiError, newIdempotencyKey } from '../../../shared/api';
import { useTranslation } from '../../../shared/i18n';
import { productByCode } from '../../data';
import { useTaskState } from '../../device-state';
import { useScanHandler } from '../../scan/ScanProvider';
import { ErrorLine, Prompt, useFeedback } from '../../ui';
import { OFFLINE, orOffline } from '../common/lookup';
import { PhotoPicker } from '../common/photos';
import { receiveReturn, type Return } from './api';
import { Stepper, usePhotoLabels } from './parts';

type ReceiveTask = { counts: Record<string, number>; damaged: Record<string, number>; note: string; photoIds: number[]; key: string | null };
const START: ReceiveTask = { counts: {}, damaged: {}, note: '', photoIds: [], key: null };

export function ReceiveStep({ ret, onDone }: { ret: Return; onDone(r: Return): void }) {
  const { t } = useTranslation();
  const [message, say] = useFeedback();
  const [task, setTask, taskRef] = useTaskState<ReceiveTask>(`returns.receive.${ret.id}`, START);
  const update = (patch: Partial<ReceiveTask>) => setTask({ ...taskRef.current, ...patch });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const photoLabels = usePhotoLabels();
  const skus = new Set(ret.lines.map((l) => l.sku));

  useScanHandler(async (raw) => {
    const code = raw.trim();
    if (code.toUpperCase() === ret.rmaNumber?.toUpperCase() || code === ret.orderNumber) return say('info', t('returnsDock.receive.scanItems'));
    const product = await orOffline(productByCode(code));
    const key = product && product !== OFFLINE ? product.sku : code;
    const counts = { ...taskRef.current.counts, [key]: (taskRef.current.counts[key] ?? 0) + 1 };
    update({ counts });
    const line = ret.lines.find((l) => l.sku === key);
    if (!line) {
      if (product === null) return say('bad', t('returnsDock.receive.notAProduct', { code }));
      return say('bad', t('returnsDock.receive.wrongItem', { sku: key }));
    }
    if (counts[key]! > line.quantity) return say('bad', t('returnsDock.receive.extra', { sku: key, count: counts[key], quantity: line.quantity }));
    say('ok', t('returnsDock.receive.counted', { sku: key, count: counts[key], quantity: line.quantity }));
  });

  const setCount = (code: string, n: number) => {
    const counts = { ...taskRef.current.counts, [code]: n };
    if (n <= 0) delete counts[code];
    const damaged = { ...taskRef.current.damaged };
    if ((damaged[code] ?? 0) > Math.max(0, n)) damaged[code] = Math.max(0, n);
    update({ counts, damaged });
  };

  const submit = async () => {
    const cur = taskRef.current;
    const key = cur.key ?? newIdempotencyKey();
    update({ key });
    setBusy(true);
    setError(null);
    try {
      const damaged = Object.entries(cur.damaged).filter(([, n]) => n > 0);
      const next = await receiveReturn(
        ret.id,
        {
          scans: Object.entries(cur.counts).map(([code, quantity]) => ({ code, quantity })),
          ...(damaged.length ? { damaged: damaged.map(([code, quantity]) => ({ code, quantity })) } : {}),
          ...(cur.photoIds.length ? { photoIds: cur.photoIds } : {}),
          ...(cur.note.trim() ? { note: cur.note.trim() } : {}),
        },
        key,
      );
      setTask(START);
      say('ok', t('returnsDock.receive.done', { count: next.discrepancies.length }));
      onDone(next);
    } catch (err) {
      if (err instanceof ApiError) update({ key: null });
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const extras = Object.entries(task.counts).filter(([code]) => !skus.has(code));
  const scannedAny = Object.keys(task.counts).length > 0;
  return (
    <>
      <Prompt text={t('returnsDock.receive.scanItems')} message={message} />
      <div className="fl-card">
        <h3 className="fl-subtitle">{t('returnsDock.receive.announced')}</h3>
        <ul className="fl-list" aria-label={t('returnsDock.receive.announced')}>
          {ret.lines.map((l) => {
            const n = task.counts[l.sku] ?? 0;
            const missing = Math.max(0, l.quantity - n);
            const extra = Math.max(0, n - l.quantity);
            return (
              <li key={l.id} className={n >= l.quantity ? 'fl-line done-ok' : 'fl-line'}>
                <div className="fl-line-head">
                  <span className="fl-grow">
                    <strong>{l.sku}</strong> {l.name}
                  </span>
                  <span className="fl-qty" data-testid={`count-${l.sku}`}>
                    {n}/{l.quantity}
                  </span>
                </div>
                {(missing > 0 || extra > 0) && scannedAny && (
                  <span className="fl-badge warn">{missing > 0 ? t('returnsDock.discrepancy.missingN', { count: missing }) : t('returnsDock.discrepancy.extraN', { count: extra })}</span>
                )}
                {n > 0 && (
                  <Stepper
                    label={t('returnsDock.receive.damaged', { sku: l.sku })}
                    value={task.damaged[l.sku] ?? 0}
                    max={n}
                    onChange={(v) => update({ damaged: { ...taskRef.current.damaged, [l.sku]: v } })}
                  />
                )}
              </li>
            );
          })}
        </ul>
        {extras.length > 0 && (
          <>
            <h3 className="fl-subtitle">{t('returnsDock.receive.notAnnounced')}</h3>
            <ul className="fl-list" aria-label={t('returnsDock.receive.notAnnounced')}>
              {extras.map(([code, n]) => (
                <li key={code}>
                  <span className="fl-grow">
                    <strong>{code}</strong> · {t('returnsDock.discrepancy.wrong_item')} ×{n}
                  </span>
                  <button type="button" className="fl-icon-btn" aria-label={t('returnsDock.receive.removeScan', { code })} onClick={() => setCount(code, 0)}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="fl-card">
        <PhotoPicker ids={task.photoIds} onChange={(photoIds) => update({ photoIds })} labels={photoLabels} />
        <label className="fl-field">
          <span>{t('returnsDock.receive.note')}</span>
          <textarea rows={2} maxLength={1000} value={task.note} onChange={(e) => update({ note: e.target.value })} />
        </label>
        {error !== null && <ErrorLine error={error} />}
        <button type="button" className="fl-btn" disabled={busy || !scannedAny} onClick={() => void submit()}>
          {t('returnsDock.receive.submit')}
        </button>
        {scannedAny && (
          <button type="button" className="fl-btn secondary" onClick={() => setTask(START)}>
            {t('returnsDock.receive.restart')}
          </button>
        )}
      </div>
    </>
  );
}
