import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // graphql 16 ships CommonJS (main) and ESM (module) builds; Node loads the CommonJS one for
  // type-graphql and Apollo, so tests must too, or schema objects come from two "realms".
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    setupFiles: ['reflect-metadata'],
    // Nothing here may depend on the machine's speed: generating the 20,000-product catalog took
    // 11 s on a busy two-core machine, past vitest's default 5 s.
    testTimeout: 120_000,
  },
});
