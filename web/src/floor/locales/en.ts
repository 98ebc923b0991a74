/** The handheld's strings (the shared ones are in shared/locales). */
import type { DeepStrings } from '../../shared/locales/en';

export const floorEn = {
  floor: { jobs: 'Jobs' },
};

export type FloorMessages = DeepStrings<typeof floorEn>;
