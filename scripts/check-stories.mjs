#!/usr/bin/env node
// Opens every story of the built Storybook (storybook-static/, from `npm run build-storybook`)
// in headless Chromium and fails a story on a console error, a page error, a dialog (alert()
// from injected markup), a failed request, a render or play-function error, an undefined
// custom element, an empty root, an axe violation (the accessibility addon's run, WCAG 2.2
// A/AA rules, see .storybook/preview.ts), a page around the story whose `lang` or direction
// is not the locale's, or — in a locale other than English — an English message of the
// library left on screen. Docs pages (Introduction, Integration, each element's) are opened
// once, in English: they fail on errors, an empty page, or a link to a story that is not
// in the build.
//
//   node scripts/check-stories.mjs [--screenshots DIR] [--only TEXT] [--timeout MS]
//                                  [--quick] [--full] [--locales fr,ar] [--themes dark]
//
// The matrix (rows of locale and theme; every check above runs in each row):
//   - English, light: every story, and the docs pages — axe only on the stories that
//     test/stories-audit.test.ts does not render (the Theming stories, which show the light,
//     dark and host-brand themes side by side): the audit runs the same axe rules over every
//     element story in the light, dark and host-brand themes, in three engines;
//   - French, light: every story — a library message left in English; axe and the play
//     functions on text longer than English's, with amounts and dates typed the French way;
//   - Arabic, light: each element's fullest state (SUBSET_STORIES) — the page around the
//     story right to left (`dir`, `lang`), errors and play functions in Arabic. Every
//     element's right-to-left layout is test/rtl.test.ts's (three engines), the visual
//     suite's (Arabic at 360, 768 and 1280 px) and the end-to-end Arabic journeys'; every
//     other state in every row would add 75 checks and about 95 s for nothing else they find.
// There is no dark row by default (--themes dark, or --full, adds it): the audit's dark
// axe run covers every story, and what else a row checks (errors, play functions) does not
// depend on the theme's colours. (One of each: this check and the audit used to both run
// axe over the English light and dark stories in Chromium.)
// The other shipped locales (de, es, it, nl, pl, pt) are not rendered here: a message
// missing from them, left in English or losing a placeholder fails test/locales.test.ts
// (`npm test`), a locale out of date with the sources fails scripts/check-locales.mjs, and
// every element rendered in every locale with English or a raw placeholder on screen fails
// test/locales-render.test.ts; amounts and dates per locale are test/parse.test.ts's.
// --full: the whole matrix — every story in every shipped locale (light, Arabic included)
// and in dark and host brand (English), 11 rows — e.g. after a change to translations or
// themes.
// --quick: English, light only. --locales / --themes choose the rows (any shipped locale;
// dark, brand; '' for none; theme rows run only with English): --locales en,de --themes ''
// is English and German, light. A story that pins a global (the French stories pin the
// locale) is checked once per distinct way it is shown; its other rows print
// `same <id> [globals]` and count as nothing.
// Prints `ok  <id> [globals]` / `FAIL <id> [globals]: reason` per check, then the time
// taken and `N passed, N failed`. Exits 1 when a check failed; writes {passed, failed}
// to $TN_SUMMARY_FILE when set, and every check as JUnit XML to
// $TN_JUNIT_DIR/check-stories.xml when that is set. Browser: $CHROME_PATH, else `chromium` on PATH; pages at once:
// $TN_STORY_PAGES (3).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { browserPath } from './browsers.mjs';
import { serveStatic } from './static-server.mjs';
import { decodeXmlText } from './xml-text.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STATIC_DIR = join(ROOT, 'storybook-static');

const { values: options } = parseArgs({
  options: {
    screenshots: { type: 'string' },
    only: { type: 'string' },
    timeout: { type: 'string', default: '20000' },
    quick: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    locales: { type: 'string' },
    themes: { type: 'string' },
  },
});

