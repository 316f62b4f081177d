#!/usr/bin/env node
// `npm start`: serves the demo host page (demo/index.html) on the embedded demo adapter,
// compiling TypeScript on the fly. PORT picks the port (default 8000).
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 8000);

const server = await startDevServer({
  config: {
    rootDir: root,
    port,
    hostname: process.env.HOST ?? 'localhost',
    nodeResolve: true,
    open: false,
    watch: false,
    plugins: [esbuildPlugin({ ts: true, target: 'es2021', tsconfig: `${root}tsconfig.json` })],
    middleware: [
      // The root URL is the demo.
      (ctx, next) => {
        if (ctx.path === '/') ctx.redirect('/demo/');
        return next();
      },
    ],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});

const url = `http://localhost:${server.config.port}/demo/`;
console.log(`\nCustomer Connect demo running at ${url}\nPress Ctrl+C to stop.\n`);
