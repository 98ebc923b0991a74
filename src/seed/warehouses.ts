/**
 * The demo's two warehouses and their location trees, through the API. Each has a receiving dock,
 * a forward picking zone, two storage zones (aisle → rack → bin, codes like A-01-02-03), a
 * quarantine cage and the shipping dock. Walking order: dock, pick faces, then the storage zones
 * snaking aisle by aisle, so a pick list reads like a walk.
 */
import type { SeedApi } from './api.js';

type LocationType = 'storage' | 'picking' | 'receiving' | 'shipping' | 'quarantine';
type LocationLevel = 'zone' | 'aisle' | 'rack' | 'bin';

export type DemoWarehouse = {
  id: number;
  code: string;
  /** Receiving dock doors, where goods wait to be put away. */
  docks: string[];
  /** Forward pick faces, first in the walk. */
  pickFaces: string[];
  /** Storage bins in walking order. */
  bins: string[];
  quarantine: string;
  shipping: string;
};

const WAREHOUSES = [
  { code: 'SH1', name: '上海一号仓 Shanghai DC', address: '上海市浦东新区 外高桥保税区 富特北路 288 号 (200131)' },
  { code: 'GZ1', name: '广州仓 Guangzhou DC', address: '广东省广州市 白云区 太和镇 广从一路 66 号 (510540)' },
] as const;

const STORAGE_ZONES = ['A', 'B'] as const;
const AISLES = 2;
const RACKS = 3;
const BINS_PER_RACK = 4;
const PICK_FACES = 12;
const BIN_CAPACITY = 240;
const PICK_FACE_CAPACITY = 60;

const pad = (n: number) => String(n).padStart(2, '0');

export async function seedWarehouses(api: SeedApi): Promise<DemoWarehouse[]> {
  const out: DemoWarehouse[] = [];
  for (const w of WAREHOUSES) {
    const { id } = await api.post<{ id: number }>('/api/v1/warehouses', w);
    const create = async (code: string, level: LocationLevel, type: LocationType, pickSequence: number, parentId?: number, capacity?: number) =>
      (
        await api.post<{ id: number }>(`/api/v1/warehouses/${id}/locations`, {
          code,
          level,
          type,
          pickSequence,
          ...(parentId === undefined ? {} : { parentId }),
          ...(capacity === undefined ? {} : { capacity }),
        })
      ).id;

    const receiving = await create('RCV', 'zone', 'receiving', 0);
    const docks = ['RCV-01', 'RCV-02'];
    for (const [i, code] of docks.entries()) await create(code, 'bin', 'receiving', i + 1, receiving);

    const pickZone = await create('P', 'zone', 'picking', 100);
    const pickAisle = await create('P-01', 'aisle', 'picking', 100, pickZone);
    const pickFaces: string[] = [];
    for (let r = 1; r <= PICK_FACES / 6; r++) {
      const rack = await create(`P-01-${pad(r)}`, 'rack', 'picking', 100 + (r - 1) * 6, pickAisle);
      for (let b = 1; b <= 6; b++) {
        const code = `P-01-${pad(r)}-${pad(b)}`;
        await create(code, 'bin', 'picking', 100 + pickFaces.length, rack, PICK_FACE_CAPACITY);
        pickFaces.push(code);
      }
    }

    const bins: string[] = [];
    let seq = 1000;
    for (const zone of STORAGE_ZONES) {
      const zoneId = await create(zone, 'zone', 'storage', seq);
      for (let a = 1; a <= AISLES; a++) {
        const aisle = await create(`${zone}-${pad(a)}`, 'aisle', 'storage', seq, zoneId);
        // Snake: down one aisle and back up the next, so the walk never doubles back.
        const racks = Array.from({ length: RACKS }, (_, i) => i + 1);
        for (const r of a % 2 === 1 ? racks : racks.reverse()) {
          const rack = await create(`${zone}-${pad(a)}-${pad(r)}`, 'rack', 'storage', seq, aisle);
          for (let b = 1; b <= BINS_PER_RACK; b++) {
            const code = `${zone}-${pad(a)}-${pad(r)}-${pad(b)}`;
            await create(code, 'bin', 'storage', seq++, rack, BIN_CAPACITY);
            bins.push(code);
          }
        }
      }
      seq += 1000 - (seq % 1000);
    }

    await create('QC', 'zone', 'quarantine', 8000);
    await create('SHIP', 'zone', 'shipping', 9000);
    out.push({ id, code: w.code, docks, pickFaces, bins, quarantine: 'QC', shipping: 'SHIP' });
  }
  return out;
}
