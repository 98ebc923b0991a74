/** The first screen of pack and ship: scan (or type) the order number from the pick slip or tote. */
import { useTranslation } from '../../../shared/i18n';
import { findOrderByNumber } from '../../data';
import { go } from '../../router';
import { useScanHandler } from '../../scan/ScanProvider';
import { JobScreen, Prompt, TypedCode, useFeedback } from '../../ui';

export function OrderLookup({ title, job }: { title: string; job: 'pack' | 'ship' }) {
  const { t } = useTranslation();
  const [message, say] = useFeedback();

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
      <TypedCode label={t('order.typeNumber')} submit={t('order.open')} onCode={open} />
    </JobScreen>
  );
}
