// The bare tags (<tn-customer-search>, <tn-attention-panel>…) in React 19's JSX: their
// properties, attributes, `ontn-…` handlers with typed `detail` and `--tn-*` tokens in `style`.
/// <reference types="tn-customer-connect/jsx" />
