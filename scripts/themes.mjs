// Writes the shipped theme files, dist/themes/{light,dark,auto}.css, from the built themes
// module (dist/themes.js, from src/themes.ts), so the CSS files and the JS export carry the
// same values. Runs at the end of `npm run build`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const { themeCss } = await import(join(dist, 'themes.js'));
mkdirSync(join(dist, 'themes'), { recursive: true });
for (const name of ['light', 'dark', 'auto']) {
  writeFileSync(join(dist, 'themes', `${name}.css`), themeCss(name));
}
console.log('themes: dist/themes/light.css, dark.css, auto.css');
