/**
 * Counting the bins of one count, blind: scan the bin, then every unit in it; products that carry
 * lots ask for the lot. Submit sends what was found; a difference waits for someone else to decide.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from '../../../shared/i18n';
import { fetchCount, productByCode, tracksLot, type Count, type CountSubmission } from '../../data';
import { useTaskState } from '../../device-state';
import { queueScan, useSettled } from '../../scan/device';
import type { Settled } from '../../scan/outbox';
import { useScanHandler } from '../../scan/ScanProvider';
import { ErrorLine, JobScreen, Loading, Prompt, TypedCode, useFeedback } from '../../ui';
import { OFFLINE, orOffline } from '../common/lookup';
import { addScan, submissionLines, undoScan, type CountedLine } from './counting';

type Task = { bin: string | null; lines: CountedLine[]; lotFor: { code: string; sku: string } | null; lots: Record<string, string>; sent: boolean };

export function CountSheet({ countId }: { countId: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [message, say] = useFeedback();
  const [task, setTask, taskRef] = useTaskState<Task>(`count.${countId}`, { bin: null, lines: [], lotFor: null, lots: {}, sent: false });
  const update = (patch: Partial<Task>) => setTask({ ...taskRef.current, ...patch });
  const count = useQuery({ queryKey: ['count', String(countId)], queryFn: () => fetchCount(countId) });

  const onSettled = useCallback(
    ({ item, outcome }: Settled) => {
      if (item.path !== `/api/v1/stock/counts/${countId}/submit`) return;
      if (outcome.kind === 'ok') {
        const c = outcome.body as Count;
        client.setQueryData(['count', String(countId)], c);
        say('ok', t('count.submitted', { number: c.number, status: t(`count.status.${c.status}`) }));
      } else {
        setTask({ ...taskRef.current, sent: false });
        say('bad', t('count.refused', { detail: outcome.problem.detail ?? outcome.status }));
      }
    },
    [client, countId, say, setTask, t, taskRef],
  );
  useSettled('count', onSettled);

  const add = (bin: string, code: string, sku: string, lot: string) => {
    const lines = addScan(taskRef.current.lines, { locationCode: bin, code, sku, lot });
    update({ lines, lotFor: null });
    const n = lines.find((l) => l.locationCode === bin && l.sku === sku && l.lot === lot)?.quantity ?? 0;
    say('ok', t('count.counted', { sku, lot: lot ? ` · ${lot}` : '', count: n, bin }));
  };

  useScanHandler(async (code) => {
    const c = count.data;
    if (!c) return say('bad', t('app.loading'));
    if (c.status !== 'open' || taskRef.current.sent) return say('bad', t('count.closed', { status: t(`count.status.${c.status}`) }));
    const bin = c.locations.find((l) => l.code.toUpperCase() === code.toUpperCase());
    if (bin) {
      update({ bin: bin.code });
      return say('ok', t('count.binOk', { bin: bin.code }));
    }
    const current = taskRef.current.bin ?? (c.locations.length === 1 ? c.locations[0]!.code : null);
    if (!current) return say('bad', t('count.scanBinFirst', { bins: c.locations.map((l) => l.code).join(', ') }));
    const product = await orOffline(productByCode(code));
    if (product === null) return say('bad', t('count.unknownCode', { code }));
    if (product === OFFLINE) return add(current, code, code, '');
    if (!tracksLot(product)) return add(current, code, product.sku, '');
    const lot = taskRef.current.lots[product.sku];
    if (lot) return add(current, code, product.sku, lot);
    update({ bin: current, lotFor: { code, sku: product.sku } });
    say('info', t('count.needLot', { sku: product.sku }));
  });

  if (count.error && !count.data) return <JobScreen title={t('glossary.count')} back="/floor/count"><ErrorLine error={count.error} /></JobScreen>;
  if (!count.data) return <JobScreen title={t('glossary.count')} back="/floor/count"><Loading /></JobScreen>;
  const c = count.data;
  const bin = task.bin ?? (c.locations.length === 1 ? c.locations[0]!.code : null);
  const open = c.status === 'open' && !task.sent;
  const prompt = !open
    ? t('count.closed', { status: t(`count.status.${c.status}`) })
    : task.lotFor
      ? t('count.needLot', { sku: task.lotFor.sku })
      : bin
        ? t('count.scanItems', { bin })
        : t('count.scanBinFirst', { bins: c.locations.map((l) => l.code).join(', ') });

  const submit = () => {
    const body: CountSubmission = { lines: submissionLines(taskRef.current.lines) };
    update({ sent: true });
    queueScan('count', `/api/v1/stock/counts/${countId}/submit`, body, c.number);
    say('info', t('count.sending'));
  };

  return (
    <JobScreen title={`${t('glossary.count')} ${c.number}`} back="/floor/count">
      <Prompt text={prompt} message={message} />
      {open && task.lotFor && bin && (
        <TypedCode
          label={t('glossary.lot')}
          submit={t('app.confirm')}
          primary
          maxLength={64}
          onCode={(lot) => {
            if (!task.lotFor) return;
            update({ lots: { ...taskRef.current.lots, [task.lotFor.sku]: lot } });
            add(bin, task.lotFor.code, task.lotFor.sku, lot);
          }}
        />
      )}
      <ul className="fl-list" aria-label={t('count.lines')}>
        {task.lines.map((l, i) => (
          <li key={`${l.locationCode}|${l.sku}|${l.lot}`}>
            <span className="fl-bin">{l.locationCode}</span>
            <span className="fl-grow">
              {l.sku}
              {l.lot && <span className="fl-muted"> · {l.lot}</span>}
            </span>
            <span className="fl-qty">{l.quantity}</span>
            {open && (
              <button type="button" className="fl-back" aria-label={t('count.undo', { sku: l.sku })} onClick={() => update({ lines: undoScan(taskRef.current.lines, i) })}>
                −
              </button>
            )}
          </li>
        ))}
      </ul>
      {open && (
        <button type="button" className="fl-btn" onClick={submit}>
          {t('count.submit')}
        </button>
      )}
    </JobScreen>
  );
}
