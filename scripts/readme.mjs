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
// - `parts <tag>`: an element's CSS parts and the tokens it documents itself, from the manifest.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cli as analyze } from '@custom-elements-manifest/analyzer/cli.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const README = join(ROOT, 'README.md');
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

/** The manifest `npm run manifest` would write, without writing it. */
const manifest = () =>
  analyze({ argv: ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], cwd: ROOT, noWrite: true });

const cell = (text) => String(text).replaceAll('|', '\\|').replace(/\s+/g, ' ');
/** `Background of pending badges.` → `background of pending badges` */
const phrase = (text = '') => text.trim().replace(/\.$/, '').replace(/^[A-Z](?![A-Z])/, (c) => c.toLowerCase());
const code = (text) => `\`${text}\``;
const list = (items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** Words joined into lines of at most `width`; no line starts with what Markdown reads as a block. */
function wrap(text, width = 92) {
  const lines = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    const opensBlock = /^([-+*>#|=]|\d+[.)])/.test(word);
    if (last !== undefined && (last.length + 1 + word.length <= width || opensBlock)) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

function tokenTable(elements, base) {
  const rows = base.cssProperties.map((token) => [token.name, token.default, phrase(token.description)]);
  for (const element of elements) {
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

/** "Parts: `…`." plus the tokens an element documents itself: its own, and shared ones it describes anew. */
function partsOf(element, base) {
  const sentences = [`Parts: ${code((element.cssParts ?? []).map((part) => part.name).join(' '))}.`];
  const baseDescription = new Map(base.cssProperties.map((token) => [token.name, token.description]));
  const tokens = element.cssProperties ?? [];
  const own = tokens.filter((token) => !token.inheritedFrom);
  const shared = tokens.filter((token) => token.inheritedFrom && token.description !== baseDescription.get(token.name));
  if (own.length) {
    sentences.push(`Its own ${own.length > 1 ? 'tokens' : 'token'}: ${list(own.map((token) => `${code(token.name)} (default ${code(token.default)}), ${phrase(token.description)}`))}.`);
  }
  if (shared.length) {
    sentences.push(`Of the shared tokens: ${list(shared.map((token) => `${code(token.name)} (${phrase(token.description)})`))}.`);
  }
  return wrap(sentences.join(' '));
}

async function sections() {
  const declarations = (await manifest()).modules.flatMap((module) => module.declarations ?? []);
  const base = declarations.find((declaration) => declaration.name === 'TnElement');
  if (!base?.cssProperties?.length) throw new Error('the manifest has no design tokens on TnElement');
  const elements = declarations.filter((declaration) => declaration.customElement && declaration.tagName && declaration.cssParts?.length);
  return new Map([
    ['walkthrough-answers', { inline: true, text: await walkthroughAnswers() }],
    ['tokens', { text: tokenTable(elements, base) }],
    ...elements.map((element) => [`parts ${element.tagName}`, { text: partsOf(element, base) }]),
  ]);
}

const generated = await sections();
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

if (problems.length) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
} else if (updated === readme) {
  console.log(`README.md: ${generated.size} generated sections up to date.`);
} else if (check) {
  console.error(`README.md: generated sections out of date (${stale.join(', ')}). Run \`npm run readme\` and commit README.md.`);
  process.exitCode = 1;
} else {
  writeFileSync(README, updated);
  console.log(`README.md: rewrote ${stale.join(', ')}.`);
}
