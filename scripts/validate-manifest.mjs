#!/usr/bin/env node
// Validates add-in manifests offline against Microsoft's manifest schema (the copy in
// schemas/office-addin-manifest/, see its README for origin and local edits) and checks that every
// icon a manifest names exists.
//
//   npm run validate                 manifest.xml, and the same manifest rewritten for an example
//                                    bureau host (what `npm run build -- --env base=…` writes)
//   npm run validate -- dist/manifest.xml [more.xml …]   the given manifests (e.g. after a build)
//   SSJ_MANIFEST_XSD=/path/to/OfficeAppManifestV1_1.xsd npm run validate   another schema copy
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { rewriteManifestForHost } = require('./rewriteManifestForHost.cjs');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const xsd = process.env.SSJ_MANIFEST_XSD
  ? path.resolve(process.env.SSJ_MANIFEST_XSD)
  : path.join(root, 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd');
/** A host no bureau has, to check what a production build would write. */
const EXAMPLE_BASE = 'https://ssj.example.gov.cn/shuangsuiji/';

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** Runs xmllint on the text (given on stdin, so a generated manifest needs no temporary file). */
function checkSchema(label, text) {
  const result = spawnSync('xmllint', ['--nonet', '--noout', '--schema', xsd, '-'], { input: text, encoding: 'utf8' });
  if (result.error) {
    if (result.error.code === 'ENOENT') fail('未找到 xmllint / xmllint is missing: apt-get install -y libxml2-utils');
    fail(`无法运行 xmllint / could not run xmllint: ${result.error.message}`);
  }
  if (result.status !== 0) {
    fail(`清单未通过架构校验 / ${label} is not valid (xmllint exit ${result.status}):\n${result.stderr}${result.stdout}`);
  }
}

/**
 * The icons Office fetches: a missing one shows as a blank ribbon button, not as an error. Every
 * `<base>assets/…` URL must be a file under `assetsRoot`/assets/.
 */
function checkIcons(label, text, assetsRoot) {
  const source = /<SourceLocation DefaultValue="([^"]+)\/taskpane\.html"/.exec(text);
  if (!source) fail(`清单中没有 taskpane.html 的地址 / ${label}: no SourceLocation …/taskpane.html`);
  const base = `${source[1].replace(/&amp;/g, '&')}/`;
  const urls = [...new Set(text.replace(/&amp;/g, '&').match(/https:\/\/[^"'<\s]+/g) ?? [])];
  // The AppDomain is the bare origin; every other URL lies under the base.
  const foreign = urls.filter((url) => !url.startsWith(base) && url !== new URL(base).origin);
  if (foreign.length > 0) fail(`清单中有不在 ${base} 下的地址 / ${label} names other hosts:\n  ${foreign.join('\n  ')}`);
  const icons = urls.filter((url) => url.startsWith(`${base}assets/`)).map((url) => url.slice(base.length));
  const missing = icons.filter((rel) => !existsSync(path.join(assetsRoot, rel)));
  if (missing.length > 0) fail(`清单引用的图标不存在 / icons named in ${label} are missing:\n  ${missing.join('\n  ')}`);
  return { base, icons: icons.length };
}

function validate(label, text, assetsRoot) {
  checkSchema(label, text);
  const { base, icons } = checkIcons(label, text, assetsRoot);
  console.log(`清单校验通过 / ${label} ok (schema valid, ${icons} icons present, served from ${base})`);
}

if (!existsSync(xsd)) {
  fail(`找不到清单架构 / schema not found: ${xsd}\n(设置 SSJ_MANIFEST_XSD 指向 OfficeAppManifestV1_1.xsd / set SSJ_MANIFEST_XSD)`);
}

const files = process.argv.slice(2);
if (files.length === 0) {
  const manifest = path.join(root, 'manifest.xml');
  if (!existsSync(manifest)) fail(`清单文件不存在 / manifest not found: ${manifest}`);
  const text = readFileSync(manifest, 'utf8');
  validate('manifest.xml', text, root);
  validate(`manifest.xml for ${EXAMPLE_BASE}`, rewriteManifestForHost(text, EXAMPLE_BASE), root);
} else {
  for (const file of files) {
    const full = path.resolve(file);
    if (!existsSync(full)) fail(`清单文件不存在 / manifest not found: ${full}`);
    // A built manifest sits beside its assets/ (dist/); the source one beside the repository's.
    validate(path.relative(process.cwd(), full) || full, readFileSync(full, 'utf8'), path.dirname(full));
  }
}
