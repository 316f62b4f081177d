/**
 * The one rule for URLs that cross between the library, the network and the host page:
 * only http(s). A URL the library hands the host to navigate to (a support case's
 * `statusUrl`) must be `https:`, or `http:` when the page itself is served over http; a base
 * URL of the REST adapter must be `http:` or `https:`. Anything else — `javascript:`,
 * `data:`, `blob:`, `file:`… — is refused.
 */

/** The page's URL, where there is a page (not in Node). */
function pageUrl(): string | undefined {
  return typeof location === 'undefined' ? undefined : location.href;
}

/**
 * `value` as an absolute URL the host may navigate to, or undefined (with a console warning
 * naming `what`) when it is not https, or http on an http page.
 */
export function navigableUrl(value: unknown, what: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(String(value), pageUrl());
  } catch {
    url = undefined;
  }
  const httpPage = typeof location !== 'undefined' && location.protocol === 'http:';
  if (url && (url.protocol === 'https:' || (url.protocol === 'http:' && httpPage))) return url.href;
  console.warn(
    `tn-customer-connect: ${what} ${JSON.stringify(String(value).slice(0, 200))} was dropped: only https URLs${
      httpPage ? ' (or http, on this http page)' : ''
    } are handed on.`,
  );
  return undefined;
}

/** Why `url` cannot be a REST base URL, or undefined when it can (http or https). */
export function baseUrlProblem(url: URL): string | undefined {
  if (url.protocol === 'https:' || url.protocol === 'http:') return undefined;
  return `a base URL must be http: or https:, not ${url.protocol}`;
}
