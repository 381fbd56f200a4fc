import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Resolves packages as the API package does (its own dependencies). */
const require = createRequire(fileURLToPath(new URL('../packages/api/package.json', import.meta.url)));

export default defineConfig({
  // graphql 16 ships CommonJS (main) and ESM (module) builds; Node loads the CommonJS one for
  // type-graphql and Apollo, so the API's sources must too, or schema objects come from two "realms".
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['catalog/**/*.test.ts', 'integration/**/*.test.ts', 'e2e/**/*.e2e.test.ts'],
    globalSetup: ['support/global-setup.ts'],
    setupFiles: ['reflect-metadata'],
    // Several tests spawn the CLI (tsx compiles it each time) or build the site: generous on a busy machine.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
