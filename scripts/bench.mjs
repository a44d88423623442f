// `npm run bench`: bundles bench/runBench.ts with esbuild and runs it. Prints a table; the figures of
// a recent run are kept in docs/performance.md.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { stdio: 'inherit' });
const outfile = join(root, 'dist-cli/bench.cjs');
await build({
  entryPoints: [join(root, 'bench/runBench.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['exceljs'],
  logLevel: 'warning',
  define: { __dirname: JSON.stringify(join(root, 'bench')) },
});
const r = spawnSync(process.execPath, ['--max-old-space-size=8192', outfile], { stdio: 'inherit' });
process.exit(r.status ?? 1);
