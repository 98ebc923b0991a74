/** Declaring a short pick: how many were in the bin, and why. */
import { useState } from 'react';
import { useTranslation } from '../../../shared/i18n';
import { SHORT_PICK_REASONS, type ShortPickReason } from '../../data';
import type { WalkItem } from './walk';

type Props = { item: WalkItem; counted: number; onSubmit(found: number, reason: ShortPickReason): void; onCancel(): void };

export function ShortPickForm({ item, counted, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [found, setFound] = useState(Math.min(counted, item.quantity - 1));
  const [reason, setReason] = useState<ShortPickReason>('not_found');
  return (
    <form
      className="fl-card"
      aria-label={t('pick.short')}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(found, reason);
      }}
    >
      <p className="fl-prompt">{t('pick.shortOf', { sku: item.sku, bin: item.locationCode, quantity: item.quantity })}</p>
      <label className="fl-field">
        <span>{t('pick.found')}</span>
        <input type="number" inputMode="numeric" min={0} max={item.quantity - 1} value={found} onChange={(e) => setFound(Math.max(0, Math.min(item.quantity - 1, Number(e.target.value) || 0)))} />
      </label>
      <label className="fl-field">
        <span>{t('pick.reason')}</span>
        <select value={reason} onChange={(e) => setReason(e.target.value as ShortPickReason)}>
          {SHORT_PICK_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`pick.reasons.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="fl-btn danger">
        {t('pick.shortConfirm')}
      </button>
      <button type="button" className="fl-btn secondary" onClick={onCancel}>
        {t('app.cancel')}
      </button>
    </form>
  );
}
