/**
 * Put away (上架): scan an item label (ST-…), see where it should go, scan the location. The
 * location scan is sent through the outbox (an Idempotency-Key, kept while offline); a refusal
 * (the location does not take the item, or is full) comes back as a red answer.
 */
import { useCallback, useEffect } from 'react';
import { useTranslation } from '../../../shared/i18n';
import type { Warehouse } from '../../data';
import { useTaskState } from '../../device-state';
import { queueScan, useSettled } from '../../scan/device';
import type { Settled } from '../../scan/outbox';
import { useScanDispatch, useScanHandler } from '../../scan/ScanProvider';
import { JobScreen, Prompt, useFeedback } from '../../ui';
import { OFFLINE, orOffline } from '../common/lookup';
import { isItemCode, itemByCode, recommendations, type Recommendation, type SizeClass } from './api';
import './storage.css';

type Current = { code: string; description: string; category: string; sizeClass: SizeClass | null; recs: Recommendation[] };
type PutAwayTask = { item: Current | null; done: number };
const START: PutAwayTask = { item: null, done: 0 };
const JOB = 'storage-put-away';

export function StoragePutAway({ warehouse }: { warehouse: Warehouse }) {
  const { t } = useTranslation();
  const [message, say] = useFeedback();
  const [task, setTask, taskRef] = useTaskState<PutAwayTask>(`storage.put-away.${warehouse.id}`, START);
  const dispatch = useScanDispatch();

  const onSettled = useCallback(
    ({ item, outcome }: Settled) => {
      if (outcome.kind === 'refused') say('bad', t('storageDesk.putAway.refused', { label: item.label, detail: outcome.problem.detail ?? outcome.status }));
    },
    [say, t],
  );
  useSettled(JOB, onSettled);

  // An item label scanned on the counter's menu arrives here as ?code=.
  useEffect(() => {
    const code = new URLSearchParams(location.search).get('code');
    if (code) {
      history.replaceState(null, '', location.pathname);
      dispatch(code);
    }
  }, [dispatch]);

  const takeItem = async (code: string) => {
    const item = await orOffline(itemByCode(code));
    if (item === OFFLINE) {
      setTask({ ...taskRef.current, item: { code: code.toUpperCase(), description: '', category: '', sizeClass: null, recs: [] } });
      return say('info', t('storageDesk.putAway.offlineItem', { code: code.toUpperCase() }));
    }
    if (!item) return say('bad', t('storageDesk.putAway.unknownItem', { code }));
    if (item.status !== 'checked_in') {
      return say('bad', t('storageDesk.putAway.notCheckedIn', { code: item.code, status: t(`storageDesk.status.${item.status}`), location: item.location?.code ?? '—' }));
    }
    const recs = await recommendations(item.code).catch(() => []);
    setTask({ ...taskRef.current, item: { code: item.code, description: item.description, category: item.category, sizeClass: item.sizeClass, recs } });
    say('ok', recs[0] ? t('storageDesk.putAway.itemOk', { code: item.code, location: recs[0].code }) : t('storageDesk.putAway.noRecs', { code: item.code }));
  };

  useScanHandler(async (raw) => {
    const code = raw.trim();
    const cur = taskRef.current.item;
    if (!cur || isItemCode(code)) {
      if (cur && code.toUpperCase() === cur.code) return say('info', t('storageDesk.putAway.scanLocation', { code: cur.code }));
      return takeItem(code);
    }
    queueScan(JOB, `/api/v1/storage/items/${encodeURIComponent(cur.code)}/put-away`, { locationCode: code }, `${cur.code} → ${code}`);
    setTask({ item: null, done: taskRef.current.done + 1 });
    say('ok', t('storageDesk.putAway.sent', { code: cur.code, location: code }));
  });

  const item = task.item;
  return (
    <JobScreen title={t('storageDesk.putAway.title')} back="/floor/storage">
      <Prompt text={item ? t('storageDesk.putAway.scanLocation', { code: item.code }) : t('storageDesk.putAway.scanItem')} message={message} />
      {item && (
        <div className="fl-card">
          <dl className="fl-facts">
            <dt>{t('storageDesk.item.code')}</dt>
            <dd className="fl-bin">{item.code}</dd>
            {item.description && (
              <>
                <dt>{t('storageDesk.item.description')}</dt>
                <dd>{item.description}</dd>
                <dt>{t('storageDesk.item.category')}</dt>
                <dd>
                  {item.category} · {item.sizeClass}
                </dd>
              </>
            )}
          </dl>
          <h3 className="fl-subtitle">{t('storageDesk.putAway.recommended')}</h3>
          {item.recs.length ? (
            <ol className="fl-recs" aria-label={t('storageDesk.putAway.recommended')}>
              {item.recs.map((r) => (
                <li key={r.locationId}>
                  <strong className="fl-bin">{r.code}</strong> {r.free === null ? t('storageDesk.putAway.roomAny') : t('storageDesk.putAway.room', { free: r.free })}
                </li>
              ))}
            </ol>
          ) : (
            <p className="fl-muted">{t('storageDesk.putAway.none')}</p>
          )}
          <button type="button" className="fl-btn secondary" onClick={() => setTask({ ...task, item: null })}>
            {t('storageDesk.putAway.otherItem')}
          </button>
        </div>
      )}
      <p className="fl-muted">{t('storageDesk.putAway.total', { count: task.done })}</p>
    </JobScreen>
  );
}
