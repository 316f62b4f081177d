/**
 * One of every element on one adapter: the page the lifecycle test (test/lifecycle.test.ts)
 * mounts and unmounts two hundred times, and the memory benchmark (bench/lifecycle-page.ts)
 * a thousand times.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { CustomerConnectAdapter } from '../../src/adapter/types.js';
import { DEMO_IDS } from '../../src/adapter/demo/index.js';

export function everyElement(adapter: CustomerConnectAdapter): TemplateResult {
  return html`<tn-customer-search .adapter=${adapter} value="tung" debounce="0"></tn-customer-search>
    <tn-attention-panel .adapter=${adapter} refresh-interval="30"></tn-attention-panel>
    <tn-group-picker .adapter=${adapter} customer-id=${DEMO_IDS.tungstenBank}></tn-group-picker>
    <tn-verify-invoice .adapter=${adapter} verification-id="VER-none"></tn-verify-invoice>
    <tn-customer-connect .adapter=${adapter}></tn-customer-connect>
    <tn-relationships .adapter=${adapter}></tn-relationships>
    <tn-support-case .adapter=${adapter} reference="2879455"></tn-support-case>`;
}
