/** Upload a file as the request body; read it back by id (not when it is on another warehouse's record: 404). */
import { z } from 'zod';
import { eventScope } from '../../platform/auth/scope.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { ATTACHMENT_TYPES, getAttachment, MAX_ATTACHMENT_BYTES, readAttachment, saveAttachment } from './attachments.service.js';
import { Id } from '../../platform/http/schemas.js';

const tags = ['attachments'];

export const AttachmentDto = z.object({
  id: z.number().int(),
  contentType: z.enum(ATTACHMENT_TYPES),
  size: z.number().int(),
  sha256: z.string(),
  filename: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export function attachmentRoutes(app: App, { db }: AppContext) {
  // The file is the body, as the client has it: no base64, no multipart framing.
  app.addContentTypeParser([...ATTACHMENT_TYPES], { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_req, body, done) => done(null, body));

  app.post(
    '/api/v1/attachments',
    {
      bodyLimit: MAX_ATTACHMENT_BYTES,
      config: { authenticated: true },
      schema: {
        tags,
        summary: 'Upload a photo, signature or PDF (the raw file as the body, with its Content-Type); returns the id to reference it by',
        querystring: z.object({ filename: z.string().min(1).max(255).optional().describe('The file name to keep with it') }),
        response: { 201: AttachmentDto },
      },
    },
    async (req, reply) => {
      const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const a = await db.transaction((tx) => saveAttachment(tx, principal(req).actor, { contentType: type, bytes: body, filename: req.query.filename }));
      reply.code(201);
      return a;
    },
  );

  app.get(
    '/api/v1/attachments/:id',
    { config: { authenticated: true }, schema: { tags, summary: 'What is known of an attachment', params: z.object({ id: Id }), response: { 200: AttachmentDto } } },
    async (req) => getAttachment(db, req.params.id, eventScope(principal(req))),
  );

  app.get(
    '/api/v1/attachments/:id/content',
    { config: { authenticated: true }, schema: { tags, summary: 'The file itself', params: z.object({ id: Id }) } },
    async (req, reply) => {
      const a = await readAttachment(db, req.params.id, eventScope(principal(req)));
      reply.header('content-type', a.contentType);
      reply.header('etag', `"${a.sha256}"`);
      reply.header('cache-control', 'private, max-age=31536000, immutable');
      reply.header('x-content-type-options', 'nosniff');
      if (a.filename) reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(a.filename)}`);
      return reply.send(a.bytes);
    },
  );
}
