/** 手持终端的文字；键与 en.ts 一致。 */
import type { FloorMessages } from './en';

export const floorZhCN: FloorMessages = {
  floor: { jobs: '作业' },
};
