import { LitElement, css, html } from 'lit';
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { adapterContext, ensureContextRoot } from '../../adapter/context.js';
import type { CustomerConnectAdapter } from '../../adapter/types.js';
import { createRestAdapter } from '../../adapter/rest/rest-adapter.js';
import { VERSION } from '../../base/version.js';

const CREDENTIALS: readonly RequestCredentials[] = ['same-origin', 'include', 'omit'];

/**
 * Provides an adapter to every tn-* element inside it, so a page sets it once. It takes no
 * room of its own (`display: contents`).
 *
 * A page with no JavaScript of its own points it at a REST endpoint that implements the HTTP
 * contract (`api/openapi.yaml`) with one attribute:
 *
 * ```html
 * <tn-adapter-provider api-url="/customer-connect/v1" credentials="include">
 *   <tn-customer-connect></tn-customer-connect>
 * </tn-adapter-provider>
 * ```
 *
 * or is given any adapter from script, which then wins over `api-url`:
 *
 * ```html
 * <tn-adapter-provider id="tn">
 *   <tn-customer-search></tn-customer-search>
 * </tn-adapter-provider>
 * <script type="module">document.getElementById('tn').adapter = myAdapter;</script>
 * ```
 *
 * @summary Gives its descendants an adapter through context: one set from script, or a REST adapter for `api-url`.
 * @slot - The elements that use the adapter.
 */
export class TnAdapterProvider extends LitElement {
  /** The library version of this copy. */
  static readonly version = VERSION;
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  private readonly provider = new ContextProvider(this, { context: adapterContext });
  /** The REST adapter made for `apiUrl` and `credentials`, kept while they stay the same. */
  private restAdapter?: { key: string; adapter: CustomerConnectAdapter | undefined };

  /** The adapter every tn-* element inside uses, unless it has its own. Wins over `api-url`. */
  @property({ attribute: false }) adapter?: CustomerConnectAdapter;

  /**
   * Base URL of a REST endpoint implementing the HTTP contract (`api/openapi.yaml`), e.g.
   * `/customer-connect/v1` or `https://api.example.com/customer-connect/v1`; relative URLs
   * resolve against the page. When set and no `adapter` is given, the elements inside get
   * `createRestAdapter({ baseUrl: apiUrl, credentials })`; changing it replaces that adapter.
   * For a bearer token or any other header, set `adapter` from script instead.
   */
  @property({ attribute: 'api-url' }) apiUrl?: string;

  /**
   * Whether the `api-url` adapter's requests carry cookies: `same-origin` (the default),
   * `include` — a cookie session on another origin, which must answer CORS with
   * `Access-Control-Allow-Credentials: true` for the page's origin — or `omit`. Any other
   * value counts as `same-origin`, with a console warning.
   */
  @property() credentials?: RequestCredentials;

  override connectedCallback(): void {
    ensureContextRoot(this.ownerDocument);
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter') || changed.has('apiUrl') || changed.has('credentials')) {
      this.provider.setValue(this.adapter ?? this.adapterForApiUrl());
    }
  }

  override render() {
    return html`<slot></slot>`;
  }

  /** The REST adapter for `apiUrl` (the same object until `apiUrl` or `credentials` change). */
  private adapterForApiUrl(): CustomerConnectAdapter | undefined {
    const apiUrl = this.apiUrl?.trim();
    if (!apiUrl) {
      this.restAdapter = undefined;
      return undefined;
    }
    let credentials: RequestCredentials = 'same-origin';
    if (this.credentials && CREDENTIALS.includes(this.credentials)) credentials = this.credentials;
    else if (this.credentials) {
      console.warn(`tn-adapter-provider: credentials="${this.credentials}" is not one of ${CREDENTIALS.join(', ')}; using same-origin.`);
    }
    const key = `${credentials} ${apiUrl}`;
    if (this.restAdapter?.key !== key) {
      let adapter: CustomerConnectAdapter | undefined;
      try {
        adapter = createRestAdapter({ baseUrl: apiUrl, credentials });
      } catch (error) {
        // The elements inside show that they have no adapter; the console says why.
        console.error(`tn-adapter-provider: api-url="${apiUrl}" is not usable:`, error);
      }
      this.restAdapter = { key, adapter };
    }
    return this.restAdapter.adapter;
  }
}
