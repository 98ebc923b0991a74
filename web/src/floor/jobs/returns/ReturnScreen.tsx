/** One return at the dock: receive it while it is approved, inspect it once received; otherwise say where it is. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../../shared/i18n';
import { useScanHandler } from '../../scan/ScanProvider';
import { ErrorLine, JobScreen, Loading, Prompt, useFeedback } from '../../ui';
import { fetchReturn, type Return } from './api';
import { InspectStep } from './InspectStep';
import { ReceiveStep } from './ReceiveStep';
import './returns.css';

export function ReturnScreen({ returnId }: { returnId: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['return', returnId], queryFn: () => fetchReturn(returnId) });
  const r = query.data;
  const title = r ? `${t('returnsDock.title')} · ${r.rmaNumber ?? r.orderNumber}` : t('returnsDock.title');
  const changed = (next: Return) => client.setQueryData(['return', returnId], next);
  return (
    <JobScreen title={title} back="/floor/returns">
      {query.isPending && <Loading />}
      {query.error && <ErrorLine error={query.error} />}
      {r && (
        <p className="fl-status-line">
          {t('glossary.order')} {r.orderNumber} · {t(`returnsDock.type.${r.type}`)} · <strong data-testid="return-status">{t(`returnsDock.status.${r.status}`)}</strong>
        </p>
      )}
      {r?.status === 'approved' && <ReceiveStep key={r.id} ret={r} onDone={changed} />}
      {r?.status === 'received' && <InspectStep key={r.id} ret={r} onDone={changed} />}
      {r && r.status !== 'approved' && r.status !== 'received' && <Finished ret={r} />}
    </JobScreen>
  );
}

/** Nothing (more) to do at the dock: what was received and graded. */
function Finished({ ret }: { ret: Return }) {
  const { t } = useTranslation();
  const [message, say] = useFeedback();
  useScanHandler(() => say('info', t('returnsDock.nothingToDo', { status: t(`returnsDock.status.${ret.status}`) })));
  return (
    <>
      <Prompt text={t('returnsDock.nothingToDo', { status: t(`returnsDock.status.${ret.status}`) })} message={message} />
      <ul className="fl-list fl-card" aria-label={t('returnsDock.lines')}>
        {ret.lines.map((l) => (
          <li key={l.id}>
            <span className="fl-grow">
              <strong>{l.sku}</strong> {l.name}
            </span>
            <span className="fl-qty">
              {l.receivedQuantity}/{l.quantity}
              {l.grades &&
                ` · ${Object.entries(l.grades)
                  .map(([g, n]) => `${t(`returnsDock.grade.${g}`)} ×${n}`)
                  .join(', ')}`}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
