/** Counts to do in this warehouse; scanning a bin opens its count, or starts a blind count of it. */
import { useQuery } from '@tanstack/react-query';
import { ApiError, newIdempotencyKey } from '../../../shared/api';
import { useTranslation } from '../../../shared/i18n';
import { fetchOpenCounts, locationByCode, openCount, type Warehouse } from '../../data';
import { go } from '../../router';
import { useScanHandler } from '../../scan/ScanProvider';
import { ErrorLine, JobScreen, Loading, Prompt, useFeedback } from '../../ui';

export function CountList({ warehouse }: { warehouse: Warehouse }) {
  const { t } = useTranslation();
  const [message, say] = useFeedback();
  const counts = useQuery({ queryKey: ['counts', warehouse.id, 'open'], queryFn: () => fetchOpenCounts(warehouse.id) });

  useScanHandler(async (code) => {
    const existing = counts.data?.items.find((c) => c.locations.some((l) => l.code.toUpperCase() === code.toUpperCase()));
    if (existing) return go(`/floor/count/${existing.id}`);
    const loc = await locationByCode(warehouse.id, code).catch(() => null);
    if (!loc) return say('bad', t('count.notABin', { code, warehouse: warehouse.code }));
    try {
      const count = await openCount(warehouse.id, loc.code, newIdempotencyKey());
      say('ok', t('count.opened', { number: count.number, bin: loc.code }));
      go(`/floor/count/${count.id}`);
    } catch (err) {
      say('bad', err instanceof ApiError ? (err.problem.detail ?? err.message) : t('app.error'));
    }
  });

  return (
    <JobScreen title={t('glossary.count')}>
      <Prompt text={t('count.scanToStart')} message={message} />
      {counts.isPending && <Loading />}
      {counts.error && <ErrorLine error={counts.error} />}
      <ul className="fl-list" aria-label={t('count.open')}>
        {counts.data?.items.map((c) => (
          <li key={c.id}>
            <button type="button" className="fl-row" onClick={() => go(`/floor/count/${c.id}`)}>
              <strong>{c.number}</strong>
              <span className="fl-muted">{c.locations.map((l) => l.code).join(', ')}</span>
            </button>
          </li>
        ))}
      </ul>
    </JobScreen>
  );
}
