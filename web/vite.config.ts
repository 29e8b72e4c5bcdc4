import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The explorer: plain TypeScript and DOM, bundled with cytoscape into web/dist, which the API
// server serves at / (src/web/static.ts). `npm run web:dev` serves it with hot reload and
// forwards /graphql to an API started with `npm start` on port 4000.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // cytoscape alone is ~430 kB minified; it is loaded on demand, in its own chunk.
    chunkSizeWarningLimit: 700,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
});
