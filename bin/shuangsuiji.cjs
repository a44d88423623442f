#!/usr/bin/env node
// The `shuangsuiji` command. The bundle is built by `npm install` (prepare) or `npm run build:cli`.
const path = require('node:path');
const bundle = path.join(__dirname, '..', 'dist-cli', 'shuangsuiji.cjs');
try {
  require.resolve(bundle);
} catch {
  process.stderr.write('命令行尚未构建：请在项目目录运行 npm install（或 npm run build:cli）后再试。\n');
  process.exit(2);
}
require(bundle);
