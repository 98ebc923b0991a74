/** The first screen of pack and ship: scan (or type) the order number from the pick slip or tote. */
import { useState } from 'react';
import { useTranslation } from '../../../shared/i18n';
import { findOrderByNumber } from '../../data';
import { go } from '../../router';
import { useRefocusScan, useScanHandler } from '../../scan/ScanProvider';
import { JobScreen, Prompt, useFeedback } from '../../ui';

export function OrderLookup({ title, job }: { title: string; job: 'pack' | 'ship' }) {
  const { t } = useTranslation();
  const [message, say] = useFeedback();
  const [typed, setTyped] = useState('');
  const refocus = useRefocusScan();

  const open = async (code: string) => {
    const order = await findOrderByNumber(code).catch(() => null);
    if (!order) return say('bad', t('order.notFound', { code }));
    say('ok', order.number);
    go(`/floor/${job}/${order.id}`);
  };
  useScanHandler(open);

  return (
    <JobScreen title={title}>
      <Prompt text={t('order.scanNumber')} message={message} />
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
          <span>{t('order.typeNumber')}</span>
          <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="fl-btn secondary">
          {t('order.open')}
        </button>
      </form>
    </JobScreen>
  );
}
