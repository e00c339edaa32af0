/**
 * The public site under /cong-khai: server-rendered HTML pages, the approved reports as PDF and Word,
 * the open data files and the stylesheet. No session is read and nothing is written: every route here
 * is public by rule and shows only published reports. Pages carry an ETag and Last-Modified made of
 * the publication decisions (the only thing that changes them) and are revalidated on each visit; the
 * stylesheet has a hashed name and is cached for a year.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { unsafeTextProblem } from '@core/schemas/common.schemas';
import { YearLimits } from '@core/validations';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { systemActor } from '../auth/access';
import type { ExportService } from '../export/export.service';
import { toCsv, toJson } from './open-data';
import {
  escapeHtml,
  indicatorPage,
  localityPage,
  nationPage,
  notFoundPage,
  openDataPage,
  page,
} from './public.html';
import type { PublicSiteService } from './public.service';

const CSS = readFileSync(new URL('./site.css', import.meta.url));
const CSS_HASH = createHash('sha256').update(CSS).digest('hex').slice(0, 12);
/** The stylesheet's address: its name changes with its content, so it can be cached for ever. */
export const CSS_PATH = `/cong-khai/tai-nguyen/site.${CSS_HASH}.css`;
/** Pages made by another build of the server differ: the build is part of every ETag. */
const BUILD_KEY = `${CSS_HASH}:${process.env.npm_package_version ?? ''}:${Date.now()}`;

const PUBLIC_CONTEXT = { actor: systemActor('trang công khai'), ip: null, userAgent: null };
const PAGE_CACHE = 'public, max-age=0, must-revalidate';

/** Every route of the public site (method and path), for the tests that read them anonymously. */
export const PUBLIC_SITE_ROUTES = [
  '/cong-khai',
  '/cong-khai/dia-phuong/:code',
  '/cong-khai/dia-phuong/:code/chi-tieu/:indicatorId',
  '/cong-khai/bao-cao/:file',
  '/cong-khai/du-lieu',
  '/cong-khai/du-lieu/:file',
  CSS_PATH,
] as const;

type Query = { nam?: string; q?: string };

class BadQuery extends Error {}

/** Reads ?nam= and ?q=. @throws BadQuery with a Vietnamese message */
const readQuery = (query: Query): { year?: number; query?: string } => {
  const out: { year?: number; query?: string } = {};
  if (query.nam !== undefined && query.nam !== '') {
    const year = Number(query.nam);
    if (!Number.isInteger(year) || year < YearLimits.min || year > YearLimits.max)
      throw new BadQuery(
        `Năm “${String(query.nam).slice(0, 20)}” không hợp lệ: hãy chọn một năm từ ${YearLimits.min} đến ${YearLimits.max}.`,
      );
    out.year = year;
  }
  if (typeof query.q === 'string') {
    const problem = unsafeTextProblem(query.q);
    if (problem) throw new BadQuery(`Từ khóa tìm kiếm ${problem}.`);
    if (query.q.length > 200) throw new BadQuery('Từ khóa tìm kiếm dài quá 200 ký tự.');
    out.query = query.q.normalize('NFC').trim();
  }
  if (Array.isArray(query.nam) || Array.isArray(query.q))
    throw new BadQuery('Mỗi tham số chỉ được ghi một lần.');
  return out;
};

const html = (reply: FastifyReply, status: number, body: string) =>
  reply.code(status).header('Content-Type', 'text/html; charset=utf-8').send(body);

/**
 * Answers 304 when the client's copy is current, else sets ETag, Last-Modified and Cache-Control.
 * @returns true when the 304 was sent
 */
const revalidate = (
  request: FastifyRequest,
  reply: FastifyReply,
  stamp: { key: string; last: Date | null },
): boolean => {
  const etag = `"${createHash('sha256').update(`${BUILD_KEY}|${stamp.key}|${request.url}`).digest('base64url').slice(0, 27)}"`;
  reply.header('ETag', etag);
  reply.header('Cache-Control', PAGE_CACHE);
  if (stamp.last) reply.header('Last-Modified', stamp.last.toUTCString());
  const match = request.headers['if-none-match'];
  if (match?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    reply.code(304).send();
    return true;
  }
  return false;
};

/**
 * Registers the public site on the app.
 *
 * @param services - the public site's data and the export of approved reports
 */
