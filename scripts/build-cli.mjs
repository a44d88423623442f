// Bundles the CLI (src/cli) into dist-cli/shuangsuiji.cjs with esbuild. Runs on `npm install`
// (the `prepare` script) so that `npx shuangsuiji` works from a fresh clone.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile: join(root, 'dist-cli/shuangsuiji.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Everything is bundled (fflate, @noble/hashes, which is ESM-only): the CLI needs no node_modules at run time.
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
});
console.log('命令行已构建：dist-cli/shuangsuiji.cjs');
