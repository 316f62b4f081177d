import { defineConfig } from 'vite';

// `base: './'`: the built dist/ works from any folder of any static server.
export default defineConfig({ base: './' });