export const registerPublicSite = (
  app: FastifyInstance,
  services: {
    publicSite: PublicSiteService;
    export: Pick<ExportService, 'consolidatedPdf' | 'consolidatedDocx'>;
  },
): void => {
  const site = services.publicSite;
  const notFound = (reply: FastifyReply) =>
    html(reply.header('Cache-Control', 'no-cache'), 404, notFoundPage(CSS_PATH));
  const badRequest = (reply: FastifyReply, message: string) =>
    html(
      reply.header('Cache-Control', 'no-cache'),
      400,
      page({
        title: 'Yêu cầu không hợp lệ',
        css: CSS_PATH,
        crumbs: [{ label: 'Toàn quốc', href: '/cong-khai' }, { label: 'Yêu cầu không hợp lệ' }],
        body: `<h1>Yêu cầu không hợp lệ</h1><p>${escapeHtml(message)}</p><p><a href="/cong-khai">Về trang chủ công khai</a></p>`,
      }),
    );

  /** A page: 304 when unchanged, 400 on a bad query, 404 when the view does not exist. */
  const servePage =
    <P>(render: (params: P, query: { year?: number; query?: string }) => Promise<string | undefined>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      let query: { year?: number; query?: string };
      try {
        query = readQuery(request.query as Query);
      } catch (error) {
        if (error instanceof BadQuery) return badRequest(reply, error.message);
        throw error;
      }
      if (revalidate(request, reply, await site.stamp())) return reply;
      const body = await render(request.params as P, query);
      if (body === undefined) return notFound(reply);
      return html(reply, 200, body);
    };

  const options = { schema: { hide: true } };
  const nation = servePage(async (_params, query) => nationPage(CSS_PATH, await site.nation(query)));
  app.get('/cong-khai', options, nation);
  app.get('/cong-khai/', options, nation);
  app.get(
    '/cong-khai/dia-phuong/:code',
    options,
    servePage<{ code: string }>(async ({ code }, query) => {
      const view = await site.locality(code, query);
      return view && localityPage(CSS_PATH, view);
    }),
  );
  app.get(
    '/cong-khai/dia-phuong/:code/chi-tieu/:indicatorId',
    options,
    servePage<{ code: string; indicatorId: string }>(async ({ code, indicatorId }) => {
      if (!/^[0-9a-f-]{36}$/i.test(indicatorId)) return undefined;
      const view = await site.indicator(code, indicatorId);
      return view && indicatorPage(CSS_PATH, view);
    }),
  );
  app.get(
    '/cong-khai/du-lieu',
    options,
    servePage(async () => openDataPage(CSS_PATH)),
  );

  app.get('/cong-khai/du-lieu/:file', options, async (request, reply) => {
    const match = /^(.+)\.(csv|json)$/.exec((request.params as { file: string }).file);
    if (!match) return notFound(reply);
    const [, code, format] = match as unknown as [string, string, 'csv' | 'json'];
    if (revalidate(request, reply, await site.stamp())) return reply;
    const records = await site.openData(code === 'toan-quoc' ? undefined : code);
    if (!records) return notFound(reply);
    const name = code === 'toan-quoc' ? 'toan-quoc' : code;
    return reply
      .code(200)
      .header(
        'Content-Type',
        format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      )
      .header(
        'Content-Disposition',
        `inline; filename="so-lieu-cong-khai-${name.replace(/[^\w.-]/g, '_')}.${format}"`,
      )
      .header('Access-Control-Allow-Origin', '*')
      .send(format === 'csv' ? toCsv(records) : toJson(records, name));
  });

  app.get('/cong-khai/bao-cao/:file', options, async (request, reply) => {
    const match = /^([0-9a-f-]{36})\.(pdf|docx)$/i.exec((request.params as { file: string }).file);
    if (!match) return notFound(reply);
    const [, id, format] = match as unknown as [string, string, 'pdf' | 'docx'];
    if (revalidate(request, reply, await site.stamp())) return reply;
    const row = await site.publicationInForce(id.toLowerCase());
    if (!row) return notFound(reply);
    const file =
      format === 'pdf'
        ? await services.export.consolidatedPdf(PUBLIC_CONTEXT, row.periodId, row.version)
        : await services.export.consolidatedDocx(PUBLIC_CONTEXT, row.periodId, row.version);
    return reply
      .code(200)
      .header('Content-Type', file.contentType)
      .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.bytes);
  });

  app.get(CSS_PATH, options, async (_request, reply) =>
    reply
      .code(200)
      .header('Content-Type', 'text/css; charset=utf-8')
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .header('ETag', `"${CSS_HASH}"`)
      .send(CSS),
  );
  // Anything else under /cong-khai is a page that does not exist (not the web app's sign-in).
  app.get('/cong-khai/*', options, async (_request, reply) => notFound(reply));
};
