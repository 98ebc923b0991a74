/** The jobs an operator can do, as big tiles; the warehouse they work in, changeable. */
import { useTranslation } from '../../../shared/i18n';
import type { Warehouse } from '../../data';
import { go } from '../../router';
import { useScanHandler } from '../../scan/ScanProvider';
import { Prompt, useFeedback } from '../../ui';

/** The jobs in the order goods flow through the warehouse; each is a path under /floor. */
export const JOBS = [
  { path: 'receive', name: 'glossary.receive', hint: 'home.hint.receive' },
  { path: 'put-away', name: 'glossary.putAway', hint: 'home.hint.putAway' },
  { path: 'pick', name: 'glossary.pick', hint: 'home.hint.pick' },
  { path: 'pack', name: 'glossary.pack', hint: 'home.hint.pack' },
  { path: 'ship', name: 'glossary.ship', hint: 'home.hint.ship' },
  { path: 'move', name: 'glossary.move', hint: 'home.hint.move' },
  { path: 'count', name: 'glossary.count', hint: 'home.hint.count' },
  { path: 'storage', name: 'storageDesk.title', hint: 'storageDesk.tile' },
  { path: 'returns', name: 'returnsDock.title', hint: 'returnsDock.tile' },
] as const;

export function HomeMenu({ warehouse, onChangeWarehouse }: { warehouse: Warehouse; onChangeWarehouse(): void }) {
  const { t } = useTranslation();
  const [message, say] = useFeedback();
  useScanHandler(() => say('info', t('home.chooseFirst')));
  return (
    <section aria-label={t('floor.jobs')}>
      <Prompt text={t('home.title')} message={message} />
      <nav className="fl-grid" aria-label={t('floor.jobs')}>
        {JOBS.map((job) => (
          <button key={job.path} type="button" className="fl-tile" onClick={() => go(`/floor/${job.path}`)}>
            {t(job.name)}
            <small>{t(job.hint)}</small>
          </button>
        ))}
      </nav>
      <button type="button" className="fl-btn secondary" onClick={onChangeWarehouse}>
        {t('home.warehouse', { code: warehouse.code, name: warehouse.name })}
      </button>
    </section>
  );
}
