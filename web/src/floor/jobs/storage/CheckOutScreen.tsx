/**
 * Check out (取件) with the double scan: the customer's voucher opens their deposit, then each
 * item's label is checked against it on the spot (another deposit's item, an unknown label or an
 * item already collected is refused, saying which). The fee of the items scanned is shown; the
 * customer signs on the screen; the signature is uploaded as a PNG and the hand-over recorded.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError, newIdempotencyKey } from '../../../shared/api';
import { currentLanguage, useTranslation } from '../../../shared/i18n';
import type { Warehouse } from '../../data';
import { useTaskState } from '../../device-state';
import { useScanHandler } from '../../scan/ScanProvider';
import { ErrorLine, JobScreen, Prompt, useFeedback } from '../../ui';
import { uploadAttachment } from '../common/photos';
import { checkOut, depositByVoucher, formatMoney, isItemCode, itemByCode, type Deposit, type Handover } from './api';
import { SignaturePad, type SignatureHandle } from './SignaturePad';
import './storage.css';

type CheckOutTask = { voucher: string | null; deposit: Deposit | null; scanned: string[]; receivedBy: string; key: string | null; result: Handover | null };
const START: CheckOutTask = { voucher: null, deposit: null, scanned: [], receivedBy: '', key: null, result: null };

export function CheckOutScreen({ warehouse }: { warehouse: Warehouse }) {
  const { t } = useTranslation();
  const [message, say] = useFeedback();
  const [task, setTask, taskRef] = useTaskState<CheckOutTask>(`storage.check-out.${warehouse.id}`, START);
  const update = (patch: Partial<CheckOutTask>) => setTask({ ...taskRef.current, ...patch });
  const pad = useRef<SignatureHandle>(null);
  const [signed, setSigned] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, currentLanguage());

  // After a reload, the fees so far are read again.
  useEffect(() => {
    const { voucher, result } = taskRef.current;
    if (voucher && !result) void depositByVoucher(voucher).then((deposit) => deposit && update({ deposit }), () => undefined);
  }, []);

  const scanVoucher = async (code: string) => {
    if (isItemCode(code)) return say('bad', t('storageDesk.checkOut.voucherFirst', { code }));
    const deposit = await depositByVoucher(code);
    if (!deposit) return say('bad', t('storageDesk.checkOut.unknownVoucher', { code }));
    if (deposit.status === 'closed') return say('bad', t('storageDesk.checkOut.closed', { number: deposit.depositNumber }));
    update({ voucher: code.toUpperCase(), deposit, scanned: [], receivedBy: deposit.customer.name, result: null });
    const waiting = deposit.items.filter((i) => i.status !== 'checked_out').length;
    say('ok', t('storageDesk.checkOut.voucherOk', { number: deposit.depositNumber, name: deposit.customer.name, count: waiting }));
  };

  const scanItem = async (deposit: Deposit, raw: string) => {
    const code = raw.toUpperCase();
    if (code === taskRef.current.voucher) return say('info', t('storageDesk.checkOut.scanItems'));
    const item = deposit.items.find((i) => i.code === code);
    if (!item) {
      const other = await itemByCode(code);
      if (!other) return say('bad', t('storageDesk.checkOut.unknownItem', { code }));
      return say('bad', t('storageDesk.checkOut.otherDeposit', { code, number: other.depositNumber, voucherNumber: deposit.depositNumber }));
    }
    if (item.status === 'checked_out') return say('bad', t('storageDesk.checkOut.alreadyOut', { code }));
    if (taskRef.current.scanned.includes(code)) return say('info', t('storageDesk.checkOut.again', { code }));
    const scanned = [...taskRef.current.scanned, code];
    update({ scanned });
    say('ok', t('storageDesk.checkOut.itemOk', { code, description: item.description, count: scanned.length, total: deposit.items.filter((i) => i.status !== 'checked_out').length }));
  };

  useScanHandler(async (raw) => {
    const code = raw.trim();
    const { deposit, result } = taskRef.current;
    if (result) return say('info', t('storageDesk.checkOut.startNext'));
    if (!deposit) return scanVoucher(code);
    return scanItem(deposit, code);
  });

  const submit = async () => {
    const { voucher, scanned, receivedBy } = taskRef.current;
    if (!voucher || !scanned.length) return;
    setBusy(true);
    setError(null);
    try {
      const png = await pad.current?.toPng();
      if (!png) throw new Error(t('storageDesk.checkOut.signFirst'));
      const signature = await uploadAttachment(png, 'signature.png');
      const key = taskRef.current.key ?? newIdempotencyKey();
      update({ key });
      const result = await checkOut({ voucherCode: voucher, itemCodes: scanned, receivedBy: receivedBy.trim(), signatureAttachmentId: signature.id }, key);
      update({ key: null, result, voucher: null });
      say('ok', t('storageDesk.checkOut.done', { count: result.items.length, fee: money(result.feeTotal, result.currency) }));
    } catch (err) {
      if (err instanceof ApiError) update({ key: null });
      setError(err);
      say('bad', err instanceof Error ? err.message : t('app.error'));
    } finally {
      setBusy(false);
    }
  };

  const d = task.deposit;
  const scannedItems = d ? d.items.filter((i) => task.scanned.includes(i.code)) : [];
  const currency = scannedItems[0]?.fee.currency ?? d?.items[0]?.fee.currency ?? 'CNY';
  const fee = scannedItems.reduce((n, i) => n + i.fee.amount, 0);
  const prompt = task.result ? t('storageDesk.checkOut.finished') : !d ? t('storageDesk.checkOut.scanVoucher') : t('storageDesk.checkOut.scanItems');

  return (
    <JobScreen title={t('storageDesk.checkOut.title')} back="/floor/storage">
      <Prompt text={prompt} message={message} />
      {d && !task.result && (
        <div className="fl-card">
          <p className="fl-status-line">
            {t('storageDesk.deposit')} <strong>{d.depositNumber}</strong> · {d.customer.name}
          </p>
          <ul className="fl-list" aria-label={t('storageDesk.checkOut.items')}>
            {d.items.map((i) => (
              <li key={i.code} className={i.status === 'checked_out' ? 'done' : task.scanned.includes(i.code) ? 'current' : ''}>
                <span className="fl-bin">{i.code}</span>
                <span className="fl-grow">
                  {i.description}
                  {i.location && ` · ${i.location.code}`}
                </span>
                <span className="fl-qty">{i.status === 'checked_out' ? t('storageDesk.status.checked_out') : task.scanned.includes(i.code) ? '✓' : money(i.fee.amount, i.fee.currency)}</span>
              </li>
            ))}
          </ul>
          <p className="fl-status-line">
            {t('storageDesk.checkOut.fee', { count: task.scanned.length })} <span className="fl-fee" data-testid="fee">{money(fee, currency)}</span>
          </p>
          <label className="fl-field">
            <span>{t('storageDesk.checkOut.receivedBy')}</span>
            <input value={task.receivedBy} maxLength={200} autoComplete="off" onChange={(e) => update({ receivedBy: e.target.value })} />
          </label>
          <span className="fl-signature-label">{t('storageDesk.checkOut.signHere')}</span>
          <SignaturePad ref={pad} label={t('storageDesk.checkOut.signature')} onChange={setSigned} />
          <button type="button" className="fl-btn secondary" onClick={() => pad.current?.clear()}>
            {t('storageDesk.checkOut.clearSignature')}
          </button>
          {error !== null && <ErrorLine error={error} />}
          <button type="button" className="fl-btn" disabled={busy || !signed || !task.scanned.length || !task.receivedBy.trim()} onClick={() => void submit()}>
            {t('storageDesk.checkOut.submit', { count: task.scanned.length })}
          </button>
          <button type="button" className="fl-btn secondary" onClick={() => setTask(START)}>
            {t('storageDesk.checkOut.cancel')}
          </button>
        </div>
      )}
      {task.result && (
        <div className="fl-card" data-testid="handover">
          <p className="fl-feedback ok">
            {t('storageDesk.checkOut.handedOver', { count: task.result.items.length, name: task.result.receivedBy })}
          </p>
          <dl className="fl-facts">
            <dt>{t('storageDesk.deposit')}</dt>
            <dd>
              {task.result.depositNumber} · {t(`storageDesk.depositStatus.${task.result.depositStatus}`)}
            </dd>
            <dt>{t('storageDesk.checkOut.feeCharged')}</dt>
            <dd className="fl-fee">{money(task.result.feeTotal, task.result.currency)}</dd>
          </dl>
          <button type="button" className="fl-btn" onClick={() => setTask(START)}>
            {t('storageDesk.checkOut.next')}
          </button>
        </div>
      )}
    </JobScreen>
  );
}
