/** Served by the `tn-custom-elements` Vite plugin (custom-elements.ts). */
declare module 'virtual:tn-custom-elements' {
  const manifest: Record<string, unknown> | null;
  export default manifest;
}
