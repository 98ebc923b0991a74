/** Lot and expiry of a product that carries them; the lot can be scanned into its field. */
import { useTranslation } from '../../../shared/i18n';

type Props = { sku: string; lot: string; expiresOn: string; onChange(lot: string, expiresOn: string): void; onReceive(): void };

export function LotForm({ sku, lot, expiresOn, onChange, onReceive }: Props) {
  const { t } = useTranslation();
  return (
    <form
      aria-label={t('receive.lotFor', { sku })}
      onSubmit={(e) => {
        e.preventDefault();
        if (lot.trim()) onReceive();
      }}
    >
      <p className="fl-muted">{t('receive.lotFor', { sku })}</p>
      <label className="fl-field">
        <span>{t('glossary.lot')}</span>
        <input value={lot} maxLength={64} autoComplete="off" required onChange={(e) => onChange(e.target.value, expiresOn)} />
      </label>
      <label className="fl-field">
        <span>{t('glossary.expiresOn')}</span>
        <input type="date" value={expiresOn} onChange={(e) => onChange(lot, e.target.value)} />
      </label>
      <button type="submit" className="fl-btn">
        {t('glossary.receive')}
      </button>
    </form>
  );
}
