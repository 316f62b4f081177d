// Storybook builds the stories and guides with Vite: `?raw` imports (README.md in
// readme-sections.ts) and `import.meta.glob` are Vite's.
/// <reference types="vite/client" />
