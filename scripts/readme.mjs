// README.md's generated sections: `npm run readme` rewrites everything between
// `<!-- generated:NAME -->` and `<!-- /generated -->` from the code, and
// `node scripts/readme.mjs --check` (part of `npm run lint`) fails when README.md differs
// from what it would write. Edit the code (or the wording here), never those sections.
//
// - `walkthrough-answers`: the verification answers of the Quick start, from a fresh demo
//   network (src/adapter/demo/, bundled for Node by esbuild) taken through the walkthrough.
// - `tokens`: the Theming table, from the custom elements manifest (the analyzer run in
//   memory with custom-elements-manifest.config.mjs, as `npm run manifest` does): the design
//   tokens documented on TnElement, then the tokens only one element reads.
// - `performance`: the picker's open against a bare virtual list and the search's first
//   result beyond its debounce, from the blocks `node bench/open.mjs` and
//   `node bench/first-result.mjs` last wrote into bench/README.md.
//
// It also writes docs/elements.md whole (the per-element reference, with each element's CSS
// parts and the tokens it documents itself: scripts/element-reference.mjs),
// and holds README.md to MAX_README_LINES: the README is what a newcomer reads first, so
// reference tables go to docs/elements.md and maintainer material to CONTRIBUTING.md,
// bench/README.md and server/README.md rather than back into it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cli as analyze } from '@custom-elements-manifest/analyzer/cli.js';
import { elementReference } from './element-reference.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const README = join(ROOT, 'README.md');
const REFERENCE = join(ROOT, 'docs/elements.md');
const MAX_README_LINES = 450;
const check = process.argv.includes('--check');

