/**
 * The floor the group picker is held to: the same rows as bench/baseline-list.ts (a checkbox,
 * the name, the country), but rendered through `@lit-labs/virtualizer`, so only the rows in
 * view exist, in a scrolling box as tall as the picker's tree. No sorting, no countries, no
 * form: what any virtualized list of the group costs before it does anything of its own.
 */
import { css } from 'lit';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { GroupEntity } from '../src/adapter/types.js';
import { BenchList } from './baseline-list.js';

export class BenchVirtualList extends BenchList {
  static override styles = [
    BenchList.styles,
    css`
      .list {
        block-size: 20rem;
        overflow: auto;
      }
      .row {
        inline-size: 100%;
      }
    `,
  ];

  protected rows(): unknown {
    return virtualize({ items: this.entities, scroller: true, renderItem: (entity: GroupEntity) => this.row(entity) });
  }
}

customElements.define('bench-virtual-list', BenchVirtualList);

declare global {
  interface HTMLElementTagNameMap {
    'bench-virtual-list': BenchVirtualList;
  }
}
