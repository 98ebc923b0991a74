/** The returns dock (退货收货与质检): scan (or type) the RMA or order number written on the parcel. */
import { useTranslation } from '../../../shared/i18n';
import { go } from '../../router';
import { useScanHandler } from '../../scan/ScanProvider';
import { JobScreen, Prompt, TypedCode, useFeedback } from '../../ui';
import { lookupReturn } from './api';

export function ReturnsLookup() {
  const { t } = useTranslation();
  const [message, say] = useFeedback();

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
      <TypedCode label={t('returnsDock.typeRma')} submit={t('returnsDock.open')} onCode={open} autoCapitalize="characters" />
    </JobScreen>
  );
}
