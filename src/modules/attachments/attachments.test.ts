import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/support/context.js';

const ctx = await useTestContext();

// A 1×1 PNG, as a signature pad or camera would send a (much larger) one.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/1Kq9VAAAAABJRU5ErkJggg==', 'base64');

async function upload(body: Buffer, type: string, query = '') {
  const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/attachments${query}`, headers: { authorization: `Bearer ${ctx.adminKey}`, 'content-type': type }, body });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}

describe('attachments', () => {
  it('stores a file as uploaded and gives back the same bytes, with an event', async () => {
    const up = await upload(PNG, 'image/png', '?filename=签名.png');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ contentType: 'image/png', size: PNG.length, filename: '签名.png' });
    expect(up.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const meta = await ctx.api.get(`/api/v1/attachments/${up.body.id}`);
    expect(meta.body).toEqual(up.body);
    const content = await ctx.app.inject({ method: 'GET', url: `/api/v1/attachments/${up.body.id}/content`, headers: { authorization: `Bearer ${ctx.adminKey}` } });
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('image/png');
    expect(content.rawPayload.equals(PNG)).toBe(true);
    const ev = await ctx.db.query<{ type: string }>(`SELECT type FROM events WHERE entity_type = 'attachment' AND entity_id = $1`, [String(up.body.id)]);
    expect(ev.rows.map((r) => r.type)).toEqual(['attachment.uploaded']);
  });

  it('refuses a file that is not what its type says, an empty one, an unknown type, and anonymous uploads', async () => {
    const fake = await upload(Buffer.from('not really a jpeg'), 'image/jpeg');
    expect(fake.status).toBe(422);
    expect(fake.body.field ?? fake.body.errors?.[0]?.field).toBe('file');
    expect((await upload(Buffer.alloc(0), 'image/png')).status).toBeGreaterThanOrEqual(400);
    expect((await upload(PNG, 'image/gif')).status).toBe(415);
    const anon = await ctx.app.inject({ method: 'POST', url: '/api/v1/attachments', headers: { 'content-type': 'image/png' }, body: PNG });
    expect(anon.statusCode).toBe(401);
    expect((await ctx.api.get('/api/v1/attachments/999999')).status).toBe(404);
    const { rows } = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments');
    expect(rows[0]!.n).toBe(1);
  });
});
