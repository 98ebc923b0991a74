/** The formatters bound to the reader's language and a warehouse's time zone. */
import { useTranslation } from '../../shared/i18n';
import { useTimeZone } from '../hooks/warehouses';
import { formatDateTime, formatMoney, formatQuantity } from './format';

export function useFormat(warehouseId?: number) {
  const { i18n } = useTranslation();
  const timeZone = useTimeZone(warehouseId);
  const lang = i18n.language;
  return {
    timeZone,
    dateTime: (iso: string | null | undefined) => formatDateTime(iso, timeZone, lang),
    money: (amount: number, currency: string) => formatMoney(amount, currency, lang),
    qty: (n: number) => formatQuantity(n, lang),
  };
}