/** The shipped locales (lit-localize.json): English, the source, then every target. */
const LOCALE_CONFIG = JSON.parse(readFileSync(join(ROOT, 'lit-localize.json'), 'utf8'));
const LOCALES = [LOCALE_CONFIG.sourceLocale, ...LOCALE_CONFIG.targetLocales];
/** Themes other than light (stories/themes.ts), checked in English. */
const OTHER_THEMES = ['dark', 'brand'];
/** Locales written right to left (src/localization/localization.ts `rtlLocales`). */
const RTL_LOCALES = ['ar'];
/** The rows checked without --full / --locales / --themes (see the header). */
const DEFAULT_LOCALES = ['en', 'fr', 'ar'];
const DEFAULT_THEMES = [];
/**
 * The stories of the theme and right-to-left rows (without --full): for each element the
 * state with the most colours and the most layout — status badges, selection, errors, the
 * tree's checkboxes. An id missing from the build fails the check, so that a renamed story
 * does not drop out unnoticed.
 */
const SUBSET_STORIES = [
  'elements-tn-customer-search--results',
  'elements-tn-customer-search--error-with-retry',
  'elements-tn-group-picker--group-of-seven',
  'elements-tn-group-picker--validation-errors',
  'elements-tn-verify-invoice--wrong-answer',
  'elements-tn-attention-panel--many-items',
  'elements-tn-relationships--all-statuses',
  'elements-tn-support-case--default',
  'elements-tn-customer-connect--request-group',
];

/**
 * The story files test/stories-audit.test.ts renders (its `../stories/<name>.stories.js`
 * imports), as Storybook's index names them (`./stories/<name>.stories.ts`): their stories
 * skip axe in the English light row, where the audit covers them (see the header); --full
 * runs it anyway.
 */
const AUDITED_STORY_FILES = new Set(
  [...readFileSync(join(ROOT, 'test/stories-audit.test.ts'), 'utf8').matchAll(/from '\.\.\/stories\/([\w-]+\.stories)\.js'/g)].map(
    ([, name]) => `./stories/${name}.ts`,
  ),
);

/** A comma-separated option as a list of known values ('' is none); an unknown value stops the run. */
function listOption(name, fallback, known) {
  const value = options[name];
  if (value === undefined) return fallback;
  const items = value.split(',').map((item) => item.trim()).filter(Boolean);
  const unknown = items.filter((item) => !known.includes(item));
  if (unknown.length) {
    console.log(`FAIL --${name}: unknown ${unknown.join(', ')} (known: ${known.join(', ')})`);
    process.exit(2);
  }
  return items;
}
const CHECKED_LOCALES = options.quick ? ['en'] : listOption('locales', options.full ? LOCALES : DEFAULT_LOCALES, LOCALES);
const CHECKED_THEMES =
  options.quick || !CHECKED_LOCALES.includes('en')
    ? []
    : listOption('themes', options.full ? OTHER_THEMES : DEFAULT_THEMES, OTHER_THEMES);
/**
 * The rows of the matrix: the Storybook globals a story is checked with (see
 * .storybook/preview.ts), and the stories checked in that row (`subset`; every story when
 * undefined). `a11y.manual` stops the accessibility addon's automatic run, so that the check
 * starts it once the story has settled (see `axeViolations`) rather than paying for axe twice.
 */
const ROWS = [
  ...CHECKED_LOCALES.map((locale) => ({
    globals: `locale:${locale};theme:light`,
    subset: options.full || !RTL_LOCALES.includes(locale) ? undefined : SUBSET_STORIES,
  })),
  ...CHECKED_THEMES.map((theme) => ({
    globals: `locale:en;theme:${theme}`,
    subset: options.full ? undefined : SUBSET_STORIES,
  })),
].map((row) => ({ ...row, globals: `${row.globals};a11y.manual:!true` }));
/** Pages checked at once. */
const PARALLEL = Number(process.env.TN_STORY_PAGES ?? 3);
const STORY_TIMEOUT = Number(options.timeout);

