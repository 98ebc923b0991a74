/** The pick list in walking order: done lines struck through, the current one marked. */
import { useTranslation } from '../../../shared/i18n';
import type { PickList } from '../../data';
import type { Walk, WalkItem } from './walk';

type Props = { items: WalkItem[]; current: WalkItem | undefined; walk: Walk; unallocated: PickList['unallocated'] };

export function PickLines({ items, current, walk, unallocated }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <ul className="fl-list" aria-label={t('pick.list')}>
        {items.map((i) => {
          const done = i.status === 'picked' || walk.sent.includes(i.allocationId);
          const isCurrent = current?.allocationId === i.allocationId;
          const counted = isCurrent && walk.allocationId === i.allocationId ? walk.count : done ? i.quantity : 0;
          return (
            <li key={i.allocationId} className={done ? 'done' : isCurrent ? 'current' : undefined}>
              <span className="fl-bin">{i.locationCode}</span>
              <span className="fl-grow">
                {i.sku} <span className="fl-muted">{i.name}</span>
                {i.lot && <span className="fl-muted"> · {t('glossary.lot')} {i.lot}</span>}
              </span>
              <span className="fl-qty">
                {i.status === 'picked' ? i.picked : counted}/{i.quantity}
              </span>
            </li>
          );
        })}
      </ul>
      {unallocated.length > 0 && (
        <p className="fl-note">{t('pick.unallocated', { items: unallocated.map((u) => `${u.sku} × ${u.quantity}`).join(', ') })}</p>
      )}
    </>
  );
}
