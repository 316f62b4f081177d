// A host page for the layout suite (test/host-layouts.test.ts) and for looking at the elements
// where integrators put them. The query string says what to build:
//   layout   plain | dialog | flex | inline-block | float | table | card | dark | grey | root-62 | rtl
//   element  customer-connect (default) | customer-search | group-picker | verify-invoice |
//            attention-panel | relationships — or several, comma-separated: each is placed
//            in a layout of its own, one below the other (each copy in a block of its own)
//   names    long (60 characters, unbroken) | huge (100,000) | bidi (a right-to-left override
//            that makes a name read as another) | arabic-punctuation — every legal name the
//            directory returns becomes that
//   lib      src (default: the sources, through the dev server) | cdn (the built script-tag
//            bundle, dist/cdn, as a partner portal loads it)
// host-quirks.html is the same page without a doctype (quirks mode), for the table cell.
// The page sets `window.hostReady` (a promise) once the elements are defined and rendered: it
// resolves with the first, and `window.hostElements` holds them all.
const params = new URLSearchParams(location.search);
const layout = params.get('layout') ?? 'plain';
const elements = (params.get('element') ?? 'customer-connect').split(',');
const names = params.get('names');

const LONG = 'Kreditanstaltfürwiederaufbauundentwicklungsbeteiligungsgesell';
const NAMES = {
  long: () => LONG.slice(0, 60),
  huge: () => 'W'.repeat(100_000),
  // Displays as "Tungsten Bank PLC" where the override is honoured.
  bidi: () => '\u202eCLP knaB netsgnuT',
  'arabic-punctuation': () => 'Fabrikam Logistics B.V.',
};

/** The demo adapter, with every legal name replaced when `names` asks for it. */
function hostAdapter(demo) {
  const rename = NAMES[names];
  if (!rename) return demo;
  const entity = (e) => ({ ...e, legalName: rename(e.legalName) });
  const wrapped = {
    searchDirectory: async (query, options) => {
      const page = await demo.searchDirectory(query, options);
      return { ...page, items: page.items.map(entity) };
    },
    getCustomer: async (id, options) => entity(await demo.getCustomer(id, options)),
    getGroup: async (...args) => {
      const group = await demo.getGroup(...args);
      return { ...group, entities: group.entities.map(entity) };
    },
    listRelationships: async (...args) =>
      (await demo.listRelationships(...args)).map((r) => ({ ...r, customer: entity(r.customer) })),
  };
  return new Proxy(demo, {
    get: (target, key) => wrapped[key] ?? (typeof target[key] === 'function' ? target[key].bind(target) : target[key]),
  });
}

async function loadLibrary() {
  if (params.get('lib') === 'cdn') {
    const [lib, demo] = await Promise.all([
      import('/dist/cdn/tn-customer-connect.min.js'),
      import('/dist/cdn/tn-demo-adapter.min.js'),
    ]);
    return { lib, demo };
  }
  const [lib, demo] = await Promise.all([import('/src/define.ts'), import('/src/adapter/demo/index.ts')]);
  return { lib, demo };
}

const PAGE_STYLES = {
  dark: 'body { background: #0d1117; color: #e6edf3; color-scheme: dark; }',
  grey: 'body { background: #808080; color: #000; }',
  'root-62': 'html { font-size: 62.5%; } body { font-size: 1.4rem; }',
};

/** Puts `el` where the layout says, in `document.body` (in a block of its own when there are several). */
function place(el) {
  const target = elements.length > 1 ? document.body.appendChild(document.createElement('div')) : document.body;
  const wrap = (html) => {
    const holder = document.createElement('div');
    holder.innerHTML = html;
    target.append(...holder.childNodes);
    target.querySelector('[data-slot]').replaceWith(el);
  };
  switch (layout) {
    case 'dialog':
      wrap('<dialog id="host"><h2>Connect with a customer</h2><span data-slot></span></dialog>');
      target.querySelector('dialog').showModal();
      break;
    case 'flex':
      wrap('<div id="host" style="display: flex; gap: 16px"><nav style="flex: none">Menu</nav><span data-slot></span></div>');
      break;
    case 'inline-block':
      wrap('<div id="host" style="display: inline-block"><span data-slot></span></div>');
      break;
    case 'float':
      wrap('<div id="host" style="float: left"><span data-slot></span></div><p>Text beside the float.</p>');
      break;
    case 'table':
      wrap('<table id="host"><tr><td><span data-slot></span></td><td>Help</td></tr></table>');
      break;
    case 'card':
      // The most common card: fixed height, clipped, inside a transformed (animated) column.
      wrap(`<div style="transform: translateZ(0); padding: 16px">
          <div id="host" style="overflow: hidden; block-size: 220px; border: 1px solid #ccc; border-radius: 8px; padding: 12px">
            <span data-slot></span>
          </div>
        </div>`);
      break;
    default:
      wrap('<main id="host"><span data-slot></span></main>');
  }
}

async function main() {
  if (layout === 'rtl') {
    document.documentElement.dir = 'rtl';
    document.documentElement.lang = 'ar';
  }
  const style = document.createElement('style');
  style.textContent = `body { margin: 8px; font-family: system-ui, sans-serif; } ${PAGE_STYLES[layout] ?? ''}`;
  document.head.append(style);
  const { lib, demo } = await loadLibrary();
  if (layout === 'rtl') await lib.setLocale('ar');
  else if (params.get('lang')) await lib.setLocale(params.get('lang'));
  const adapter = hostAdapter(demo.createDemoAdapter());
  const placed = elements.map((element) => {
    const el = document.createElement(`tn-${element}`);
    el.adapter = adapter;
    place(el);
    return el;
  });
  for (const el of placed) {
    await customElements.whenDefined(el.localName);
    await el.updateComplete;
  }
  window.hostElements = placed;
  return placed[0];
}

window.hostReady = main();
