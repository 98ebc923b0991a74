/**
 * The storage counter (寄存柜台): its three jobs, each at its own path so a reload reopens it —
 * /floor/storage/check-in, /floor/storage/put-away, /floor/storage/check-out.
 */
import { useTranslation } from '../../../shared/i18n';
import type { Warehouse } from '../../data';
import { go } from '../../router';
import { useScanHandler } from '../../scan/ScanProvider';
import { JobScreen, Prompt, useFeedback } from '../../ui';
import { isItemCode } from './api';
import { CheckInScreen } from './CheckInScreen';
import { CheckOutScreen } from './CheckOutScreen';
import { StoragePutAway } from './StoragePutAway';

const JOBS = ['check-in', 'put-away', 'check-out'] as const;
const KEYS = { 'check-in': 'checkIn', 'put-away': 'putAway', 'check-out': 'checkOut' } as const;

export function StorageRoutes({ path, warehouse }: { path: string; warehouse: Warehouse }) {
  switch (path) {
    case '/floor/storage/check-in':
      return <CheckInScreen key={warehouse.id} warehouse={warehouse} />;
    case '/floor/storage/put-away':
      return <StoragePutAway key={warehouse.id} warehouse={warehouse} />;
    case '/floor/storage/check-out':
      return <CheckOutScreen key={warehouse.id} warehouse={warehouse} />;
    default:
      return <StorageHome />;
  }
}

function StorageHome() {
  const { t } = useTranslation();
  const [message, say] = useFeedback();
  // An item label scanned here starts its put-away; anything else asks to choose.
  useScanHandler((code) => {
    if (isItemCode(code)) return go(`/floor/storage/put-away?code=${encodeURIComponent(code.trim().toUpperCase())}`);
    say('info', t('storageDesk.home.choose'));
  });
  return (
    <JobScreen title={t('storageDesk.title')}>
      <Prompt text={t('storageDesk.home.prompt')} message={message} />
      <nav className="fl-grid" aria-label={t('storageDesk.title')}>
        {JOBS.map((job) => (
          <button key={job} type="button" className="fl-tile" onClick={() => go(`/floor/storage/${job}`)}>
            {t(`storageDesk.${KEYS[job]}.title`)}
            <small>{t(`storageDesk.${KEYS[job]}.hint`)}</small>
          </button>
        ))}
      </nav>
    </JobScreen>
  );
}
