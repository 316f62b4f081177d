/**
 * Sections of README.md for the documentation site's guides (stories/*.mdx), so each thing
 * is written once: the README says how to install and use the package in each host, the
 * Content Security Policy, localization and adapters, and the guides show those same
 * sections beside what only the site has (the entry-point and event tables, the toolbar,
 * live stories). A guide renders one with `<Markdown>{readmeSection('### React')}</Markdown>`,
 * and a companion file of docs/ whole with `docsFile('localization.md')`.
 *
 * README links are made to work on the site: its own anchors and `docs/elements.md#tn-x`
 * point to the guide or element page that holds the same thing; a link to another file of
 * the repository becomes its path as text (the site ships no copy of it).
 */
import readme from '../README.md?raw';
import localization from '../docs/localization.md?raw';

/** The README's longer companions in docs/ that a guide shows whole, by file name. */
const DOCS: Record<string, string> = { 'localization.md': localization };

/** The elements that have stories, hence a docs page: `tn-customer-search`, … */
const ELEMENT_PAGES = new Set(
  Object.keys(import.meta.glob('./*.stories.ts')).map((path) => `tn-${path.replace(/^\.\/(.*)\.stories\.ts$/, '$1')}`),
);

/** README anchors, and docs/*.md files shown on a guide → that guide. */
const GUIDE_OF_ANCHOR: Record<string, string> = {
  '#adapters': 'adapters--docs',
  '#one-attribute-the-provider': 'integration--docs',
  '#theming': 'theming--docs',
  '#localization': 'localization--docs',
  'docs/localization.md': 'localization--docs',
};

const pageLink = (id: string) => `?path=/docs/${id}`;

/** One README link as the site shows it: a page of the site, the path as text, or unchanged. */
function siteLink(text: string, target: string): string {
  if (/^[a-z]+:/i.test(target)) return `[${text}](${target})`;
  // From docs/*.md: `../README.md#x` is the README's `#x`, `../x` the repository's `x`.
  if (target.startsWith('../')) target = target.slice(3).replace(/^README\.md(?=#)/, '');
  if (GUIDE_OF_ANCHOR[target]) return `[${text}](${pageLink(GUIDE_OF_ANCHOR[target])})`;
  const element = /^docs\/elements\.md#(tn-[a-z-]+)$/.exec(target)?.[1];
  if (element && ELEMENT_PAGES.has(element)) return `[${text}](${pageLink(`elements-${element}--docs`)})`;
  const file = target.replace(/#.*$/, '');
  return text === file || text === `\`${file}\`` ? `\`${file}\`` : `${text} (\`${file}\`)`;
}

/**
 * The body of the README section under `heading` (`'### React'`, written exactly as in the
 * README), up to the next heading of the same or a higher level, without the heading itself:
 * the guide writes its own. `from` starts the body at a paragraph that begins with that text,
 * `until` ends it before one.
 * `level` is the level the section takes on the guide's page: headings inside it move with it
 * (`## Adapters` shown as the page's `#` turns its `###` into `##`). A missing heading or
 * paragraph throws, so a README edit that breaks a guide fails `npm run check-stories`.
 */
export function readmeSection(
  heading: string,
  { from, until, level }: { from?: string; until?: string; level?: number } = {},
): string {
  const lines = readme.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`README.md has no heading "${heading}"`);
  const own = heading.indexOf(' ');
  let end = lines.findIndex((line, index) => {
    if (index <= start || !line.startsWith('#')) return false;
    const hashes = line.indexOf(' ');
    return hashes > 0 && hashes <= own && /^#+$/.test(line.slice(0, hashes));
  });
  if (end < 0) end = lines.length;
  let body = lines.slice(start + 1, end);
  if (from) {
    const at = body.findIndex((line) => line.startsWith(from));
    if (at < 0) throw new Error(`README.md's "${heading}" has no paragraph starting "${from}"`);
    body = body.slice(at);
  }
  if (until) {
    const at = body.findIndex((line) => line.startsWith(until));
    if (at < 0) throw new Error(`README.md's "${heading}" has no paragraph starting "${until}"`);
    body = body.slice(0, at);
  }
  return forTheSite(body, level === undefined ? 0 : own - level);
}

/**
 * `docs/<file>` as a guide shows it: from its first `##` heading on (its title and the
 * sentence pointing back to the README are the guide's own), links made to work on the site.
 */
export function docsFile(file: string): string {
  const text = DOCS[file];
  if (text === undefined) throw new Error(`docs/${file} does not exist`);
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.startsWith('## '));
  if (first < 0) throw new Error(`docs/${file} has no ## heading`);
  return forTheSite(lines.slice(first), 0);
}

/** Markdown lines unwrapped, their headings `shift` levels up, their links for the site. */
function forTheSite(lines: string[], shift: number): string {
  let fenced = false;
  return unwrap(lines)
    .map((line) => {
      if (line.startsWith('```')) fenced = !fenced;
      if (fenced || line.startsWith('```')) return line;
      // Generated-section markers are HTML comments, which Markdown would print.
      let text = line.replace(/<!-- \/?generated(:[a-z-]+)? -->/g, '');
      if (shift && /^#{2,} /.test(text)) text = text.slice(shift);
      return text.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_match, label: string, target: string) => siteLink(label, target));
    })
    .join('\n')
    .trim();
}

/** A line that starts a block of its own: a heading, list item, table row, quote or fence. */
const BLOCK_START = /^(#{1,6} |[-*] |\d+\. |\||>|```)/;

/**
 * Paragraphs and list items joined onto one line each (code blocks kept as they are). The
 * README wraps its lines at 95 characters, sometimes inside a `code span`, and the site's
 * Markdown renderer reads a code span broken over two lines as a code block.
 */
function unwrap(lines: string[]): string[] {
  const out: string[] = [];
  let fenced = false;
  for (const line of lines) {
    if (line.startsWith('```')) fenced = !fenced;
    const previous = out.at(-1);
    const continues =
      !fenced &&
      !line.startsWith('```') &&
      line.trim() !== '' &&
      !BLOCK_START.test(line.trimStart()) &&
      previous !== undefined &&
      previous.trim() !== '' &&
      !previous.startsWith('```') &&
      !/^(#{1,6} |\|)/.test(previous);
    if (continues) out[out.length - 1] = `${previous} ${line.trim()}`;
    else out.push(line);
  }
  return out;
}
