// End-to-end: the demo portal (`npm start`) in Chromium, driven as a user drives it — by
// roles, labels and visible text, with the real keyboard and mouse — on the embedded demo
// adapter. Each journey starts from a fresh page (a fresh in-memory network).
//
//   npm run test:e2e            (starts its own server on a free port)
//
// Playwright's role and text locators reach into open shadow roots, so these tests see
// exactly what a user sees. CHROME_PATH overrides `chromium` on PATH.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromium } from 'playwright-core';
import { browserPath } from '../../scripts/browsers.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
/**
 * How long a step may wait for the page (an action, an expected state): 30 s. CI runs this
 * suite beside the CSP and package checks on two cores, where the demo directory's first
 * build blocks the page for seconds and typing went past 10 s. A page that never gets there
 * still fails.
 */
const TIMEOUT = 30_000;
/**
 * Journeys run side by side, each in a page of its own: Playwright gives every page its own
 * browser context (no shared storage, so no draft or in-memory network crosses over) and
 * emulates focus per page, so keyboard journeys do not take the focus from each other.
 */
const JOURNEYS_AT_ONCE = Number(process.env.TN_E2E_PAGES ?? 3);

let server;
let browser;
let base;

before(async () => {
  server = await startDevServer({
    config: {
      rootDir: root,
      port: 0,
      hostname: '127.0.0.1',
      nodeResolve: true,
      plugins: [esbuildPlugin({ ts: true, target: 'es2021', tsconfig: `${root}tsconfig.json` })],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  base = `http://127.0.0.1:${server.server.address().port}/demo/`;
  browser = await chromium.launch({
    executablePath: browserPath('chromium'),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  // One load first, so the dev server has compiled every module before journeys load the
  // page at the same time (cold, three pages at once took over 10 s on a busy machine).
  const warm = await browser.newPage();
  await warm.goto(base, { timeout: 60_000 });
  await warm.waitForFunction(() => customElements.get('tn-customer-connect') !== undefined, undefined, { timeout: 60_000 });
  await warm.close();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A fresh demo page; fails the test on any page error or console error. */
async function open(path = '', { width = 1280 } = {}) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.setDefaultTimeout(TIMEOUT);
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto(`${base}${path}`);
  await page.waitForFunction(() => customElements.get('tn-customer-connect') !== undefined);
  return {
    page,
    async close() {
      await page.close();
      assert.deepEqual(problems, [], 'the page reported errors');
    },
  };
}

/** The element focus is really on, through shadow roots: `[tag, id, text]`. */
function deepFocus(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { tag: el?.localName, id: el?.id, text: (el?.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 80), label: el?.getAttribute('aria-label') };
  });
}

/** Presses Tab until `matches(focus)` holds (at most `max` times): how a keyboard user gets somewhere. */
async function tabUntil(page, matches, what, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (matches(await deepFocus(page))) return;
  }
  throw new Error(`Tab never reached ${what}; focus is on ${JSON.stringify(await deepFocus(page))}`);
}

async function expectTitle(page, text) {
  await page.waitForFunction(
    (wanted) => {
      const title = document.querySelector('tn-customer-connect')?.shadowRoot?.querySelector('#flow-title');
      return title?.textContent.trim() === wanted && title.getRootNode().activeElement === title;
    },
    text,
    { timeout: TIMEOUT },
  );
}

async function ticketCount(page) {
  const row = page.locator('tn-attention-panel tr', { hasText: /Support cases|Dossiers d'assistance/ });
  return Number((await row.locator('td').first().textContent()).trim());
}

/** Goes Home and waits until the attention panel counts `n` support tickets. */
async function expectTickets(page, n) {
  await page.getByRole('link', { name: /^(Home|Accueil)$/ }).click();
  await page.waitForFunction((wanted) => {
    const panel = document.querySelector('tn-attention-panel');
    const row = [...(panel?.shadowRoot?.querySelectorAll('tr') ?? [])].find((r) => /Support cases|Dossiers d'assistance/.test(r.textContent));
    return row?.querySelector('td')?.textContent.trim() === String(wanted);
  }, n);
}

async function search(page, text) {
  const box = page.getByRole('combobox', { name: /Search your customers|Rechercher vos clients/ });
  await box.click();
  await box.pressSequentially(text, { delay: 30 });
  return box;
}

const option = (page, name) => page.getByRole('option', { name: new RegExp(name) });

/** Waits until the flow's title reads `text` (wherever focus is). */
async function flowTitleIs(page, text) {
  await page.waitForFunction(
    (wanted) => document.querySelector('tn-customer-connect')?.shadowRoot?.querySelector('#flow-title')?.textContent.trim() === wanted,
    text,
  );
}

/** The flow's done step (not a step's own outcome, which stays hidden inside it). */
const flowOutcome = (page) => page.locator('tn-customer-connect [part~="outcome"][aria-labelledby="flow-title"]');

/**
 * Opens Customer relationships from the menu and waits until `customer`'s rows show
 * `expected` statuses (the list refreshes itself after a connection; the demo answers in
 * 150–450 ms). Returns what they show.
 */
async function relationshipStatuses(page, customer, expected) {
  await page.getByRole('link', { name: /Customer relationships|Relations client/ }).click();
  const rows = page.locator('tn-relationships tbody tr', { hasText: customer });
  await rows.first().waitFor();
  const read = () => rows.locator('[part~="status"]').allTextContents().then((all) => all.map((t) => t.trim()));
  for (let i = 0; i < 50; i++) {
    const statuses = await read();
    if (JSON.stringify(statuses) === JSON.stringify(expected)) return statuses;
    await page.waitForTimeout(100);
  }
  return read();
}

async function chooseAccount(page, label = 'Account') {
  await page.getByRole('combobox', { name: label }).or(page.getByLabel(label, { exact: true })).first().selectOption({ label: 'Adams Office Supplies (IT) - Test' });
}

/** Search → Demonstration Example Buyer → account → Connect: the network asks for a verification. */
async function requestVerification(page) {
  await search(page, 'demonstration');
  await option(page, 'Demonstration Example Buyer').locator('[data-action="connect"]').click();
  await expectTitle(page, 'Request the connection');
  await chooseAccount(page);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expectTitle(page, 'Verify your relationship');
}

/** Moves the active search result down with ArrowDown until it is `name`'s. */
async function arrowToOption(page, name) {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('ArrowDown');
    const active = await page.evaluate(() => {
      const search = document.querySelector('tn-customer-connect').shadowRoot.querySelector('tn-customer-search').shadowRoot;
      const id = search.querySelector('input').getAttribute('aria-activedescendant');
      return id ? search.getElementById(id)?.textContent ?? '' : '';
    });
    if (active.includes(name)) return;
  }
  throw new Error(`ArrowDown never reached ${name}`);
}

/** Tabs to the account choice and picks the first account with ArrowDown. */
async function keyboardAccount(page) {
  await tabUntil(page, (f) => f.tag === 'select' && f.id === 'account', 'the account choice');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(
    () => document.querySelector('tn-customer-connect').shadowRoot.querySelector('tn-group-picker').shadowRoot.querySelector('#account').value !== '',
  );
}

/** An ISO date as the demo page (British English) writes it: day/month/year, as the date's hint says. */
function englishDate(iso) {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** Tabs to the invoice date and types `iso` in the page's order (British English: day, month, year). */
async function typeDate(page, iso) {
  await tabUntil(page, (f) => f.tag === 'input' && f.id === 'invoice-date', 'the invoice date');
  const field = await page.evaluate(() => {
    const root = document.querySelector('tn-customer-connect').shadowRoot.querySelector('tn-verify-invoice').shadowRoot;
    return { hint: root.querySelector('#invoice-date-hint').textContent, placeholder: root.querySelector('#invoice-date').placeholder };
  });
  assert.equal(field.placeholder, 'dd/mm/yyyy', 'the date field does not ask for the British order');
  assert.match(field.hint, /dd\/mm\/yyyy/, 'the hint does not show the British order');
  await page.keyboard.type(englishDate(iso), { delay: 20 });
  const value = await page.evaluate(
    () => document.querySelector('tn-customer-connect').shadowRoot.querySelector('tn-verify-invoice').shadowRoot.querySelector('#invoice-date').value,
  );
  assert.equal(value, englishDate(iso), 'the date typed is not the date in the field');
}

/** The demo's invoice history, as the challenge may ask for it: number → [date, amount]. */
const CHALLENGE_ANSWERS = {
  TNA9187: ['2015-06-15', '1,275.50'],
  TNA9241: ['2015-07-06', '889.20'],
  TNA9415: ['2015-09-14', '12,040.00'],
  TNA9478: ['2015-10-05', '316.75'],
  TNA9536: ['2015-11-02', '2,750.00'],
};

/** By keyboard: the invoice date and amount, then Continue. */
async function keyboardDateAmountContinue(page, iso, amount) {
  await typeDate(page, iso);
  await tabUntil(page, (f) => f.tag === 'input' && f.id === 'amount', 'the amount');
  await page.keyboard.type(amount, { delay: 10 });
  await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Continue', 'Continue');
  await page.keyboard.press('Enter');
}

/** By keyboard: search "demonstration", Enter on the result, an account, Connect: the network asks for a verification. */
async function keyboardRequestVerification(page) {
  await tabUntil(page, (f) => f.tag === 'input' && f.id === 'input', 'the search field');
  await page.keyboard.type('demonstration', { delay: 30 });
  await option(page, 'Demonstration Example Buyer').waitFor();
  await arrowToOption(page, 'Demonstration Example Buyer');
  await page.keyboard.press('Enter');
  await expectTitle(page, 'Request the connection');
  await keyboardAccount(page);
  await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Connect', 'the Connect button');
  await page.keyboard.press('Enter');
  await expectTitle(page, 'Verify your relationship');
}

describe('demo portal, end to end (Chromium)', { concurrency: JOURNEYS_AT_ONCE }, () => {
  it('home → Connect now → one entity → support case; the ticket count and relationships follow', async () => {
    const { page, close } = await open();
    await page.getByRole('heading', { name: 'For your attention' }).waitFor();
    await page.getByRole('cell', { name: 'Support cases' }).waitFor();
    assert.equal(await ticketCount(page), 2);

    await page.getByRole('link', { name: 'Connect now' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connect with a customer' }).waitFor();
    await search(page, 'tungsten bank');
    await option(page, 'Tungsten Bank PLC').locator('[data-action="connect"]').click();
    await expectTitle(page, 'Request the connection');
    await page.locator('tn-group-picker').getByText('Tungsten Bank PLC', { exact: true }).waitFor();

    await chooseAccount(page);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expectTitle(page, 'Your request has been received');
    await page.getByText('2881017').first().waitFor();
    const recap = await flowOutcome(page).innerText();
    assert.match(recap, /processed by/);
    assert.match(recap, /Tungsten Bank PLC/);
    assert.match(recap, /Note this reference/);

    await page.getByRole('link', { name: 'Home' }).click();
    await page.waitForFunction(() => {
      const panel = document.querySelector('tn-attention-panel');
      const row = [...(panel?.shadowRoot?.querySelectorAll('tr') ?? [])].find((r) => r.textContent.includes('Support cases'));
      return row?.querySelector('td')?.textContent.trim() === '3';
    });
    assert.deepEqual(await relationshipStatuses(page, 'Tungsten Bank PLC', ['Support case open']), ['Support case open']);
    await page.locator('tn-relationships tr', { hasText: 'Tungsten Bank PLC' }).getByText('Case 2881017').waitFor();
    await close();
  });

  it('group: View group → select the whole group → vendor code → one request for seven entities', async () => {
    const { page, close } = await open('#connect');
    await search(page, 'tungsten');
    await option(page, 'Tungsten Network GmbH').locator('[data-action="view-group"]').click();
    await expectTitle(page, 'Request the connection');
    const tree = page.getByRole('tree');
    await tree.getByRole('treeitem', { name: /Tungsten Network GmbH/ }).waitFor();
    assert.equal(await tree.getByRole('treeitem', { name: /Tungsten Network GmbH/ }).getAttribute('aria-checked'), 'true');

    await page.getByRole('button', { name: 'Select the whole group' }).click();
    await page.getByText('7 of 7 selected').waitFor();
    await chooseAccount(page);
    // Submitting without the vendor code Tungsten Network GmbH requires: a message on the field, nothing lost.
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByText(/Your vendor code is required by/).waitFor();
    assert.equal(await page.getByText('7 of 7 selected').count(), 1, 'the selection did not survive');
    await page.getByRole('textbox', { name: /Vendor code/ }).fill('ADAMS-042');
    const requested = page.evaluate(
      () => new Promise((resolve) => document.addEventListener('tn-request-connection', (e) => resolve(e.detail.customers.length), { once: true })),
    );
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    assert.equal(await requested, 7);
    await expectTitle(page, 'Your request has been received');
    const outcome = await flowOutcome(page).innerText();
    assert.match(outcome, /2881017/);
    assert.match(outcome, /Vendor code\s+ADAMS-042/);
    assert.match(outcome, /and 4 more/, 'the recap names the first entities and counts the rest');
    assert.deepEqual(await relationshipStatuses(page, 'Tungsten Network GmbH', ['Support case open']), ['Support case open']);
    const tungsten = page.locator('tn-relationships tbody tr', { hasText: /Tungsten (Bank|Corporation|Network) (PLC|Guernsey|EOOD|Finance|GmbH|Limited)/ });
    assert.equal(await tungsten.count(), 7);
    assert.equal(await tungsten.filter({ hasText: 'Support case open' }).count(), 7);
    await expectTickets(page, 3);
    await close();
  });

  it('the whole Globex group (10,000 entities) but one, then five whole countries: a reload, Back and Forward keep what was ticked', async () => {
    const { page, close } = await open('#connect');
    await search(page, 'globex');
    await option(page, 'Globex').first().locator('[data-action="view-group"]').click();
    await expectTitle(page, 'Request the connection');
    const tree = page.getByRole('tree');
    const cameFrom = tree.locator('[role="treeitem"][aria-level="2"][aria-checked="true"]');
    const id = (await cameFrom.innerText()).match(/AAA\d{9}/)?.[0];
    assert.ok(id, 'no ticked entity the group was opened from');
    const row = tree.locator('[role="treeitem"]', { hasText: id });
    await page.getByRole('button', { name: 'Select the whole group' }).click();
    await page.getByText('10,000 of 10,000 selected').waitFor();
    await row.click();
    await page.getByText('9,999 of 10,000 selected').waitFor();
    /** A reload, then Back to the search and Forward again: `check(move)` after each. */
    const reloadBackForward = async (check) => {
      for (const move of ['reload', 'back and forward']) {
        if (move === 'reload') {
          await page.reload();
        } else {
          await page.goBack();
          await expectTitle(page, 'Find your customer');
          await page.goForward();
        }
        await check(move);
      }
    };
    await reloadBackForward(async (move) => {
      await page.getByText('9,999 of 10,000 selected').waitFor();
      assert.equal(await row.getAttribute('aria-checked'), 'false', `after ${move}, the entity unticked is ticked again`);
    });
    // Five whole countries, by keyboard: more than 1,000 ticked and more than 1,000 not, kept by country.
    await page.getByRole('button', { name: 'Clear selection' }).click();
    await page.getByText('0 of 10,000 selected').waitFor();
    await tree.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 5; i++) {
      if (i > 0) await page.keyboard.press('ArrowDown');
      await page.keyboard.press(' ');
    }
    const count = page.locator('tn-group-picker').locator('[part~="count"]');
    const five = await count.innerText();
    assert.ok(Number(five.replace(/,/g, '').match(/^\d+/)?.[0]) > 1000, `five countries ticked only "${five}"`);
    // The location is saved as the selection changes: wait until the entry holds the countries.
    await page.waitForFunction(() => JSON.stringify(history.state).includes('"countries"'));
    await reloadBackForward(() => page.getByText(five).waitFor());
    await close();
  });

  it('verification with the challenge → connected', async () => {
    const { page, close } = await open('#connect');
    await search(page, 'demonstration');
    await option(page, 'Demonstration Example Buyer').locator('[data-action="connect"]').click();
    await expectTitle(page, 'Request the connection');
    await chooseAccount(page);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expectTitle(page, 'Verify your relationship');

    await page.getByRole('textbox', { name: 'Invoice number' }).fill('TNA9322');
    await page.getByLabel('Invoice date').fill('2015-08-10');
    await page.getByRole('textbox', { name: 'Invoice amount' }).fill('4,508.00');
    await page.getByRole('button', { name: 'Continue' }).click();

    const asked = (await page.locator('tn-verify-invoice #challenge-number').textContent()).trim();
    assert.ok(CHALLENGE_ANSWERS[asked], `unexpected challenge ${asked}`);
    await page.getByLabel('Invoice date').fill(englishDate(CHALLENGE_ANSWERS[asked][0]));
    await page.getByRole('textbox', { name: 'Invoice amount' }).fill(CHALLENGE_ANSWERS[asked][1]);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectTitle(page, 'You are connected');
    await flowOutcome(page).getByText('Invoice status information can take one to two hours to appear in your account.').waitFor();
    assert.deepEqual(await relationshipStatuses(page, 'Demonstration Example Buyer', ['Connected']), ['Connected']);
    await expectTickets(page, 2);
    await close();
  });

  it('verification → "Connect without verification" → a support case', async () => {
    const { page, close } = await open('#connect');
    await requestVerification(page);
    await page.getByRole('button', { name: 'Connect without verification' }).click();
    await expectTitle(page, 'Your request has been received');
    await flowOutcome(page).locator('[part~="reference"]').getByText('2881017').waitFor();
    assert.deepEqual(await relationshipStatuses(page, 'Demonstration Example Buyer', ['Support case open']), ['Support case open']);
    await expectTickets(page, 3);
    await close();
  });

  it('relationships: Resume verification returns to a verification left half-way; Request again opens the request', async () => {
    const { page, close } = await open('#connect');
    await requestVerification(page);
    // Leave the verification for later.
    assert.deepEqual(await relationshipStatuses(page, 'Demonstration Example Buyer', ['Verification pending']), ['Verification pending']);
    await page.locator('tn-relationships tr', { hasText: 'Demonstration Example Buyer' }).getByRole('button', { name: /Resume verification/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Connect with a customer' }).waitFor();
    await expectTitle(page, 'Verify your relationship');
    await page.getByRole('textbox', { name: 'Invoice number' }).waitFor();

    await page.getByRole('link', { name: 'Customer relationships' }).click();
    await page.locator('tn-relationships tr', { hasText: 'Wingtip Toys' }).getByRole('button', { name: /Request again/ }).click();
    await expectTitle(page, 'Request the connection');
    await page.locator('tn-group-picker').getByText('Wingtip Toys Ltd', { exact: true }).waitFor();
    // The request is for the account the relationship was on.
    assert.equal(
      await page.locator('tn-group-picker #account').evaluate((select) => select.selectedOptions[0]?.textContent),
      'Adams Office Supplies (UK)',
    );
    await close();
  });

  it('the whole single-entity journey by keyboard only', async () => {
    const { page, close } = await open();
    await page.getByRole('heading', { name: 'For your attention' }).waitFor();
    await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Connect now', '"Connect now"');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Connect with a customer' }).waitFor();
    await tabUntil(page, (f) => f.tag === 'input' && f.id === 'input', 'the search field');
    await page.keyboard.type('tungsten bank', { delay: 30 });
    await option(page, 'Tungsten Bank PLC').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expectTitle(page, 'Request the connection');
    await tabUntil(page, (f) => f.tag === 'select' && f.id === 'account', 'the account choice');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(
      () => document.querySelector('tn-customer-connect').shadowRoot.querySelector('tn-group-picker').shadowRoot.querySelector('#account').value !== '',
    );
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Connect', 'the Connect button');
    await page.keyboard.press('Enter');
    await expectTitle(page, 'Your request has been received');
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Connect with another customer', '"Connect with another customer"');
    await page.keyboard.press('Enter');
    await expectTitle(page, 'Find your customer');
    await close();
  });

  it('the group journey by keyboard only: Shift+Enter on a result, the account, the whole group, the vendor code', async () => {
    const { page, close } = await open('#connect');
    await tabUntil(page, (f) => f.tag === 'input' && f.id === 'input', 'the search field');
    await page.keyboard.type('tungsten', { delay: 30 });
    await option(page, 'Tungsten Network GmbH').waitFor();
    await arrowToOption(page, 'Tungsten Network GmbH');
    await page.keyboard.press('Shift+Enter');
    await expectTitle(page, 'Request the connection');
    await page.getByRole('tree').getByRole('treeitem', { name: /Tungsten Network GmbH/ }).waitFor();
    await keyboardAccount(page);
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Select the whole group', '"Select the whole group"');
    await page.keyboard.press('Enter');
    await page.getByText('7 of 7 selected').waitFor();
    await tabUntil(page, (f) => f.tag === 'input' && f.id === 'vendor-code', 'the vendor code');
    await page.keyboard.type('ADAMS-042', { delay: 10 });
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Connect', 'the Connect button');
    await page.keyboard.press('Enter');
    await expectTitle(page, 'Your request has been received');
    await close();
  });

  it('the verification journey by keyboard only: evidence, the challenge, connected', async () => {
    const { page, close } = await open('#connect');
    await keyboardRequestVerification(page);
    await tabUntil(page, (f) => f.tag === 'input' && f.id === 'invoice-number', 'the invoice number');
    await page.keyboard.type('TNA9322', { delay: 10 });
    await keyboardDateAmountContinue(page, '2015-08-10', '4,508.00');
    await page.locator('tn-verify-invoice #challenge-number').waitFor();
    const asked = (await page.locator('tn-verify-invoice #challenge-number').textContent()).trim();
    assert.ok(CHALLENGE_ANSWERS[asked], `unexpected challenge ${asked}`);
    await keyboardDateAmountContinue(page, ...CHALLENGE_ANSWERS[asked]);
    await expectTitle(page, 'You are connected');
    await close();
  });

  it('"Connect without verification", then Resume and Request again from the relationships, by keyboard only', async () => {
    const { page, close } = await open('#connect');
    await keyboardRequestVerification(page);
    // Leave it for later: the relationships offer to resume it.
    await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Customer relationships', 'the "Customer relationships" link', 80);
    await page.keyboard.press('Enter');
    await page.locator('tn-relationships tr', { hasText: 'Demonstration Example Buyer' }).getByRole('button', { name: /Resume verification/ }).waitFor();
    await tabUntil(page, (f) => f.tag === 'button' && /Resume verification/.test(f.text + (f.label ?? '')), 'Resume verification', 80);
    await page.keyboard.press('Enter');
    await expectTitle(page, 'Verify your relationship');
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Connect without verification', '"Connect without verification"', 80);
    await page.keyboard.press('Enter');
    await expectTitle(page, 'Your request has been received');

    await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Customer relationships', 'the "Customer relationships" link', 80);
    await page.keyboard.press('Enter');
    await page.locator('tn-relationships tr', { hasText: 'Wingtip Toys' }).getByRole('button', { name: /Request again/ }).waitFor();
    await tabUntil(page, (f) => f.tag === 'button' && /Request again/.test(f.text + (f.label ?? '')) && /Wingtip/.test(f.label ?? f.text), 'Request again for Wingtip Toys', 80);
    await page.keyboard.press('Enter');
    await expectTitle(page, 'Request the connection');
    await page.locator('tn-group-picker').getByText('Wingtip Toys Ltd', { exact: true }).waitFor();
    await close();
  });

  it('Back and Forward move between the steps and the portal pages, and never leave a page behind', async () => {
    const { page, close } = await open();
    await page.getByRole('link', { name: 'Connect now' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connect with a customer' }).waitFor();
    await search(page, 'tungsten bank');
    await option(page, 'Tungsten Bank PLC').locator('[data-action="connect"]').click();
    await expectTitle(page, 'Request the connection');
    assert.match(page.url(), /customer=/);

    // Back: the search as it was, on the same page.
    await page.goBack();
    await expectTitle(page, 'Find your customer');
    assert.equal(await page.getByRole('combobox', { name: 'Search your customers' }).inputValue(), 'tungsten bank');
    assert.doesNotMatch(page.url(), /customer=/);
    // Back again: Home, and only Home.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    assert.equal(await page.locator('#page-connect').isHidden(), true, 'the Connect page stayed on screen');
    // Forward twice: the search, then the request.
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: 'Connect with a customer' }).waitFor();
    await flowTitleIs(page, 'Find your customer');
    await page.goForward();
    await flowTitleIs(page, 'Request the connection');
    await page.locator('tn-group-picker').getByText('Tungsten Bank PLC', { exact: true }).waitFor();
    await close();
  });

  it('reload on every step: the search, the request, the verification (half-way), the outcome and the case view come back', async () => {
    const { page, close } = await open('#connect');
    await search(page, 'demonstration');
    await option(page, 'Demonstration Example Buyer').waitFor();
    await page.reload();
    const box = page.getByRole('combobox', { name: 'Search your customers' });
    assert.equal(await box.inputValue(), 'demonstration');
    await box.click();
    await page.keyboard.press('ArrowDown');

    await option(page, 'Demonstration Example Buyer').locator('[data-action="connect"]').click();
    await expectTitle(page, 'Request the connection');
    // Typed but not sent: the account, vendor code and notes come back after a reload.
    await chooseAccount(page);
    await page.getByRole('textbox', { name: 'Vendor code' }).fill('V-42');
    await page.getByRole('textbox', { name: 'Notes' }).fill('Ask for Dana');
    await page.reload();
    await page.locator('tn-group-picker').getByText('Demonstration Example Buyer', { exact: true }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Vendor code' }).inputValue(), 'V-42');
    assert.equal(await page.getByRole('textbox', { name: 'Notes' }).inputValue(), 'Ask for Dana');
    assert.equal(await page.getByLabel('Account', { exact: true }).inputValue(), 'ACC-AOS-IT');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expectTitle(page, 'Verify your relationship');

    // Half an answer, then a reload: what was typed is still there.
    await page.getByRole('textbox', { name: 'Invoice number' }).fill('TNA9322');
    await page.reload();
    assert.equal(await page.getByRole('textbox', { name: 'Invoice number' }).inputValue(), 'TNA9322');

    // Step 1 right, then a reload: the network remembers, the challenge is still asked.
    await page.getByRole('textbox', { name: 'Invoice number' }).fill('TNA9322');
    await page.getByLabel('Invoice date').fill(englishDate('2015-08-10'));
    await page.getByRole('textbox', { name: 'Invoice amount' }).fill('4,508.00');
    await page.getByRole('button', { name: 'Continue' }).click();
    const asked = (await page.locator('tn-verify-invoice #challenge-number').textContent()).trim();
    await page.reload();
    assert.equal((await page.locator('tn-verify-invoice #challenge-number').textContent()).trim(), asked);
    await page.getByLabel('Invoice date').fill(englishDate(CHALLENGE_ANSWERS[asked][0]));
    await page.getByRole('textbox', { name: 'Invoice amount' }).fill(CHALLENGE_ANSWERS[asked][1]);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('tn-customer-connect [part~="recap"]').getByText('Demonstration Example Buyer').waitFor();

    // The outcome after a reload, then Back to the verification's end and Forward again.
    await page.reload();
    await page.locator('tn-customer-connect [part~="recap"]').getByText('Demonstration Example Buyer').waitFor();
    assert.match(await page.locator('tn-customer-connect #flow-title').innerText(), /You are connected/);
    await close();
  });

  it('the outcome leads to the case view, which survives a reload; Back returns to the outcome', async () => {
    const { page, close } = await open('#connect');
    await search(page, 'tungsten bank');
    await option(page, 'Tungsten Bank PLC').locator('[data-action="connect"]').click();
    await chooseAccount(page);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expectTitle(page, 'Your request has been received');
    await page.reload();
    await flowOutcome(page).locator('[part~="reference"]').getByText('2881017').waitFor();
    await page.getByRole('button', { name: 'View the case' }).click();
    await page.getByRole('heading', { level: 1, name: 'Support case 2881017' }).waitFor();
    await page.locator('tn-support-case [part~="status"]').getByText('Open').waitFor();
    await page.locator('tn-support-case').getByText('Adams Office Supplies (IT) - Test').waitFor();
    assert.match(await page.locator('tn-support-case [part~="base"]').innerText(), /Tungsten Bank PLC[\s\S]*Adams Office Supplies \(IT\) - Test/);
    await page.reload();
    await page.locator('tn-support-case [part~="reference"]').getByText('2881017').waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Connect with a customer' }).waitFor();
    await flowOutcome(page).locator('[part~="reference"]').getByText('2881017').waitFor();
    // Home: support cases' View all leads to the relationships, a failed invoice's View to the invoices page.
    await page.getByRole('link', { name: 'Home' }).click();
    await page.locator('tn-attention-panel').getByRole('button', { name: /View all.*Support cases/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Customer relationships' }).waitFor();
    await page.getByRole('link', { name: 'Home' }).click();
    await page.locator('tn-attention-panel').getByRole('button', { name: /^View (?!all)/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Invoices' }).waitFor();
    await page.locator('#invoices tr[aria-current="true"]').waitFor();
    await close();
  });

  it('in French: the same journey reads in French from the home page', async () => {
    const { page, close } = await open('?lang=fr');
    await page.getByRole('heading', { name: 'Pour votre attention' }).waitFor();
    await page.getByRole('link', { name: 'Mettez-vous en relation dès maintenant' }).click();
    await page.getByRole('heading', { level: 1, name: 'Se mettre en relation avec un client' }).waitFor();
    await search(page, 'tungsten bank');
    await option(page, 'Tungsten Bank PLC').locator('[data-action="connect"]').click();
    await expectTitle(page, 'Demander la mise en relation');
    await chooseAccount(page, 'Compte');
    await page.getByRole('button', { name: 'Se mettre en relation', exact: true }).click();
    await expectTitle(page, 'Votre demande a bien été reçue');
    const outcome = await flowOutcome(page).innerText();
    assert.match(outcome, /2881017/);
    assert.doesNotMatch(outcome, /processed by|Support case/);
    await close();
  });

  // The whole supplier's journey by the elements' parts, not their words, so that it runs in
  // any language: search → View group → tick a second entity → review → request → outcome →
  // case view, with Back, Forward and reload, and never a page wider than the screen.
  for (const [lang, width] of [
    ['ar', 360],
    ['fr', 1280],
  ]) {
    it(`the group journey in ${lang} at ${width} px: review, request, case view, Back, Forward and reload`, async () => {
      const { page, close } = await open(`?lang=${lang}#connect`, { width });
      const fits = async (where) => {
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= width, `${where} scrolls sideways at ${width} px in ${lang} (${scrollWidth})`);
      };
      const box = page.locator('tn-customer-search input');
      await box.click();
      await box.pressSequentially('tungsten', { delay: 30 });
      await option(page, 'Tungsten Bank PLC').locator('[data-action="view-group"]').click();
      const picker = page.locator('tn-group-picker');
      const row = (name) => picker.locator('[role="treeitem"]', { hasText: name });
      await row('Tungsten Corporation PLC').waitFor();
      assert.equal(await row('Tungsten Bank PLC').getAttribute('aria-checked'), 'true');
      await row('Tungsten Corporation PLC').click();
      await picker.locator('[part~="show-selected"]').click();
      await page.waitForFunction(() => {
        const tree = document.querySelector('tn-customer-connect')?.shadowRoot?.querySelector('tn-group-picker')?.shadowRoot;
        return tree?.querySelectorAll('[role="treeitem"][aria-level="2"]').length === 2;
      });
      await fits('the group review');
      // A reload keeps the group mode and both ticks.
      await page.reload();
      await row('Tungsten Corporation PLC').waitFor();
      assert.equal(await row('Tungsten Corporation PLC').getAttribute('aria-checked'), 'true');
      assert.equal(await row('Tungsten Bank PLC').getAttribute('aria-checked'), 'true');
      await picker.locator('#account').selectOption({ value: 'ACC-AOS-IT' });
      await picker.locator('[part~="submit"]').click();
      const reference = flowOutcome(page).locator('[part~="reference"]');
      await reference.waitFor();
      const number = (await reference.innerText()).match(/\d{7}/)?.[0];
      assert.ok(number, 'no reference on the outcome');
      assert.match(await flowOutcome(page).innerText(), /Tungsten Bank PLC[\s\S]*Tungsten Corporation PLC|Tungsten Corporation PLC[\s\S]*Tungsten Bank PLC/);
      await fits('the outcome');
      await page.reload();
      await flowOutcome(page).locator('[part~="reference"]').getByText(number).waitFor();
      await page.locator('tn-customer-connect [part~="view-case"]').click();
      const caseView = page.locator('tn-support-case');
      await caseView.locator('[part~="reference"]').getByText(number).waitFor();
      await fits('the case view');
      await page.goBack();
      await flowOutcome(page).locator('[part~="reference"]').getByText(number).waitFor();
      await page.goForward();
      await caseView.locator('[part~="reference"]').getByText(number).waitFor();
      await page.reload();
      await caseView.locator('[part~="reference"]').getByText(number).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.dir || document.dir), lang === 'ar' ? 'rtl' : 'ltr');
      await close();
    });

    it(`the verification journey in ${lang} at ${width} px: both steps, a reload half-way, the recap`, async () => {
      const { page, close } = await open(`?lang=${lang}#connect`, { width });
      const fits = async (where) => {
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= width, `${where} scrolls sideways at ${width} px in ${lang} (${scrollWidth})`);
      };
      // Amounts as this locale writes them, without grouping; dates year first, read in every locale.
      const amount = (english) => english.replace(/,/g, '').replace('.', lang === 'fr' ? ',' : '.');
      const box = page.locator('tn-customer-search input');
      await box.click();
      await box.pressSequentially('demonstration', { delay: 30 });
      await option(page, 'Demonstration Example Buyer').locator('[data-action="connect"]').click();
      const picker = page.locator('tn-group-picker');
      await picker.locator('#account').selectOption({ value: 'ACC-AOS-IT' });
      await picker.locator('[part~="submit"]').click();
      const verify = page.locator('tn-verify-invoice');
      await verify.locator('#invoice-number').fill('TNA9322');
      await verify.locator('#invoice-date').fill('2015-08-10');
      await verify.locator('#amount').fill('4508');
      await fits('the verification');
      await verify.locator('[part~="continue"]').click();
      const asked = (await verify.locator('#challenge-number').textContent()).trim();
      assert.ok(CHALLENGE_ANSWERS[asked], `the network asked for ${asked}, which the demo history does not hold`);
      // Half the challenge typed, then a reload: the same invoice is asked, the date still typed.
      await verify.locator('#invoice-date').fill(CHALLENGE_ANSWERS[asked][0]);
      await page.reload();
      assert.equal((await verify.locator('#challenge-number').textContent()).trim(), asked);
      assert.equal(await verify.locator('#invoice-date').inputValue(), CHALLENGE_ANSWERS[asked][0]);
      await verify.locator('#amount').fill(amount(CHALLENGE_ANSWERS[asked][1]));
      await verify.locator('[part~="continue"]').click();
      await flowOutcome(page).locator('[part~="recap"]').getByText('Demonstration Example Buyer').waitFor();
      await fits('the recap');
      await page.reload();
      await flowOutcome(page).locator('[part~="recap"]').getByText('Demonstration Example Buyer').waitFor();
      await close();
    });
  }

  it('fits a 320 px wide screen without sideways scrolling', async () => {
    const { page, close } = await open('#connect', { width: 320 });
    await search(page, 'tungsten bank');
    await option(page, 'Tungsten Bank PLC').locator('[data-action="connect"]').click();
    await expectTitle(page, 'Request the connection');
    await page.getByRole('combobox', { name: 'Account' }).waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'the page scrolls sideways at 320 px');
    // Every page, and at a middle width where the relationships are still a table.
    for (const width of [320, 600]) {
      await page.setViewportSize({ width, height: 900 });
      for (const name of ['Home', 'Customer relationships']) {
        await page.getByRole('link', { name }).click();
        await page.waitForTimeout(300);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= width, `${name} scrolls sideways at ${width} px (${scrollWidth})`);
      }
    }
    await close();
  });
});

/**
 * Waits until the element at `path` (one selector per shadow root, outermost first) is on the
 * page and not hidden, then returns the listed properties of its computed style.
 */
const computedStyle = (page, path, props) =>
  page
    .waitForFunction(
      ([selectors, names]) => {
        let scope = document;
        let el = null;
        for (const selector of selectors) {
          el = scope.querySelector(selector);
          if (!el) return false;
          scope = el.shadowRoot ?? el;
        }
        if (el.hidden) return false;
        const style = getComputedStyle(el);
        return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]));
      },
      [path, props],
      { polling: 'raf' },
    )
    .then((handle) => handle.jsonValue());

/**
 * Windows high contrast (`forced-colors: active`, emulated by Chromium): the browser replaces
 * every author colour with the user's few system colours and drops backgrounds, so any state
 * shown only by a colour disappears. Each element keeps its states visible with system
 * colours (`Highlight`, `CanvasText`, …) or borders and outlines; these tests read what the
 * browser computes under forced colours, against the system colours it resolves.
 */
describe('Windows high contrast (forced-colors: active, Chromium)', () => {
  /** What the browser resolves a system colour to under forced colours (as getComputedStyle reports it). */
  const systemColor = (page, name) =>
    page.evaluate((keyword) => {
      const probe = document.createElement('span');
      probe.style.color = keyword;
      document.body.append(probe);
      const value = getComputedStyle(probe).color;
      probe.remove();
      return value;
    }, name);

  async function openForced(path) {
    const opened = await open(path);
    await opened.page.emulateMedia({ forcedColors: 'active' });
    assert.equal(await opened.page.evaluate(() => matchMedia('(forced-colors: active)').matches), true, 'forced colours are not emulated');
    return opened;
  }

  const FLOW = 'tn-customer-connect';

  it('the current step, the result the keyboard is on, checked entities, the focus ring and buttons stay visible', async () => {
    const { page, close } = await openForced('#connect');
    const highlight = await systemColor(page, 'Highlight');
    const highlightText = await systemColor(page, 'HighlightText');
    const canvas = await systemColor(page, 'Canvas');
    assert.notEqual(highlight, canvas, 'the emulated palette has no distinct Highlight');

    // The step indicator: the current step's number is the one in Highlight.
    const current = await computedStyle(page, [FLOW, '.current .number'], ['background-color', 'color']);
    assert.deepEqual(current, { 'background-color': highlight, color: highlightText });
    const future = await computedStyle(page, [FLOW, '.future .number'], ['background-color']);
    assert.notEqual(future['background-color'], highlight, 'a future step looks like the current one');

    // The search result the keyboard is on is outlined in Highlight; the others are not.
    await tabUntil(page, (f) => f.tag === 'input' && f.id === 'input', 'the search field');
    await page.keyboard.type('tungsten', { delay: 30 });
    await option(page, 'Tungsten Network GmbH').waitFor();
    await arrowToOption(page, 'Tungsten Network GmbH');
    const active = await computedStyle(page, [FLOW, 'tn-customer-search', '.option.active'], ['outline-style', 'outline-color', 'outline-width']);
    assert.deepEqual(active, { 'outline-style': 'solid', 'outline-color': highlight, 'outline-width': '2px' });
    const other = await computedStyle(page, [FLOW, 'tn-customer-search', '.option:not(.active)'], ['outline-style']);
    assert.equal(other['outline-style'], 'none');

    // The group tree: a checked entity's box is filled with Highlight, an unchecked one is not.
    await page.keyboard.press('Shift+Enter');
    await expectTitle(page, 'Request the connection');
    await page.getByRole('tree').getByRole('treeitem', { name: /Tungsten Network GmbH/ }).waitFor();
    const picker = [FLOW, 'tn-group-picker'];
    const checked = await computedStyle(page, [...picker, '[role="treeitem"][aria-checked="true"] .box'], ['background-color', 'border-top-style']);
    const unchecked = await computedStyle(page, [...picker, '[role="treeitem"][aria-checked="false"] .box'], ['background-color', 'border-top-style']);
    assert.equal(checked['background-color'], highlight);
    assert.notEqual(unchecked['background-color'], highlight);
    assert.equal(unchecked['border-top-style'], 'solid', 'an unchecked box has no edge');

    // Keyboard focus: a ring on the focused control, and buttons keep an edge without their fill.
    await keyboardAccount(page);
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Select the whole group', '"Select the whole group"');
    const ring = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    assert.notEqual(ring.style, 'none', 'no focus ring under forced colours');
    assert.ok(ring.width >= 2, `focus ring ${ring.width}px wide`);
    const connect = await computedStyle(page, [...picker, 'button[type="submit"]'], ['border-top-style', 'border-top-width']);
    assert.notEqual(connect['border-top-style'], 'none', 'the Connect button has no edge');
    assert.ok(parseFloat(connect['border-top-width']) >= 1);
    await close();
  });

  it('the verification steps show which one is current, and the attention panel keeps its markers', async () => {
    const { page, close } = await openForced('#connect');
    const highlight = await systemColor(page, 'Highlight');
    await requestVerification(page);
    const verify = [FLOW, 'tn-verify-invoice'];
    const marker = await computedStyle(page, [...verify, '.status-current .marker'], ['background-color']);
    assert.equal(marker['background-color'], highlight);
    const upcoming = await computedStyle(page, [...verify, '.marker'], ['border-top-style']);
    assert.notEqual(upcoming['border-top-style'], 'none', 'a step marker has no edge');

    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('cell', { name: 'Support cases' }).waitFor();
    const dot = await computedStyle(page, ['tn-attention-panel', '.dot'], ['border-top-style', 'border-top-width']);
    assert.equal(dot['border-top-style'], 'solid', 'the status dots vanish without their fill');
    assert.ok(parseFloat(dot['border-top-width']) >= 1);
    await close();
  });
});

/**
 * `prefers-reduced-motion: reduce` (emulated by Chromium): nothing spins at full speed or
 * slides. Each check reads the computed animation or transition while the moving piece is
 * on screen, then again with the preference cleared, so it shows the preference is what
 * makes the difference.
 */
describe('reduced motion (prefers-reduced-motion: reduce, Chromium)', () => {
  it('the search spinner slows, the panel\'s refresh icon stops, the verification markers change without a transition', async () => {
    const { page, close } = await open('#connect');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const spinner = ['tn-customer-connect', 'tn-customer-search', '.spinner'];
    await search(page, 'tungs');
    assert.equal((await computedStyle(page, spinner, ['animation-duration']))['animation-duration'], '3s');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.getByRole('combobox', { name: 'Search your customers' }).press('t');
    assert.equal((await computedStyle(page, spinner, ['animation-duration']))['animation-duration'], '0.8s');
    await page.getByRole('combobox', { name: 'Search your customers' }).fill('');

    await page.emulateMedia({ reducedMotion: 'reduce' });
    await requestVerification(page);
    const marker = ['tn-customer-connect', 'tn-verify-invoice', '.marker'];
    assert.equal((await computedStyle(page, marker, ['transition-duration']))['transition-duration'], '0s');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    assert.equal((await computedStyle(page, marker, ['transition-duration']))['transition-duration'], '0.2s, 0.2s');

    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('cell', { name: 'Support cases' }).waitFor();
    const refreshing = ['tn-attention-panel', '.refresh[aria-disabled="true"] .icon'];
    await page.locator('tn-attention-panel').getByRole('button', { name: 'Refresh' }).click();
    assert.equal((await computedStyle(page, refreshing, ['animation-name']))['animation-name'], 'none');
    await page.locator('tn-attention-panel').getByRole('button', { name: 'Refresh' }).waitFor();
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.locator('tn-attention-panel').getByRole('button', { name: 'Refresh' }).click();
    assert.equal((await computedStyle(page, refreshing, ['animation-name']))['animation-name'], 'spin');
    await close();
  });
});
