/** Who leaves the items: the phone number typed on the screen finds the customer, or makes a walk-in. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../shared/i18n';
import { ErrorLine } from '../../ui';
import { customerByPhone } from './api';

export type CustomerChoice = { phone: string; customerId: number | null; name: string };

const PHONE = /^\+?[0-9][0-9 ()-]{2,31}$/;

export function CustomerStep({ onChoose }: { onChoose(c: CustomerChoice): void }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [found, setFound] = useState<{ id: number; name: string; code: string } | null | undefined>(undefined);
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const find = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!PHONE.test(phone.trim())) return setError(new Error(t('storageDesk.checkIn.badPhone')));
    setBusy(true);
    try {
      const c = await customerByPhone(phone);
      setFound(c ? { id: c.id, name: c.name, code: c.code } : null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="fl-card">
      <form onSubmit={find}>
        <label className="fl-field">
          <span>{t('storageDesk.checkIn.phone')}</span>
          <input
            type="tel"
            inputMode="tel"
            autoComplete="off"
            value={phone}
            onChange={(e) => {
              setPhone(e.target.value);
              setFound(undefined);
            }}
          />
        </label>
        <button type="submit" className="fl-btn secondary" disabled={busy || !phone.trim()}>
          {t('storageDesk.checkIn.findCustomer')}
        </button>
      </form>
      {error !== null && <ErrorLine error={error} />}
      {found && (
        <>
          <p className="fl-feedback ok" role="status">
            {t('storageDesk.checkIn.found', { name: found.name, code: found.code })}
          </p>
          <button type="button" className="fl-btn" onClick={() => onChoose({ phone: phone.trim(), customerId: found.id, name: found.name })}>
            {t('storageDesk.checkIn.continue')}
          </button>
        </>
      )}
      {found === null && (
        <>
          <p className="fl-feedback info" role="status">
            {t('storageDesk.checkIn.walkIn', { phone: phone.trim() })}
          </p>
          <label className="fl-field">
            <span>{t('storageDesk.checkIn.walkInName')}</span>
            <input value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="button" className="fl-btn" onClick={() => onChoose({ phone: phone.trim(), customerId: null, name: name.trim() })}>
            {t('storageDesk.checkIn.continue')}
          </button>
        </>
      )}
    </div>
  );
}