/** The demo adapter's module, bundled from src/ and imported in Node. */
async function demoModule() {
  const { outputFiles } = await build({
    entryPoints: [join(ROOT, 'src/adapter/demo/index.ts')],
    bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'error',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `2015-08-10` → `10 Aug 2015` (what a reader types in an English date field). */
const readableDate = (iso) => {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
};

/** The first invoice of the history as evidence, then the challenge a fresh network names. */
async function walkthroughAnswers() {
  const demo = await demoModule();
  const adapter = demo.createDemoAdapter({ latency: 0 });
  const outcome = await adapter.requestConnection({
    accountId: demo.DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt,
    entityIds: [demo.DEMO_IDS.demonstrationExampleBuyer],
    idempotencyKey: 'readme-walkthrough',
  });
  if (outcome.kind !== 'verification-required') throw new Error(`Demonstration Example Buyer: expected a verification, got ${outcome.kind}`);
  const id = outcome.verification.id;
  const evidence = demo.DEMO_INVOICE_HISTORY[0];
  const { session } = await adapter.submitVerificationEvidence(id, { invoiceNumber: evidence.number, invoiceDate: evidence.date, amount: evidence.amount });
  const challenge = demo.DEMO_INVOICE_HISTORY.find((invoice) => invoice.number === session.challenge?.invoiceNumber);
  if (!challenge) throw new Error(`the evidence ${evidence.number} did not lead to a challenge from the history (step ${session.step})`);
  const answered = await adapter.answerChallenge(id, { invoiceDate: challenge.date, amount: challenge.amount });
  if (answered.session.step !== 'verified') throw new Error(`the challenge's answer left the verification at ${answered.session.step}`);
  return `invoice ${evidence.number}, ${readableDate(evidence.date)}, ${evidence.amount.amount}, then the date and amount of the invoice the network names (on a fresh demo, ${challenge.number}: ${readableDate(challenge.date)}, ${challenge.amount.amount})`;
}

/**
 * The intervals the last benchmark runs wrote into bench/README.md's `open` and
 * `first-result` blocks, in a sentence (bench/results.json is not committed).
 */
function performanceSummary() {
  const bench = readFileSync(join(ROOT, 'bench/README.md'), 'utf8');
  const block = (name) => {
    const found = bench.match(new RegExp(`<!-- ${name}:begin[^>]*-->([^]*?)<!-- ${name}:end -->`));
    if (!found) throw new Error(`bench/README.md has no ${name} block`);
    return found[1];
  };
  /** The cells of the table row whose first cell starts with `label`. */
  const row = (text, label) => {
    const line = text.split('\n').find((l) => l.startsWith(`| ${label}`));
    if (!line) throw new Error(`bench/README.md: no row "${label}"`);
    return line.split('|').slice(1, -1).map((c) => c.trim());
  };
  const open = block('open');
  const picker = row(open, '`<tn-group-picker>`');
  const virtual = row(open, 'bare `@lit-labs/virtualizer` list');
  const demo = row(block('first-result'), 'demo adapter (answers at once)');
  const date = open.match(/\b(\d{4}-\d{2}-\d{2})\b/)[1];
  return (
    `The group picker opens 10,000 entities (200 countries) in ${picker[3].replace(' ×', '')} times the time of a bare virtual list ` +
    `(${picker[1]} against ${virtual[1]}; budget 1.5), and the search paints its first results ${demo[3]} after its ` +
    `${demo[2]} debounce on the demo adapter (budget one frame, 16.7 ms); 95 % intervals, ${date}`
  );
}

/** The manifest `npm run manifest` would write, without writing it. */
const manifest = () =>
  analyze({ argv: ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], cwd: ROOT, noWrite: true });

const cell = (text) => String(text).replaceAll('|', '\\|').replace(/\s+/g, ' ');
/** `Background of pending badges.` → `background of pending badges` */
const phrase = (text = '') => text.trim().replace(/\.$/, '').replace(/^[A-Z](?![A-Z])/, (c) => c.toLowerCase());
const code = (text) => `\`${text}\``;

function tokenTable(elements, base) {
  const rows = base.cssProperties.map((token) => [token.name, token.default, phrase(token.description)]);
  // By tag name: the analyzer lists modules in the order the file system gives them, which
  // differs from one disk to another (a fresh clone in CI put the elements in another order
  // than the machine that wrote README.md, and the check failed on an unchanged table).
  const byTag = [...elements].sort((a, b) => a.tagName.localeCompare(b.tagName));
  for (const element of byTag) {
    for (const token of element.cssProperties ?? []) {
      if (!token.inheritedFrom && !rows.some(([name]) => name === token.name)) {
        rows.push([token.name, token.default, `${code(`<${element.tagName}>`)}: ${phrase(token.description)}`]);
      }
    }
  }
  const table = ['| token | default | what it sets |', '| --- | --- | --- |'];
  for (const [name, fallback, description] of rows) {
    table.push(`| ${code(name)} | ${fallback === undefined ? '—' : code(cell(fallback))} | ${cell(description)} |`);
  }
  return table.join('\n');
}

const declarations = (await manifest()).modules.flatMap((module) => module.declarations ?? []);
const base = declarations.find((declaration) => declaration.name === 'TnElement');
if (!base?.cssProperties?.length) throw new Error('the manifest has no design tokens on TnElement');
const customElements = declarations.filter((declaration) => declaration.customElement && declaration.tagName);
const generated = new Map([
  ['walkthrough-answers', { inline: true, text: await walkthroughAnswers() }],
  ['tokens', { text: tokenTable(customElements, base) }],
  ['performance', { inline: true, text: performanceSummary() }],
]);
const readme = readFileSync(README, 'utf8');
const problems = [];
const seen = new Set();
const stale = [];
const updated = readme.replace(/<!-- generated:([^>]+?) -->([^]*?)<!-- \/generated -->/g, (whole, name, old) => {
  const section = generated.get(name);
  if (!section) {
    problems.push(`README.md has a section "${name}" that scripts/readme.mjs does not generate`);
    return whole;
  }
  seen.add(name);
  const body = section.inline ? section.text : `\n${section.text}\n`;
  if (body !== old) stale.push(name);
  return `<!-- generated:${name} -->${body}<!-- /generated -->`;
});
for (const name of generated.keys()) {
  if (!seen.has(name)) problems.push(`README.md lacks the section "${name}": put back its <!-- generated:${name} --> … <!-- /generated --> markers`);
}

const exportsMap = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).exports;
const reference = elementReference(customElements, base, exportsMap);
let oldReference = '';
try {
  oldReference = readFileSync(REFERENCE, 'utf8');
} catch {
  // not written yet
}
if (reference !== oldReference) {
  if (check) problems.push('docs/elements.md is out of date. Run `npm run readme` and commit it.');
  else {
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    writeFileSync(REFERENCE, reference);
    console.log('docs/elements.md: rewritten.');
  }
}

const sectionsReadable = problems.length === 0;
const lines = updated.split('\n').length - (updated.endsWith('\n') ? 1 : 0);
if (lines > MAX_README_LINES) {
  problems.push(`README.md has ${lines} lines, over its ${MAX_README_LINES}: move reference material to docs/elements.md (generated from the JSDoc) and maintainer material to CONTRIBUTING.md, bench/README.md or server/README.md`);
}

if (sectionsReadable && updated !== readme) {
  if (check) problems.push(`README.md: generated sections out of date (${stale.join(', ')}). Run \`npm run readme\` and commit README.md.`);
  else {
    writeFileSync(README, updated);
    console.log(`README.md: rewrote ${stale.join(', ')}.`);
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
} else {
  console.log(`README.md: ${generated.size} generated sections up to date, ${lines} lines (at most ${MAX_README_LINES}); docs/elements.md up to date.`);
}
