/** Serves the built inbox app, the widget script and the share-link chat page. */
import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Context } from '../../context.js';
import { notFound } from '../../lib/errors.js';

export interface StaticPaths {
  webDist: string;
  widgetDist: string;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function staticRoutes(app: FastifyInstance, ctx: Context & { paths: StaticPaths }) {
  const { webDist, widgetDist } = ctx.paths;
  if (existsSync(webDist)) {
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      // Looked up per request, so a rebuilt inbox is served without a restart.
      wildcard: true,
      index: 'index.html',
      cacheControl: false,
      setHeaders(response, path) {
        // Vite names bundles by content hash: they never change; the page itself always may.
        response.header(
          'cache-control',
          path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }

  for (const file of ['widget.js', 'share.js']) {
    app.get(`/${file}`, async (_request, reply) => {
      const path = join(widgetDist, file);
      if (!existsSync(path)) throw notFound(`${file} (run npm run build)`);
      reply.header('cache-control', 'public, max-age=300');
      reply.header('access-control-allow-origin', '*');
      return reply.type('application/javascript; charset=utf-8').send(readFileSync(path));
    });
  }

  app.get<{ Params: { slug: string } }>('/c/:slug', async (request, reply) => {
    const assistant = await ctx.db
      .selectFrom('assistants')
      .select(['public_key', 'name'])
      .where('share_slug', '=', request.params.slug)
      .executeTakeFirst();
    if (!assistant) throw notFound('This chat link');
    const template = readFileSync(join(widgetDist, 'share.html'), 'utf8');
    const meta = [
      `<meta name="parley-key" content="${escapeAttribute(assistant.public_key)}">`,
      '<meta name="parley-api" content="">',
      `<title>${escapeAttribute(assistant.name)}</title>`,
    ].join('\n    ');
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(template.replace('</head>', `    ${meta}\n  </head>`));
  });

  // The inbox is a single-page app: unknown page paths get its index. A missing file (a path
  // with an extension, e.g. an old /assets bundle) is a real 404, never the app page.
  const indexPath = join(webDist, 'index.html');
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !request.url.startsWith('/webhooks/') &&
      !/\.[a-z0-9]+$/i.test(request.url.split('?')[0] ?? '');
    if (isPage && existsSync(indexPath)) {
      return reply.type('text/html; charset=utf-8').send(readFileSync(indexPath));
    }
    return reply.status(404).send({
      error: {
        code: 'not_found',
        message: `No route for ${request.method} ${request.url.split('?')[0]}`,
      },
    });
  });
}
