// `node --import ./bench/tachometer-chromedriver.mjs …tachometer…`: the `chromedriver`
// module tachometer imports before it drives Chrome resolves to the stand-in in
// bench/tachometer/modules/chromedriver, so that tachometer neither installs the npm
// package nor downloads a driver. Tachometer first checks that the module resolves
// (require.resolve in a child process): NODE_PATH, set by bench/tachometer.mjs, answers that
// check; this hook, the import.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
      const shim = ${JSON.stringify(new URL('./tachometer/modules/chromedriver/index.cjs', import.meta.url).href)};
      export async function resolve(specifier, context, next) {
        if (specifier === 'chromedriver') return { url: shim, format: 'commonjs', shortCircuit: true };
        return next(specifier, context);
      }`),
);