/**
 * English messages of the library that must not show in another locale, by locale: from
 * locales/<locale>.xlf, each message's longest run of literal text (between placeholders),
 * when it is at least 12 characters with a space — long enough not to be a word a locale
 * shares with English — and its translation in that locale is not the same text.
 */
function englishMessages(locale) {
  const file = join(ROOT, 'locales', `${locale}.xlf`);
  if (!existsSync(file)) return [];
  const xml = readFileSync(file, 'utf8');
  /** The longest literal run of an XLIFF segment (placeholders `<x/>` and `<ph>…</ph>` cut it). */
  const longestRun = (segment) =>
    segment
      .split(/<x\b[^>]*\/>|<ph\b[^>]*>[\s\S]*?<\/ph>/)
      .map((run) => decodeXmlText(run).replace(/\s+/g, ' ').trim())
      .sort((a, b) => b.length - a.length)[0] ?? '';
  const found = new Set();
  for (const [, unit] of xml.matchAll(/<trans-unit\b[^>]*>([\s\S]*?)<\/trans-unit>/g)) {
    const source = longestRun(/<source>([\s\S]*?)<\/source>/.exec(unit)?.[1] ?? '');
    const target = longestRun(/<target>([\s\S]*?)<\/target>/.exec(unit)?.[1] ?? '');
    if (source.length >= 12 && /\s/.test(source) && !target.includes(source)) found.add(source);
  }
  return [...found];
}
const ENGLISH_MESSAGES = Object.fromEntries(LOCALES.filter((l) => l !== 'en').map((l) => [l, englishMessages(l)]));

/** Serves storybook-static/ on a free loopback port (scripts/static-server.mjs). */
function serve() {
  return serveStatic(STATIC_DIR, {
    // assets/ holds content-hashed files: the browser may keep them across checks (each
    // page still loads and runs them; only the download and compile are saved).
    headers: (path) => ({ 'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store' }),
    // Chromium asks for /favicon.ico on every page; the build has favicon.svg instead.
    handle: async (request, response) => {
      if (request.url !== '/favicon.ico' || existsSync(join(STATIC_DIR, 'favicon.ico'))) return false;
      response.writeHead(204).end();
      return true;
    },
  });
}

/** The ids in the build: stories, docs pages (both filtered by --only), and every id. */
function listEntries() {
  const index = JSON.parse(readFileSync(join(STATIC_DIR, 'index.json'), 'utf8'));
  const entries = Object.values(index.entries ?? index.stories ?? {});
  const ids = (type) =>
    entries
      .filter((entry) => (entry.type ?? 'story') === type)
      .map((entry) => entry.id)
      .filter((id) => !options.only || id.includes(options.only));
  const audited = new Set(entries.filter((entry) => AUDITED_STORY_FILES.has(entry.importPath)).map((entry) => entry.id));
  return { stories: ids('story'), docs: ids('docs'), all: new Set(entries.map((entry) => entry.id)), audited };
}

/**
 * Runs in the page before Storybook: records the preview channel's outcome events, which
 * report a play function that threw (the story itself stays on screen, so nothing else
 * shows it).
 */
function recordStoryEvents() {
  const NAMES = [
    'storyFinished',
    'playFunctionThrewException',
    'storyThrewException',
    'storyErrored',
    'unhandledErrorsWhilePlaying',
    'docsRendered',
  ];
  const events = [];
  const hooked = new WeakSet();
  let channel;
  Object.defineProperty(window, '__tnStoryEvents', { value: events });
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      if (!value || hooked.has(value)) return;
      hooked.add(value);
      for (const name of NAMES) value.on(name, (payload) => events.push({ name, payload }));
    },
  });
}

