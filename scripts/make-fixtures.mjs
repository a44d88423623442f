#!/usr/bin/env node
// Regenerates the fixture books in test/fixtures/ (committed; see test/fixtures/README.md):
//   node scripts/make-fixtures.mjs
// The books are described in test/fixtures/buildFixtureBooks.ts; this bundles it with esbuild (as
// `npm run bench` does) and writes one .xlsx per book. Review the diff of the fixture tests after.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'test/fixtures');
const bundle = join(root, 'dist-cli/make-fixtures.cjs');
mkdirSync(dirname(bundle), { recursive: true });
await build({
  entryPoints: [join(root, 'test/fixtures/buildFixtureBooks.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['exceljs'],
  logLevel: 'warning',
});
const { buildFixtureBooks } = createRequire(import.meta.url)(bundle);
for (const [file, bytes] of await buildFixtureBooks()) {
  writeFileSync(join(outDir, file), bytes);
  console.log(`${file}  ${bytes.length} 字节`);
}
