/** Small controls of the returns dock: a − n + stepper with its label, and the photo labels. */
import { useTranslation } from '../../../shared/i18n';

export function Stepper({ label, value, max, onChange }: { label: string; value: number; max: number; onChange(v: number): void }) {
  const { t } = useTranslation();
  return (
    <div className="fl-stepper" role="group" aria-label={label}>
      <span className="fl-grow">{label}</span>
      <button type="button" aria-label={t('returnsDock.less', { what: label })} disabled={value <= 0} onClick={() => onChange(Math.max(0, value - 1))}>
        −
      </button>
      <output aria-live="polite">{value}</output>
      <button type="button" aria-label={t('returnsDock.more', { what: label })} disabled={value >= max} onClick={() => onChange(Math.min(max, value + 1))}>
        +
      </button>
    </div>
  );
}

export function usePhotoLabels() {
  const { t } = useTranslation();
  return {
    take: t('returnsDock.photo.take'),
    uploading: t('returnsDock.photo.uploading'),
    remove: (n: number) => t('returnsDock.photo.remove', { n }),
    failed: (detail: string) => t('returnsDock.photo.failed', { detail }),
    photo: (n: number) => t('returnsDock.photo.photo', { n }),
  };
}
