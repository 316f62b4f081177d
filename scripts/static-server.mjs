// One static file server for the scripts and node tests that open built files in a browser
// (the story check, the CSP suite, the manifest's Storybook check, the package's React
// example): @web/dev-server (the server web-test-runner and `npm start` use) with no
// plugins, so files go out as they are on disk, on a free loopback port.
//
//   const server = await serveStatic(dir, { headers, handle });
//   await page.goto(`${server.origin}/index.html`);
//   await server.close();
//
// `headers`: added to every answer, a 404 included — an object, or a function of the path
// (a Content-Security-Policy, cache rules). `handle(request, response)`: tried first for every
// request (a plain Node handler); resolves true when it answered (a report endpoint, a page
// made on the fly), else the file is served. `/dir/` serves `dir/index.html`; a path outside
// `dir` is not served.
import { startDevServer } from '@web/dev-server';

/** Serves `dir`; resolves to `{ origin, url, port, close() }` (`url` is `origin` + '/'). */
export async function serveStatic(dir, { headers = {}, handle } = {}) {
  const headersFor = typeof headers === 'function' ? headers : () => headers;
  const setHeaders = (ctx) => {
    for (const [name, value] of Object.entries(headersFor(ctx.path) ?? {})) ctx.set(name, value);
  };
  const server = await startDevServer({
    config: {
      rootDir: dir,
      port: 0,
      hostname: '127.0.0.1',
      middleware: [
        async (ctx, next) => {
          setHeaders(ctx);
          if (handle && (await handle(ctx.req, ctx.res))) {
            // Answered by `handle` on the raw response: Koa must not answer again.
            ctx.respond = false;
            return;
          }
          await next();
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
  return { origin, url: `${origin}/`, port, close: () => server.stop() };
}
