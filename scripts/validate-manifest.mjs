#!/usr/bin/env node
// Validates manifest.xml offline against Microsoft's add-in manifest schema (a copy lives in
// ../shared/schemas/office-addin-manifest/, see its README for the local edits), then checks that
// every https://localhost:3000/assets/… icon the manifest names exists in assets/.
//
//   npm run validate
//   SSJ_MANIFEST_XSD=/path/to/OfficeAppManifestV1_1.xsd npm run validate
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = path.join(root, 'manifest.xml');
const xsd = process.env.SSJ_MANIFEST_XSD
  ? path.resolve(process.env.SSJ_MANIFEST_XSD)
  : path.resolve(root, '../shared/schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd');

function fail(message) {
  console.error(message);
  process.exit(1);
}

if (!existsSync(manifest)) fail(`清单文件不存在 / manifest not found: ${manifest}`);
if (!existsSync(xsd)) {
  fail(
    `找不到清单架构 / schema not found: ${xsd}\n(设置 SSJ_MANIFEST_XSD 指向 OfficeAppManifestV1_1.xsd / set SSJ_MANIFEST_XSD)`,
  );
}

const result = spawnSync('xmllint', ['--nonet', '--noout', '--schema', xsd, manifest], { encoding: 'utf8' });
if (result.error) {
  if (result.error.code === 'ENOENT') {
    fail('未找到 xmllint / xmllint is missing: apt-get install -y libxml2-utils');
  }
  fail(`无法运行 xmllint / could not run xmllint: ${result.error.message}`);
}
if (result.status !== 0) {
  fail(
    `清单未通过架构校验 / manifest.xml is not valid (xmllint exit ${result.status}):\n${result.stderr}${result.stdout}`,
  );
}

// The icons Office fetches: a missing one shows as a blank ribbon button, not as an error.
const text = readFileSync(manifest, 'utf8');
const assetUrls = [...new Set(text.match(/https:\/\/localhost:3000\/assets\/[^"'<\s]+/g) ?? [])];
const missing = assetUrls
  .map((url) => url.slice('https://localhost:3000/'.length))
  .filter((rel) => !existsSync(path.join(root, rel)));
if (missing.length > 0) {
  fail(`清单引用的图标不存在 / icons named in manifest.xml are missing:\n  ${missing.join('\n  ')}`);
}

console.log(`清单校验通过 / manifest.xml ok (schema valid, ${assetUrls.length} icons present)`);
