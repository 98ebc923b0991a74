/** A look-up made for a scan that tolerates the network being down: `offline` instead of an error. */
import { NetworkError } from '../../../shared/api';

export const OFFLINE = 'offline' as const;

export async function orOffline<T>(lookup: Promise<T>): Promise<T | typeof OFFLINE> {
  try {
    return await lookup;
  } catch (err) {
    if (err instanceof NetworkError) return OFFLINE;
    throw err;
  }
}
