/** The returns dock (退货收货与质检): scan (or type) the RMA or order number written on the parcel. */
import { useState } from 'react';
import { useTranslation } from '../../../shared/i18n';
import { go } from '../../router';
import { useRefocusScan, useScanHandler } from '../../scan/ScanProvider';
import { JobScreen, Prompt, useFeedback } from '../../ui';
import { lookupReturn } from './api';

export function ReturnsLookup() {
  const { t } = useTranslation();
  const [message, say] = useFeedback();
  const [typed, setTyped] = useState('');
  const refocus = useRefocusScan();

  const open = async (code: string) => {
    const res = await lookupReturn(code.trim()).catch((err: unknown) => ({ problem: err instanceof Error ? err.message : String(err) }));
    if ('problem' in res) return say('bad', t('returnsDock.notFound', { code, detail: res.problem }));
    say('ok', res.found.rmaNumber ?? res.found.orderNumber);
    go(`/floor/returns/${res.found.id}`);
  };
  useScanHandler(open);

  return (
    <JobScreen title={t('returnsDock.title')}>
      <Prompt text={t('returnsDock.scanRma')} message={message} />
      <form
        className="fl-card"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed.trim()) void open(typed.trim());
          setTyped('');
          refocus();
        }}
      >
        <label className="fl-field">
          <span>{t('returnsDock.typeRma')}</span>
          <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" autoCapitalize="characters" />
        </label>
        <button type="submit" className="fl-btn secondary">
          {t('returnsDock.open')}
        </button>
      </form>
    </JobScreen>
  );
}
