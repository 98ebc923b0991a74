/**
 * Check in (存入): the customer by phone, then their items one by one (with photos from the device
 * camera), then one tap checks them in. The voucher code is shown once, as the API returns it, and
 * never kept on the device; the labels and the voucher slip print from here.
 */
import { useState } from 'react';
import { ApiError, newIdempotencyKey } from '../../../shared/api';
import { useTranslation } from '../../../shared/i18n';
import type { Warehouse } from '../../data';
import { useTaskState } from '../../device-state';
import { go } from '../../router';
import { useScanHandler } from '../../scan/ScanProvider';
import { ErrorLine, JobScreen, Prompt, useFeedback } from '../../ui';
import { openPdf, openPdfPosted } from '../common/print';
import { checkIn, labelsPdf, voucherPdf, type CheckInBody } from './api';
import { CustomerStep, type CustomerChoice } from './CustomerStep';
import { EMPTY_ITEM, ItemForm, type DraftItem } from './ItemForm';
import './storage.css';

type Done = { depositId: number; depositNumber: string; itemCodes: string[] };
type CheckInTask = { customer: CustomerChoice | null; items: DraftItem[]; draft: DraftItem; key: string | null; done: Done | null };
const START: CheckInTask = { customer: null, items: [], draft: EMPTY_ITEM, key: null, done: null };

function body(warehouseId: number, task: CheckInTask): CheckInBody {
  const c = task.customer!;
  return {
    warehouseId,
    ...(c.customerId ? { customerId: c.customerId } : { customerPhone: c.phone, ...(c.name ? { customerName: c.name } : {}) }),
    items: task.items.map((i) => ({
      description: i.description.trim(),
      category: i.category.trim(),
      sizeClass: i.sizeClass,
      ...(i.value ? { declaredValue: Math.round(Number(i.value) * 100) } : {}),
      ...(i.photoIds.length ? { photoIds: i.photoIds } : {}),
      ...(i.pickup ? { expectedPickupAt: new Date(`${i.pickup}T23:59:59`).toISOString() } : {}),
    })),
  };
}

