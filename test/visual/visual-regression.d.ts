// The package's own types re-export `./browser/commands.mjs`, for which TypeScript finds no
// declaration (it looks for commands.d.mts; the package ships commands.d.ts), so nothing is
// exported. This says what its browser entry exports.
declare module '@web/test-runner-visual-regression' {
  /** Screenshots `element` and compares it with the baseline called `name` (see web-test-runner.visual.config.mjs). */
  export function visualDiff(element: Node, name: string): Promise<void>;
}
