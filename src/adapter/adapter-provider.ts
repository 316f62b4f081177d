import { LitElement, css, html } from 'lit';
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { adapterContext, ensureContextRoot } from './context.js';
import type { CustomerConnectAdapter } from './types.js';
import { VERSION } from '../version.js';

/**
 * Provides an adapter to every tn-* element inside it, so a page sets it once. It takes no
 * room of its own (`display: contents`).
 *
 * ```html
 * <tn-adapter-provider id="tn">
 *   <tn-customer-search></tn-customer-search>
 * </tn-adapter-provider>
 * <script type="module">document.getElementById('tn').adapter = myAdapter;</script>
 * ```
 *
 * @summary Gives its descendants an adapter through context.
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

  /** The adapter every tn-* element inside uses, unless it has its own. */
  @property({ attribute: false }) adapter?: CustomerConnectAdapter;

  override connectedCallback(): void {
    ensureContextRoot(this.ownerDocument);
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter')) this.provider.setValue(this.adapter);
  }

  override render() {
    return html`<slot></slot>`;
  }
}
