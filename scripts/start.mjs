#!/usr/bin/env node
// `npm start`: serves the demo host page (demo/index.html) on the embedded demo adapter,
// compiling TypeScript on the fly. PORT picks the port (default 8000).
//
// `npm start -- --server` (or `npm run start:server`): the same page on the reference API
// server (server/) through the REST adapter. The API server starts in this process on
// API_PORT (default 8787, loopback only) with a bearer token made for this run, CORS for
// the demo's origin and 150–450 ms of simulated latency, logs one line per request here, and
// the demo URL carries `?api=<its base URL>`. The demo page gets the server's URL and token
// in a `<meta name="tn-demo-api">`, and sends the token to that URL only.
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 8000);
const hostname = process.env.HOST ?? 'localhost';
const withServer = process.argv.slice(2).includes('--server');

let api;
const apiToken = randomUUID();
if (withServer) {
  const { startReferenceServer } = await import('../server/server.mjs');
  const origins = new Set([`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://${hostname}:${port}`]);
  try {
    api = await startReferenceServer({
      port: Number(process.env.API_PORT ?? 8787),
      corsOrigins: [...origins],
      token: apiToken,
      latency: { min: 150, max: 450 },
      log: (line) => console.log(`[api] ${line}`),
    });
  } catch (error) {
    console.error(`The reference API server could not start: ${error.message} (API_PORT=… picks another port).`);
    process.exit(1);
  }
}

const server = await startDevServer({
  config: {
    rootDir: root,
    port,
    hostname,
    nodeResolve: true,
    open: false,
    watch: false,
    plugins: [
      esbuildPlugin({ ts: true, target: 'es2021', tsconfig: `${root}tsconfig.json` }),
      {
        // The API server this process started, and its token, for the demo page (demo/demo.ts).
        name: 'tn-demo-api',
        transform(context) {
          if (!api || !/^\/demo\/(index\.html)?$/.test(context.path)) return undefined;
          const meta = `<meta name="tn-demo-api" content="${api.url}" data-token="${apiToken}">`;
          return { body: String(context.body).replace('</head>', `  ${meta}\n</head>`) };
        },
      },
    ],
    middleware: [
      // The root URL is the demo; with --server, the demo always points at the API server.
      (ctx, next) => {
        if (ctx.path === '/') ctx.redirect(api ? `/demo/?api=${encodeURIComponent(api.url)}` : '/demo/');
        else if (api && /^\/demo\/(index\.html)?$/.test(ctx.path) && !ctx.query.api) {
          const query = new URLSearchParams({ ...ctx.query, api: api.url });
          ctx.redirect(`${ctx.path}?${query}`);
        }
        return next();
      },
    ],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
}).catch(async (error) => {
  console.error(`The demo server could not start: ${error.message} (PORT=… picks another port).`);
  await api?.close();
  process.exit(1);
});

const url = `http://localhost:${server.config.port}/demo/`;
if (api) {
  console.log(`\nCustomer Connect demo on the reference API server (${api.url}):`);
  console.log(`  ${url}?api=${encodeURIComponent(api.url)}\nPress Ctrl+C to stop.\n`);
} else {
  console.log(`\nCustomer Connect demo running at ${url}\nPress Ctrl+C to stop.\n`);
}