/** Waits in the page until Storybook finished story `id` (rendered and played, or failed). */
async function waitForStory(page, id) {
  await page.waitForFunction(
    (storyId) => {
      if (document.body.classList.contains('sb-show-errordisplay')) return true;
      if (window.__tnStoryEvents?.some((event) => event.name === 'storyFinished' && event.payload?.storyId === storyId)) return true;
      const render = window.__STORYBOOK_PREVIEW__?.currentRender;
      return render?.id === storyId && (render.phase === 'finished' || render.phase === 'aborted');
    },
    id,
    { timeout: STORY_TIMEOUT, polling: 50 },
  );
  return page.evaluate(async () => {
    const render = window.__STORYBOOK_PREVIEW__?.currentRender;
    if (document.body.classList.contains('sb-show-errordisplay')) {
      const message = document.querySelector('#error-message')?.textContent?.trim() || 'unknown error';
      return { error: `Storybook error display: ${message}` };
    }
    const describe = (payload) =>
      [payload].flat().map((item) => item?.message ?? item?.description ?? item?.title ?? JSON.stringify(item)).join('; ');
    for (const { name, payload } of window.__tnStoryEvents ?? []) {
      if (name === 'storyFinished' && payload?.status === 'error') return { error: 'story finished with status "error"' };
      if (name !== 'storyFinished' && name !== 'docsRendered') return { error: `${name}: ${describe(payload)}` };
    }
    if (render?.phase === 'errored' || render?.phase === 'aborted') return { error: `story ${render.phase}` };
    const root = document.querySelector('#storybook-root');
    if (!root) return { error: 'no #storybook-root' };
    // Let every Lit element in the story settle, then paint.
    const pending = [];
    const walk = (node) => {
      for (const el of node.querySelectorAll('*')) {
        if (el.updateComplete instanceof Promise) pending.push(el.updateComplete);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(root);
    await Promise.all(pending);
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));

    const undefinedTags = [...root.querySelectorAll(':not(:defined)')].map((el) => el.localName);
    if (undefinedTags.length) return { error: `custom element not defined: <${undefinedTags[0]}>` };
    const text = (node) =>
      [...node.querySelectorAll('*')].reduce(
        (all, el) => all + (el.shadowRoot ? text(el.shadowRoot) : ''),
        node.textContent ?? '',
      );
    const media = 'img, svg, canvas, video, input, textarea, select, button';
    const hasMedia = (node) =>
      Boolean(node.querySelector(media)) ||
      [...node.querySelectorAll('*')].some((el) => el.shadowRoot && hasMedia(el.shadowRoot));
    if (root.children.length === 0 || (text(root).trim() === '' && !hasMedia(root))) return { error: 'empty root' };
    for (const el of root.querySelectorAll('*')) {
      if (el.localName.includes('-') && el.shadowRoot && text(el.shadowRoot).trim() === '') {
        return { error: `<${el.localName}> rendered nothing` };
      }
    }
    return { error: undefined };
  });
}

/**
 * Runs the accessibility addon on the settled story — the same run as its panel's "Rerun",
 * with the story's `parameters.a11y` (WCAG 2.2 A/AA, .storybook/preview.ts) — and resolves
 * to the violations, one line each. No answer from the addon is a failure too.
 */
async function axeViolations(page) {
  return page.evaluate(async (timeout) => {
    const channel = globalThis.__STORYBOOK_ADDONS_CHANNEL__;
    const story = window.__STORYBOOK_PREVIEW__?.currentRender?.story;
    if (!channel || !story) return ['axe: no Storybook channel or story to run the accessibility addon on'];
    const a11y = story.parameters?.a11y;
    if (!a11y || a11y.disable || a11y.test === 'off') return ['axe: the accessibility addon is off for this story'];
    const answer = await new Promise((done) => {
      const timer = setTimeout(() => done({ error: 'the accessibility addon did not answer' }), timeout);
      const finish = (value) => {
        clearTimeout(timer);
        channel.off('storybook/a11y/result', onResult);
        channel.off('storybook/a11y/error', onError);
        done(value);
      };
      const onResult = (result, storyId) => storyId === story.id && finish({ result });
      const onError = (error) => finish({ error: error?.message ?? String(error) });
      channel.on('storybook/a11y/result', onResult);
      channel.on('storybook/a11y/error', onError);
      channel.emit('storybook/a11y/manual', story.id, a11y);
    });
    if (answer.error) return [`axe: ${answer.error}`];
    return answer.result.violations.map(
      (v) => `axe ${v.id}: ${v.help} (${v.nodes.length}× e.g. ${JSON.stringify(v.nodes[0]?.target)})`,
    );
  }, STORY_TIMEOUT);
}

