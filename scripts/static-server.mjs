// One static file server for the scripts and node tests that open built files in a browser
// (the story check, the CSP suite, the manifest's Storybook check, the packed package's
// suites): @web/dev-server (the server web-test-runner and `npm start` use) with no
// plugins, so files go out as they are on disk, on a free loopback port.
//
//   const server = await serveStatic(dir, { headers, handle, files });
//   const site = await serveStatic({ '/': pages, '/cdn/': cdnDir }, { headers: { 'Access-Control-Allow-Origin': '*' } });
//   await page.goto(`${server.origin}/index.html`);
//   await server.close();
//
// `dir`: a directory served at `/`, or mounts — URL prefix ('/', '/cdn/') → directory, the
// longest matching prefix wins, a path under no prefix is a 404. `headers`: added to every
// answer, a 404 included — an object, or a function of the path (a Content-Security-Policy,
// cache rules). `files`: exact paths answered with `{ body, type }` instead of a file (a page
// made for the test, a rewritten copy of a script). `handle(request, response)`: tried first
// for every request (a plain Node handler); resolves true when it answered (a report
// endpoint), else the file is served. `/dir/` serves `dir/index.html`; a path outside its
// directory is not served. The result's `requests` lists every path asked for, in order.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevServer } from '@web/dev-server';
import send from 'koa-send';

/** Serves `dir` (or mounts); resolves to `{ origin, url, port, requests, close() }` (`url` is `origin` + '/'). */
export async function serveStatic(dir, { headers = {}, handle, files = {} } = {}) {
  const mounts = typeof dir === 'string' ? { '/': dir } : dir;
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  // What the dev server serves by itself is `/`'s directory; other prefixes are sent from
  // theirs below. With no `/` mount it gets an empty directory of its own.
  const rootDir = mounts['/'] ?? mkdtempSync(join(tmpdir(), 'tn-static-'));
  const requests = [];
  const headersFor = typeof headers === 'function' ? headers : () => headers;
  const setHeaders = (ctx) => {
    for (const [name, value] of Object.entries(headersFor(ctx.path) ?? {})) ctx.set(name, value);
  };
  /** Answers from `files` or a mount other than `/`; true when it did. */
  const answer = async (ctx) => {
    const file = files[ctx.path];
    if (file) {
      ctx.type = file.type ?? ctx.path.split('/').pop();
      ctx.body = file.body;
      return true;
    }
    const prefix = prefixes.find((p) => ctx.path.startsWith(p));
    if (prefix === '/') return false;
    if (prefix === undefined) {
      ctx.status = 404;
      return true;
    }
    try {
      await send(ctx, ctx.path.slice(prefix.length) || '/', { root: mounts[prefix], index: 'index.html' });
    } catch {
      ctx.status = 404;
    }
    return true;
  };
  const server = await startDevServer({
    config: {
      rootDir,
      port: 0,
      hostname: '127.0.0.1',
      middleware: [
        async (ctx, next) => {
          setHeaders(ctx);
          requests.push(ctx.path);
          if (handle && (await handle(ctx.req, ctx.res))) {
            // Answered by `handle` on the raw response: Koa must not answer again.
            ctx.respond = false;
            return;
          }
          if (!(await answer(ctx))) await next();
          // Again after the file middleware, which sets its own (Cache-Control, for one).
          setHeaders(ctx);
        },
      ],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
    autoExitProcess: false,
  });
  const { port } = server.server.address();
  const origin = `http://127.0.0.1:${port}`;
  return { origin, url: `${origin}/`, port, requests, close: () => server.stop() };
}
