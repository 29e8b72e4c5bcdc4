import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:unit`: the pure-code tests (tests/unit) alone, with no database started; quick
 * while working on extraction. `npm test` runs them too, with everything else.
 */
export default defineConfig({
  resolve: {
    alias: { graphql: fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url)) },
  },
  test: { include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000, reporters: ['default'] },
});