/**
 * The page around the story speaks the story's locale: the decorator's wrapper has the
 * locale as `lang` and its direction as `dir` (right to left for Arabic unless the direction
 * toolbar says otherwise), and the elements lay out in that direction. In a locale other
 * than English, no English message of the library shows: text, or a label in an attribute
 * (`englishMessages`, from that locale's XLIFF file). Resolves to the problems found.
 */
async function localeProblems(page) {
  const found = await page.evaluate(
    ({ rtlLocales }) => {
      const preview = window.__STORYBOOK_PREVIEW__;
      const globals = {
        ...preview?.storyStoreValue?.userGlobals?.globals,
        ...preview?.currentRender?.story?.storyGlobals,
      };
      const locale = String(globals.locale ?? 'en');
      const dir = globals.dir === 'rtl' || (globals.dir !== 'ltr' && rtlLocales.includes(locale)) ? 'rtl' : 'ltr';
      const problems = [];
      const wrapper = document.querySelector('#storybook-root .tn-story');
      if (!wrapper) return { locale, problems: ['no .tn-story wrapper: the preview decorator did not run'] };
      if (wrapper.lang !== locale) problems.push(`lang is "${wrapper.lang}", not "${locale}"`);
      if (wrapper.dir !== dir) problems.push(`dir is "${wrapper.dir}", not "${dir}"`);
      for (const el of wrapper.querySelectorAll('*')) {
        if (!el.localName.startsWith('tn-')) continue;
        const direction = getComputedStyle(el).direction;
        if (direction !== dir) problems.push(`<${el.localName}> lays out ${direction}, not ${dir}`);
        break;
      }
      /** Every string a user can see or hear: text, and labels in attributes, shadow roots included. */
      const texts = [];
      const visit = (node) => {
        if (node.nodeType === Node.TEXT_NODE) {
          const text = node.textContent.replace(/\s+/g, ' ').trim();
          if (text) texts.push(text);
          return;
        }
        if (node.nodeType === Node.ELEMENT_NODE) {
          if (node.localName === 'style' || node.localName === 'script') return;
          for (const name of ['aria-label', 'placeholder', 'title', 'alt', 'aria-roledescription', 'aria-valuetext']) {
            const value = node.getAttribute(name);
            if (value) texts.push(value);
          }
          if (node.shadowRoot) visit(node.shadowRoot);
        }
        for (const child of node.childNodes) visit(child);
      };
      visit(wrapper);
      return { locale, problems, text: texts.join('\n') };
    },
    { rtlLocales: RTL_LOCALES },
  );
  const problems = [...found.problems];
  for (const message of ENGLISH_MESSAGES[found.locale] ?? []) {
    if (found.text?.includes(message)) problems.push(`English left in ${found.locale}: "${message}"`);
  }
  return problems;
}

/**
 * A new page whose console errors, page errors, dialogs and failed requests go to
 * `problems()`: the list of the check under way (a page shows several stories in turn).
 */
