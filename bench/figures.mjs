// What the benchmark scripts share to report: the machine and its load, and writing a block
// of figures into bench/README.md between its markers (`<!-- NAME:begin … -->` and
// `<!-- NAME:end -->`), so the README's figures are always the bench's own output, never
// typed. A block whose markers are missing is appended at the end of the Figures section.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

const readme = new URL('./README.md', import.meta.url);

/** "2 × AMD EPYC …, 24 GiB, Chromium 156…" */
export function machineName(browserVersion) {
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Chromium ${browserVersion}`;
}

/** The version of the Chromium the bench runs (CHROME_PATH, or /usr/bin/chromium). */
export function chromiumVersion() {
  const text = execFileSync(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return text.match(/[\d.]+/)?.[0] ?? '?';
}

/** The 1-minute load average, to print beside every figure (the machine may be shared). */
export function loadAverage() {
  return Math.round(os.loadavg()[0] * 10) / 10;
}

/** Replaces the block `name` of bench/README.md with `markdown` (trimmed). */
export function writeReadmeBlock(name, markdown) {
  const begin = `<!-- ${name}:begin (written by the bench: do not edit) -->`;
  const end = `<!-- ${name}:end -->`;
  const text = readFileSync(readme, 'utf8');
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  let next;
  if (from >= 0 && to > from) next = text.slice(0, from) + block + text.slice(to + end.length);
  else {
    const size = text.indexOf('\n## Size');
    if (size < 0) throw new Error('bench/README.md has no "## Size" section to write the figures before.');
    next = `${text.slice(0, size).trimEnd()}\n\n${block}\n${text.slice(size)}`;
  }
  writeFileSync(readme, next);
}

/** A Markdown table: `header`, then `rows`; numbers right-aligned. */
export function markdownTable(header, rows, align = header.map((_, i) => (i === 0 ? 'left' : 'right'))) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(align.map((a) => (a === 'left' ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** "12.3 ms" with one decimal. */
export const ms = (value) => `${value.toFixed(1)} ms`;

/** A 95 % interval "12.1–13.4 ms". */
export const msInterval = ({ low, high }) => `${low.toFixed(1)}–${high.toFixed(1)} ms`;
