/** The warehouse's orders to pick next (priority, then promised date); tap or scan one to open it. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../../shared/i18n';
import { fetchPickQueue, findOrderByNumber, type Warehouse } from '../../data';
import { go } from '../../router';
import { useScanHandler } from '../../scan/ScanProvider';
import { ErrorLine, JobScreen, Loading, Prompt, useFeedback } from '../../ui';

export function PickQueue({ warehouse }: { warehouse: Warehouse }) {
  const { t } = useTranslation();
  const [message, say] = useFeedback();
  const queue = useQuery({ queryKey: ['orders', 'pick-queue', warehouse.id], queryFn: () => fetchPickQueue(warehouse.id) });

  useScanHandler(async (code) => {
    const inQueue = queue.data?.items.find((o) => o.number.toUpperCase() === code.toUpperCase());
    const order = inQueue ?? (await findOrderByNumber(code).catch(() => null));
    if (!order) return say('bad', t('pick.noSuchOrder', { code }));
    say('ok', order.number);
    go(`/floor/pick/${order.id}`);
  });

  return (
    <JobScreen title={t('glossary.pick')}>
      <Prompt text={t('pick.chooseOrder')} message={message} />
      {queue.isPending && <Loading />}
      {queue.error && <ErrorLine error={queue.error} />}
      {queue.data && queue.data.items.length === 0 && <p className="fl-muted">{t('pick.queueEmpty')}</p>}
      <ul className="fl-list" aria-label={t('pick.queue')}>
        {queue.data?.items.map((o) => (
          <li key={o.id}>
            <button type="button" className="fl-row" onClick={() => go(`/floor/pick/${o.id}`)}>
              <strong>{o.number}</strong>
              {o.priority > 0 && <span className="fl-badge">{t('pick.priority', { priority: o.priority })}</span>}
              <span className="fl-muted">{o.promisedShipDate ? t('pick.promised', { date: o.promisedShipDate }) : t('app.none')}</span>
              {o.note && <span className="fl-badge warn">{t('pick.hasNote')}</span>}
            </button>
          </li>
        ))}
      </ul>
    </JobScreen>
  );
}