async function watchedPage(context, origin, problems) {
  const page = await context.newPage();
  await page.addInitScript(recordStoryEvents);
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location()?.url;
    problems().push(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (error) => problems().push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems().push(`dialog opened (${dialog.type()}): ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(origin)) problems().push(`request failed: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url().startsWith(origin)) {
      problems().push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  return page;
}

/** One line per check: the first line of each problem, shortened; undefined when none. */
function verdict(problems) {
  const short = (text) => {
    const line = String(text).split('\n')[0].trim();
    return line.length > 240 ? `${line.slice(0, 237)}…` : line;
  };
  return problems.length ? [...new Set(problems.map(short))].join(' | ') : undefined;
}

/**
 * A worker's Storybook preview, kept from one story to the next of the same row: loading
 * the preview was most of a check (about 0.5 s of its 0.9 s, Chromium on a 2-core machine),
 * so a story after the first is shown the way Storybook's own UI and test runner switch
 * stories — `setCurrentStory` on the preview's channel, which unmounts the story before.
 * A page is closed after a story that failed, and before a row of other globals, so that
 * nothing one check leaves behind can pass or fail the next one.
 */
class PreviewSession {
  constructor(context, origin) {
    this.context = context;
    this.origin = origin;
    this.problems = [];
    this.page = undefined;
    this.globals = undefined;
  }

  /** Shows story `id` with `globals`: a fresh page, or the same page's channel. */
  async show(id, globals) {
    this.problems = [];
    if (this.page && this.globals === globals) {
      const switched = await this.page
        .evaluate((storyId) => {
          const channel = globalThis.__STORYBOOK_ADDONS_CHANNEL__;
          if (!channel) return false;
          window.__tnStoryEvents.length = 0;
          channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
          return true;
        }, id)
        .catch(() => false);
      if (switched) return;
      await this.close();
    }
    await this.close();
    this.globals = globals;
    this.page = await watchedPage(this.context, this.origin, () => this.problems);
    await this.page.goto(`${this.origin}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story&globals=${encodeURIComponent(globals)}`, {
      waitUntil: 'load',
      timeout: STORY_TIMEOUT,
    });
  }

  async close() {
    await this.page?.close().catch(() => {});
    this.page = undefined;
  }
}

/**
 * Shows one story with `globals` in the worker's preview (`session`); resolves to the
 * reason it failed (undefined: passed) and the globals the story pins itself
 * (`globals: { locale: 'fr' }`), which the toolbar cannot change.
 */
async function checkStory(session, id, globals, withAxe) {
  let pinned;
  let problems;
  try {
    await session.show(id, globals);
    const { page } = session;
    problems = session.problems;
    const { error } = await waitForStory(page, id);
    pinned = await page.evaluate(() => window.__STORYBOOK_PREVIEW__?.currentRender?.story?.storyGlobals ?? {});
    if (error) problems.unshift(error);
    else problems.push(...(await localeProblems(page)), ...(withAxe ? await axeViolations(page) : []));
    if (options.screenshots) {
      const suffix = globals.replace(';a11y.manual:!true', '').replace(/[^a-z]+/gi, '-');
      await page.screenshot({ path: join(options.screenshots, `${id}--${suffix}.png`), fullPage: true });
    }
  } catch (error) {
    problems = session.problems;
    problems.unshift(error.name === 'TimeoutError' ? `did not render within ${STORY_TIMEOUT} ms` : String(error));
  }
  if (problems.length) await session.close();
  return { reason: verdict(problems), pinned };
}

/** The globals a story is shown with: the row's, then what the story pins (a string key). */
function effectiveGlobals(globals, pinned) {
  const row = Object.fromEntries(globals.split(';').map((pair) => pair.split(':')));
  const shown = { dir: 'auto', ...row, ...pinned };
  return ['locale', 'theme', 'dir'].map((key) => `${key}:${shown[key]}`).join(';');
}

/**
 * Opens one docs page (an MDX page, or an element's generated docs with every story
 * inline), in English: fails on what a story fails on (errors, failed requests), on an
 * empty page, and on a link to a story or docs page the build does not have.
 */
async function checkDocs(context, origin, id, knownIds) {
  const problems = [];
  const page = await watchedPage(context, origin, () => problems);
  try {
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(id)}&viewMode=docs&globals=locale:en;theme:light`, {
      waitUntil: 'load',
      timeout: STORY_TIMEOUT,
    });
    await page.waitForFunction(
      () =>
        document.body.classList.contains('sb-show-errordisplay') ||
        window.__tnStoryEvents?.some((event) => event.name === 'docsRendered'),
      undefined,
      { timeout: STORY_TIMEOUT, polling: 50 },
    );
    const found = await page.evaluate(() => {
      if (document.body.classList.contains('sb-show-errordisplay')) {
        return { error: `Storybook error display: ${document.querySelector('#error-message')?.textContent?.trim()}` };
      }
      const docs = document.querySelector('#storybook-docs');
      return {
        text: docs?.textContent?.trim() ?? '',
        links: [...(docs?.querySelectorAll('a[href^="?path="]') ?? [])].map((a) => a.getAttribute('href')),
      };
    });
    if (found.error) problems.unshift(found.error);
    else if (!found.text) problems.unshift('empty docs page');
    for (const href of found.links ?? []) {
      const target = /^\?path=\/(?:docs|story)\/([^&#]+)/.exec(href)?.[1];
      if (!target || !knownIds.has(target)) problems.push(`link to nothing: ${href}`);
    }
    if (options.screenshots) await page.screenshot({ path: join(options.screenshots, `${id}.png`), fullPage: true });
  } catch (error) {
    problems.unshift(error.name === 'TimeoutError' ? `did not render within ${STORY_TIMEOUT} ms` : String(error));
  } finally {
    await page.close().catch(() => {});
  }
  return verdict(problems);
}

let interrupted = false;

/** Every check's outcome, for the JUnit file: `{ name, row, seconds, failure? }`. */
const results = [];

const xmlText = (text) =>
  String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/**
 * With TN_JUNIT_DIR set (CI), writes every check as a JUnit test case to
 * <TN_JUNIT_DIR>/check-stories.xml — one suite per row (docs, each locale and theme), the
 * failure's reason as its message — like the other runners' files beside it.
 */
function writeJunit() {
  const dir = process.env.TN_JUNIT_DIR;
  if (!dir) return;
  const rows = new Map();
  for (const result of results) rows.set(result.row, [...(rows.get(result.row) ?? []), result]);
  const suites = [...rows].map(([row, cases]) => {
    const failures = cases.filter((c) => c.failure).length;
    const time = cases.reduce((sum, c) => sum + c.seconds, 0).toFixed(3);
    const body = cases
      .map(({ name, seconds, failure }) => {
        const open = `    <testcase name="${xmlText(name)}" classname="${xmlText(row)}" time="${seconds.toFixed(3)}"`;
        return failure ? `${open}>\n      <failure message="${xmlText(failure)}"/>\n    </testcase>` : `${open}/>`;
      })
      .join('\n');
    return `  <testsuite name="story check [${xmlText(row)}]" tests="${cases.length}" failures="${failures}" time="${time}">\n${body}\n  </testsuite>`;
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'check-stories.xml'), `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${suites.join('\n')}\n</testsuites>\n`);
}

function finish(passed, failed) {
  if (interrupted) return;
  writeJunit();
  console.log(`${passed} passed, ${failed} failed`);
  if (process.env.TN_SUMMARY_FILE) {
    writeFileSync(process.env.TN_SUMMARY_FILE, `${JSON.stringify({ passed, failed })}\n`);
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

async function main() {
  if (!existsSync(join(STATIC_DIR, 'index.json'))) {
    console.log('FAIL storybook-static/index.json not found: run `npm run build-storybook` first');
    finish(0, 1);
    return;
  }
  const { stories, docs, all, audited } = listEntries();
  if (stories.length === 0) {
    console.log('FAIL no stories found in storybook-static/index.json');
    finish(0, 1);
    return;
  }
  if (options.screenshots) mkdirSync(options.screenshots, { recursive: true });

  let server;
  let browser;
  const stop = async () => {
    await browser?.close().catch(() => {});
    browser = undefined;
    if (server) {
      await server.close();
      server = undefined;
    }
  };
  const onSignal = (signal) => {
    interrupted = true;
    console.log(`interrupted (${signal}): stopping the browser and the server`);
    void stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let passed = 0;
  let failed = 0;
  let same = 0;
  // A story of SUBSET_STORIES that the build does not have (renamed, removed) is a failure.
  for (const id of new Set(ROWS.flatMap((row) => row.subset ?? []))) {
    if (all.has(id)) continue;
    failed += 1;
    console.log(`FAIL ${id}: in SUBSET_STORIES (scripts/check-stories.mjs) but not in the build`);
    results.push({ name: id, row: 'SUBSET_STORIES', seconds: 0, failure: 'in SUBSET_STORIES but not in the build' });
  }
  const missing = failed;
  // Docs pages once (English, light) when the matrix has that row; then each row's stories.
  const rows = ROWS.map((row) => ({ ...row, ids: row.subset ? stories.filter((id) => row.subset.includes(id)) : stories }));
  const withDocs = rows.some((row) => row.globals.startsWith('locale:en;theme:light'));
  const queue = [
    ...(withDocs ? docs.map((id) => ({ id, docs: true })) : []),
    ...rows.flatMap(({ globals, ids }) => ids.map((id) => ({ id, globals }))),
  ];
  const total = queue.length;
  const started = Date.now();
  try {
    server = await serve();
    const { origin } = server;
    browser = await chromium.launch({
      executablePath: browserPath('chromium'),
      // Signals are ours to handle: stop() closes the browser, then the server.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 960, height: 720 }, reducedMotion: 'reduce' });
    // A few pages at once, each showing one story after another (PreviewSession).
    // A story that pins a global (the French stories pin the locale) looks the same in every
    // row that differs only there: it is checked once, the other rows say which check it was.
    const pinnedBy = new Map();
    const checked = new Map();
    const worker = async () => {
      const session = new PreviewSession(context, origin);
      try {
        await work(session);
      } finally {
        await session.close();
      }
    };
    const work = async (session) => {
      for (let next = queue.shift(); next && !interrupted; next = queue.shift()) {
        const { id, globals } = next;
        const label = next.docs ? 'docs' : globals.replace(';a11y.manual:!true', '');
        if (!next.docs && pinnedBy.has(id)) {
          const earlier = checked.get(`${id} ${effectiveGlobals(globals, pinnedBy.get(id))}`);
          if (earlier) {
            same += 1;
            console.log(`same ${id} [${label}]: shown as in [${earlier}]`);
            continue;
          }
        }
        let reason;
        const checkStarted = Date.now();
        if (next.docs) reason = await checkDocs(context, origin, id, all);
        else {
          // Axe in the English light row only where the audit does not cover the story.
          const coveredByAudit = !options.full && globals.startsWith('locale:en;theme:light') && audited.has(id);
          const result = await checkStory(session, id, globals, !coveredByAudit);
          reason = result.reason;
          if (result.pinned) {
            pinnedBy.set(id, result.pinned);
            checked.set(`${id} ${effectiveGlobals(globals, result.pinned)}`, label);
          }
        }
        if (interrupted) break;
        results.push({ name: id, row: label, seconds: (Date.now() - checkStarted) / 1000, failure: reason });
        if (reason) {
          failed += 1;
          console.log(`FAIL ${id} [${label}]: ${reason}`);
        } else {
          passed += 1;
          console.log(`ok  ${id} [${label}]`);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  } catch (error) {
    // The harness itself broke (no browser, no port): every story not yet checked fails.
    if (!interrupted) console.log(`FAIL harness: ${error?.message ?? error}`);
    results.push({ name: 'harness', row: 'harness', seconds: 0, failure: String(error?.message ?? error) });
    failed = missing + total - passed - same;
  } finally {
    await stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(
    `${withDocs ? docs.length : 0} docs pages, ` +
      `stories ${rows.map(({ globals, ids }) => `${ids.length} × [${globals.replace(';a11y.manual:!true', '')}]`).join(' + ')}, ` +
      `${same} shown as an earlier check (pinned globals), ${PARALLEL} pages at once: ${Math.floor(seconds / 60)} min ${seconds % 60} s`,
  );
  finish(passed, failed);
}

await main();
