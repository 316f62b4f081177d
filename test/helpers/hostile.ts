/**
 * A corpus of hostile strings: markup and script in every form a server could send where
 * text belongs, URL and template and CSS injection, bidi and invisible characters, and
 * sheer size. Anything that runs calls `window.__pwned(...)`, which the hostile-data tests
 * watch (with `alert`, page errors and CSP violations).
 */

declare global {
  interface Window {
    __pwned?: (what: unknown) => void;
  }
}

const P = 'window.__pwned';

/** The payloads themselves. */
const BASE: string[] = [
  `<script>${P}('script')</script>`,
  `<SCRIPT SRC=data:text/javascript,${P}(1)></SCRIPT>`,
  `<img src=x onerror="${P}('img')">`,
  `<img src="x" onerror='${P}(2)'/>`,
  `"><img src=x onerror=${P}(3)>`,
  `'><svg/onload=${P}(4)>`,
  `<svg onload="${P}('svg')"></svg>`,
  `<svg><script>${P}('svg-script')</script></svg>`,
  `<svg><animate onbegin=${P}(5) attributeName=x dur=1s>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${P}(6)>`,
  `<iframe src="javascript:parent.${P.slice(7)}(7)"></iframe>`,
  `<iframe srcdoc="<script>parent.__pwned(8)</script>"></iframe>`,
  `<object data="javascript:${P}(9)"></object>`,
  `<embed src="javascript:${P}(10)">`,
  `<a href="javascript:${P}(11)">click me</a>`,
  `javascript:${P}(12)`,
  `JaVaScRiPt:${P}(13)`,
  ` javascript:${P}(14)`,
  `data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
  `vbscript:msgbox(1)`,
  `<body onload=${P}(15)>`,
  `<details open ontoggle=${P}(16)>`,
  `<input autofocus onfocus=${P}(17)>`,
  `<video><source onerror=${P}(18)></video>`,
  `<audio src=x onerror=${P}(19)>`,
  `<marquee onstart=${P}(20)>x</marquee>`,
  `<form action="javascript:${P}(21)"><button>go</button></form>`,
  `<button formaction="javascript:${P}(22)">x</button>`,
  `<base href="javascript:/">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${P}(23)">`,
  `<link rel=stylesheet href="javascript:${P}(24)">`,
  `<noscript><p title="</noscript><img src=x onerror=${P}(25)>"></noscript>`,
  `<template><script>${P}(26)</script></template>`,
  `<style>*{display:none !important}</style>`,
  `</style><style>:host{display:none}</style>`,
  `<style>@import 'javascript:${P}(27)';</style>`,
  `"; background: url(javascript:${P}(28)); "`,
  `expression(${P}(29))`,
  `x" style="position:fixed;inset:0;background:red`,
  `\${${P}(30)}`,
  `{{constructor.constructor('${P}(31)')()}}`,
  `<%= ${P}(32) %>`,
  `#{${P}(33)}`,
  `<?lit$1234$><!--?lit$1234$-->`,
  `<!--?lit$5678$--><b>marker</b>`,
  `<x id="0" equiv-text="\${secret}"/>`,
  `<!-- a comment --><b>bold</b><i>italic</i>`,
  `&lt;script&gt;${P}(34)&lt;/script&gt;`,
  `&#60;script&#62;${P}(35)&#60;/script&#62;`,
  `&amp;&quot;&apos;&nbsp;`,
  `\u202eevil\u202c reversed`,
  `\u202dforced LTR\u202c`,
  `\u2066isolate\u2069 \u2067rtl isolate\u2069`,
  `\u200b\u200c\u200d\ufeffzero\u200bwidth`,
  `Z\u0334\u0321\u031b\u0316\u0326a\u0338\u0327\u0330l\u0337\u0322g\u0338\u031do\u0336\u0316`,
  `e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301`,
  `null\u0000byte`,
  `line\nbreak\r\ntab\t`,
  `🙂🚀👩‍👩‍👧‍👦🏳️‍🌈`,
  `مرحبا بالعالم RTL عربي 123`,
  `שלום עולם`,
  `%s %d %n %x {0} {1}`,
  `' OR 1=1 --`,
  `../../../../etc/passwd`,
  `\\u003cscript\\u003e`,
  `constructor`,
  `__proto__`,
  `toString`,
  `undefined`,
  `null`,
  `NaN`,
  `A`.repeat(10_000),
  `W${'x'.repeat(5_000)}`,
  `word `.repeat(2_000),
];

/** The corpus: each payload alone, and embedded in an otherwise ordinary value. */
export const HOSTILE_STRINGS: readonly string[] = [
  ...BASE,
  ...BASE.filter((p) => p.length < 200).map((p) => `Acme ${p} Ltd`),
];

/** Installs the tripwires; returns what tripped (call `restore()` when done). */
export function tripwires(): { tripped: string[]; restore: () => void } {
  const tripped: string[] = [];
  const originalAlert = window.alert;
  const onViolation = (event: SecurityPolicyViolationEvent) => tripped.push(`CSP: ${event.violatedDirective}`);
  const onError = (event: ErrorEvent) => tripped.push(`page error: ${event.message}`);
  window.__pwned = (what) => tripped.push(`script ran: ${String(what)}`);
  window.alert = (message?: unknown) => tripped.push(`alert: ${String(message)}`);
  document.addEventListener('securitypolicyviolation', onViolation);
  window.addEventListener('error', onError);
  return {
    tripped,
    restore() {
      window.alert = originalAlert;
      delete window.__pwned;
      document.removeEventListener('securitypolicyviolation', onViolation);
      window.removeEventListener('error', onError);
    },
  };
}

/** Elements a server string could have smuggled in (none of ours carry these). */
export function smuggled(root: ShadowRoot | Element): string[] {
  const found: string[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const el of node.querySelectorAll('*')) {
      const tag = el.localName;
      if (['script', 'iframe', 'object', 'embed', 'img', 'video', 'audio', 'marquee', 'base', 'meta', 'link', 'math', 'template', 'noscript', 'details'].includes(tag)) {
        found.push(`<${tag}>`);
      }
      if (tag === 'style' && !el.closest('svg') && el.textContent!.includes('display:none')) found.push('<style> from data');
      for (const attr of el.getAttributeNames()) {
        if (attr.startsWith('on')) found.push(`${tag}[${attr}]`);
        const value = el.getAttribute(attr)!;
        if (/^\s*javascript:/i.test(value)) found.push(`${tag}[${attr}=javascript:]`);
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(root);
  return found;
}
