// `npm run bench`: bundles bench/runBench.ts with esbuild and runs it. Prints a table; the figures of
// a recent run are kept in docs/performance.md.
// `npm run bench -- --page [DIST]`: the standalone page in headless Chromium instead (bench/pageBench.ts).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const page = process.argv.includes('--page');
const rest = process.argv.slice(2).filter((a) => a !== '--page');
spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { stdio: 'inherit' });
const entry = page ? 'bench/pageBench.ts' : 'bench/runBench.ts';
const outfile = join(root, page ? 'dist-cli/pageBench.cjs' : 'dist-cli/bench.cjs');
await build({
  entryPoints: [join(root, entry)],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['exceljs', 'webpack', 'playwright-core'],
  logLevel: 'warning',
  define: { __dirname: JSON.stringify(join(root, 'bench')) },
});
const r = spawnSync(process.execPath, ['--max-old-space-size=8192', outfile, ...rest], { stdio: 'inherit' });
process.exit(r.status ?? 1);
