/** One item being checked in: what it is, its category and size class, its value, when it is collected, its photos. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../../shared/i18n';
import { PhotoPicker } from '../common/photos';
import { SIZE_CLASSES, tariffCategories, type SizeClass } from './api';

export type DraftItem = { description: string; category: string; sizeClass: SizeClass; value: string; pickup: string; photoIds: number[] };
export const EMPTY_ITEM: DraftItem = { description: '', category: '', sizeClass: 'M', value: '', pickup: '', photoIds: [] };

const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

export function usePhotoLabels() {
  const { t } = useTranslation();
  return {
    take: t('storageDesk.photo.take'),
    uploading: t('storageDesk.photo.uploading'),
    remove: (n: number) => t('storageDesk.photo.remove', { n }),
    failed: (detail: string) => t('storageDesk.photo.failed', { detail }),
    photo: (n: number) => t('storageDesk.photo.photo', { n }),
  };
}

export function ItemForm({ draft, onChange, onAdd }: { draft: DraftItem; onChange(d: DraftItem): void; onAdd(d: DraftItem): void }) {
  const { t } = useTranslation();
  const tariffs = useQuery({ queryKey: ['storage-tariff-categories'], queryFn: tariffCategories, staleTime: 300_000 });
  const photoLabels = usePhotoLabels();
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<DraftItem>) => onChange({ ...draft, ...patch });
  const currency = tariffs.data?.currency ?? 'CNY';

  const add = () => {
    if (!draft.description.trim()) return setError(t('storageDesk.item.needDescription'));
    if (!draft.category.trim()) return setError(t('storageDesk.item.needCategory'));
    if (draft.value && !(Number(draft.value) >= 0)) return setError(t('storageDesk.item.badValue'));
    setError(null);
    onAdd(draft);
  };

  return (
    <div className="fl-card" role="group" aria-label={t('storageDesk.item.new')}>
      <label className="fl-field">
        <span>{t('storageDesk.item.description')}</span>
        <input value={draft.description} maxLength={500} autoComplete="off" onChange={(e) => set({ description: e.target.value })} />
      </label>
      <label className="fl-field">
        <span>{t('storageDesk.item.category')}</span>
        <input value={draft.category} maxLength={40} list="fl-storage-categories" autoComplete="off" onChange={(e) => set({ category: e.target.value })} />
        <datalist id="fl-storage-categories">
          {tariffs.data?.categories.map((c) => <option key={c} value={c} />)}
        </datalist>
      </label>
      <fieldset className="fl-sizes">
        <legend>{t('storageDesk.item.sizeClass')}</legend>
        {SIZE_CLASSES.map((s) => (
          <button key={s} type="button" aria-pressed={draft.sizeClass === s} className={draft.sizeClass === s ? 'on' : ''} onClick={() => set({ sizeClass: s })}>
            {s}
          </button>
        ))}
      </fieldset>
      <label className="fl-field">
        <span>{t('storageDesk.item.value', { currency })}</span>
        <input type="number" inputMode="decimal" min={0} step="0.01" value={draft.value} onChange={(e) => set({ value: e.target.value })} />
      </label>
      <label className="fl-field">
        <span>{t('storageDesk.item.pickup')}</span>
        <input type="date" min={today()} value={draft.pickup} onChange={(e) => set({ pickup: e.target.value })} />
      </label>
      <PhotoPicker ids={draft.photoIds} onChange={(photoIds) => set({ photoIds })} labels={photoLabels} />
      {error && (
        <div className="fl-feedback bad" role="alert">
          {error}
        </div>
      )}
      <button type="button" className="fl-btn secondary" onClick={add}>
        {t('storageDesk.item.add')}
      </button>
    </div>
  );
}
