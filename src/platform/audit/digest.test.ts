/** What counts as the same sealed record: every field, in a key order that cannot vary. */
import { describe, expect, it } from 'vitest';
import { blockHash, canonicalJson, eventDigest, GENESIS_HASH, type SealedEvent } from './digest.js';

const event: SealedEvent = {
  id: 7,
  txId: '812',
  type: 'order.packed',
  entityType: 'order',
  entityId: '42',
  customerId: 3,
  actor: 'user:1',
  credential: 'session:0123456789ab',
  address: '203.0.113.7',
  payload: { parcels: [{ weightG: 1200, sku: 'TEA-1' }], note: '含税 "quoted"' },
  occurredAt: '2026-03-01T08:00:00.123456Z',
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }, 2], é: true })).toBe('{"a":[{"c":"x","d":null},2],"b":1,"é":true}');
  });
  it('gives one text for the same value whatever the key order', () => {
    expect(canonicalJson({ z: { y: 1, x: 2 }, a: 0 })).toBe(canonicalJson({ a: 0, z: { x: 2, y: 1 } }));
  });
});

describe('eventDigest', () => {
  it('does not depend on the order of the payload keys', () => {
    const reordered = { ...event, payload: { note: '含税 "quoted"', parcels: [{ sku: 'TEA-1', weightG: 1200 }] } };
    expect(eventDigest(reordered).equals(eventDigest(event))).toBe(true);
  });
  it('changes with every sealed field', () => {
    const changes: Partial<SealedEvent>[] = [
      { id: 8 },
      { type: 'order.shipped' },
      { entityType: 'return' },
      { entityId: '43' },
      { customerId: null },
      { actor: 'user:2' },
      { credential: 'api_key:1' },
      { address: null },
      { payload: { parcels: [] } },
      { occurredAt: '2026-03-01T08:00:00.123457Z' },
    ];
    for (const change of changes) expect(eventDigest({ ...event, ...change }).equals(eventDigest(event)), JSON.stringify(change)).toBe(false);
  });
  it('does not depend on the transaction id, which a restore may renumber (order kept; the block seals the order)', () => {
    expect(eventDigest({ ...event, txId: '9000813' }).equals(eventDigest(event))).toBe(true);
  });
});

describe('blockHash', () => {
  const block = { id: 1, prevHash: GENESIS_HASH, firstTxId: '812', firstEventId: 7, lastTxId: '812', lastEventId: 7, eventIds: [7], eventDigests: eventDigest(event) };
  it('links to the previous block and covers every event digest', () => {
    const hash = blockHash(block);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(blockHash({ ...block, prevHash: 'f'.repeat(64) })).not.toBe(hash);
    expect(blockHash({ ...block, eventDigests: eventDigest({ ...event, address: null }) })).not.toBe(hash);
    expect(blockHash({ ...block, eventIds: [8] })).not.toBe(hash);
  });
});