export function CheckInScreen({ warehouse }: { warehouse: Warehouse }) {
  const { t } = useTranslation();
  const [message, say] = useFeedback();
  const [task, setTask, taskRef] = useTaskState<CheckInTask>(`storage.check-in.${warehouse.id}`, START);
  const update = (patch: Partial<CheckInTask>) => setTask({ ...taskRef.current, ...patch });
  // The customer's secret: on screen once, never written to the device.
  const [voucher, setVoucher] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useScanHandler(() => say('info', t('storageDesk.checkIn.noScan')));

  // A filled-in item not yet added goes along: "Check in" never leaves the item on the form behind.
  const ready = (d: DraftItem) => !!d.description.trim() && !!d.category.trim();
  const submit = async () => {
    const pending = taskRef.current.draft;
    if (ready(pending)) update({ items: [...taskRef.current.items, pending], draft: { ...EMPTY_ITEM, category: pending.category, pickup: pending.pickup } });
    const key = taskRef.current.key ?? newIdempotencyKey();
    update({ key });
    setBusy(true);
    setError(null);
    try {
      const d = await checkIn(body(warehouse.id, taskRef.current), key);
      setVoucher(d.voucherCode);
      update({ key: null, done: { depositId: d.id, depositNumber: d.depositNumber, itemCodes: d.items.map((i) => i.code) } });
      say('ok', t('storageDesk.checkIn.checkedIn', { number: d.depositNumber, count: d.items.length }));
    } catch (err) {
      // A refusal needs a changed request (a new key); a lost answer is retried with the same key.
      if (err instanceof ApiError) update({ key: null });
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const prompt = !task.customer ? t('storageDesk.checkIn.promptPhone') : task.done ? t('storageDesk.checkIn.promptPrint') : t('storageDesk.checkIn.promptItems');
  return (
    <JobScreen title={t('storageDesk.checkIn.title')} back="/floor/storage">
      <Prompt text={prompt} message={message} />
      {!task.customer && <CustomerStep onChoose={(customer) => update({ customer })} />}
      {task.customer && !task.done && (
        <>
          <div className="fl-card">
            <p className="fl-status-line">
              {t('glossary.customer')} <strong>{task.customer.name || task.customer.phone}</strong> · {task.customer.phone}
            </p>
            {task.items.length > 0 && (
              <ol className="fl-list" aria-label={t('storageDesk.checkIn.items')}>
                {task.items.map((i, n) => (
                  <li key={n}>
                    <span className="fl-grow">
                      {i.description} · {i.category} · {i.sizeClass}
                      {i.photoIds.length > 0 && ` · ${t('storageDesk.checkIn.photos', { count: i.photoIds.length })}`}
                    </span>
                    <button type="button" className="fl-icon-btn" aria-label={t('storageDesk.checkIn.removeItem', { n: n + 1 })} onClick={() => update({ items: task.items.filter((_, k) => k !== n) })}>
                      ×
                    </button>
                  </li>
                ))}
              </ol>
            )}
            <button type="button" className="fl-btn secondary" onClick={() => update({ customer: null })}>
              {t('storageDesk.checkIn.otherCustomer')}
            </button>
          </div>
          <ItemForm
            draft={task.draft}
            onChange={(draft) => update({ draft })}
            onAdd={(item) => {
              update({ items: [...taskRef.current.items, item], draft: { ...EMPTY_ITEM, category: item.category, pickup: item.pickup } });
              say('ok', t('storageDesk.checkIn.added', { description: item.description, count: taskRef.current.items.length }));
            }}
          />
          {error !== null && <ErrorLine error={error} />}
          <button type="button" className="fl-btn" disabled={busy || task.items.length + (ready(task.draft) ? 1 : 0) === 0} onClick={() => void submit()}>
            {t('storageDesk.checkIn.submit', { count: task.items.length + (ready(task.draft) ? 1 : 0) })}
          </button>
        </>
      )}
      {task.done && (
        <div className="fl-card">
          {voucher ? (
            <div className="fl-voucher" role="status">
              <span>{t('storageDesk.checkIn.voucher')}</span>
              <strong data-testid="voucher-code">{voucher}</strong>
              <small>{t('storageDesk.checkIn.voucherOnce')}</small>
            </div>
          ) : (
            <p className="fl-note">{t('storageDesk.checkIn.voucherOnSlip')}</p>
          )}
          <p className="fl-status-line">
            {t('storageDesk.deposit')} <strong>{task.done.depositNumber}</strong>
          </p>
          <ul className="fl-list" aria-label={t('storageDesk.checkIn.items')}>
            {task.done.itemCodes.map((c) => (
              <li key={c} className="fl-bin">
                {c}
              </li>
            ))}
          </ul>
          <button type="button" className="fl-btn secondary" onClick={() => openPdf(labelsPdf(task.done!.depositId))}>
            {t('storageDesk.checkIn.printLabels')}
          </button>
          {voucher && (
            <button
              type="button"
              className="fl-btn secondary"
              onClick={() =>
                void openPdfPosted(voucherPdf(task.done!.depositId), { voucherCode: voucher }).then((refused) => refused !== null && say('bad', refused || t('storageDesk.checkIn.printOffline')))
              }
            >
              {t('storageDesk.checkIn.printVoucher')}
            </button>
          )}
          <button type="button" className="fl-btn" onClick={() => (setTask(START), go('/floor/storage/put-away'))}>
            {t('storageDesk.checkIn.toPutAway')}
          </button>
          <button type="button" className="fl-btn secondary" onClick={() => (setTask(START), setVoucher(null))}>
            {t('storageDesk.checkIn.next')}
          </button>
        </div>
      )}
    </JobScreen>
  );
}
