/**
 * The manifest a production build writes for a bureau's own HTTPS host (`npm run build -- --env
 * base=…`), checked against the manifest XSD kept in schemas/, and the validator itself.
 * Needs xmllint: apt-get install -y libxml2-utils.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

type ManifestModule = {
  DEV_BASE: string;
  normaliseHostBase: (text: string) => string;
  rewriteManifestForHost: (xml: string, base: string) => string;
};

const root = path.resolve(__dirname, '../..');
// scripts/ is CommonJS without type declarations (webpack.config.js requires it).
const { normaliseHostBase, rewriteManifestForHost } = createRequire(__filename)(
  path.join(root, 'scripts', 'rewriteManifestForHost.cjs'),
) as ManifestModule;
const source = readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const xsd = path.join(root, 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd');

function runValidator(...files: string[]) {
  return spawnSync(process.execPath, [path.join(root, 'scripts', 'validate-manifest.mjs'), ...files], {
    cwd: root,
    encoding: 'utf8',
  });
}

describe('rewriteManifestForHost', () => {
  const base = 'https://ssj.example.gov.cn/shuangsuiji/';
  const xml = rewriteManifestForHost(source, base);

  it('moves every URL to the bureau host and the AppDomain to its origin', () => {
    const urls = [...new Set(xml.match(/https:\/\/[^"<\s]+/g) ?? [])];
    expect(urls).toEqual(
      expect.arrayContaining([`${base}taskpane.html`, `${base}commands.html`, `${base}assets/icon-80.png`]),
    );
    expect(urls.filter((u) => !u.startsWith(base))).toEqual(['https://ssj.example.gov.cn']);
    expect(xml).not.toMatch(/localhost/);
  });

  it('writes a manifest the XSD accepts', () => {
    const result = spawnSync('xmllint', ['--nonet', '--noout', '--schema', xsd, '-'], {
      input: xml,
      encoding: 'utf8',
    });
    expect(result.stderr).toMatch(/validates/);
    expect(result.status).toBe(0);
  });

  it('adds the missing slash and escapes an & in the path', () => {
    expect(normaliseHostBase(' https://ssj.example.gov.cn/a&b ')).toBe('https://ssj.example.gov.cn/a&b/');
    expect(rewriteManifestForHost(source, 'https://ssj.example.gov.cn/a&b')).toContain(
      'DefaultValue="https://ssj.example.gov.cn/a&amp;b/taskpane.html"',
    );
  });

  it.each([
    ['http://ssj.example.gov.cn/', /不是 https/],
    ['https://ssj.example.gov.cn/?v=2', /不能带/],
    ['ssj.example.gov.cn', /不是完整的网址/],
  ])('refuses %s in Chinese', (bad, message) => {
    expect(() => rewriteManifestForHost(source, bad)).toThrow(message);
  });
});

describe('validate-manifest.mjs', () => {
  let tmp = '';
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'ssj-manifest-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('passes the repository manifest and the one written for an example host, with the schema copy in the repository', () => {
    const result = runValidator();
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/manifest\.xml ok/);
    expect(result.stdout).toMatch(/for https:\/\/ssj\.example\.gov\.cn\/shuangsuiji\/ ok/);
  });

  it('fails a manifest the schema rejects', () => {
    const file = path.join(tmp, 'manifest.xml');
    writeFileSync(
      file,
      source.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>'),
    );
    const result = runValidator(file);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/清单未通过架构校验/);
  });
});
