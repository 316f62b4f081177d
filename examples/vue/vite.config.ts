import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  // `base: './'`: the built dist/ works from any folder of any static server.
  base: './',
  plugins: [
    vue({
      // The tn-* tags are custom elements, not Vue components: Vue renders them as they are,
      // sets their properties (`:adapter`, `:heading-level`) and listens to their events.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('tn-') } },
    }),
  ],
});
