// The add-in manifest for a bureau's own HTTPS host. manifest.xml in the repository points at the
// dev server (https://localhost:3000/); a production build given `--env base=https://…/` writes
// dist/manifest.xml with every URL moved to that base. Used by webpack.config.js and by
// scripts/validate-manifest.mjs (which checks the rewritten manifest against the XSD too).
// CommonJS because webpack.config.js is.

/** The URL prefix of manifest.xml as committed (the dev server). */
const DEV_BASE = 'https://localhost:3000/';

/**
 * Checks and normalises the base URL the add-in will be served from: https, no query or fragment,
 * ending in a slash (a missing one is added). Throws an Error with a Chinese message otherwise.
 * @example normaliseHostBase('https://ssj.example.gov.cn/addin') // 'https://ssj.example.gov.cn/addin/'
 */
function normaliseHostBase(text) {
  const raw = String(text ?? '').trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`部署地址“${raw}”不是完整的网址：请写成 https://服务器名/路径/ 的形式。`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`部署地址“${raw}”不是 https：Office 只从 https 地址加载加载项。`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`部署地址“${raw}”不能带 ?查询、#片段或用户名密码：只写服务器和目录。`);
  }
  const href = url.href.endsWith('/') ? url.href : `${url.href}/`;
  // The manifest caps URLs at 2,048 characters; the longest we append is `assets/icon-80.png`.
  if (href.length > 2000) throw new Error('部署地址过长（超过 2000 个字符）。');
  return href;
}

/** `&` and `'` may appear in a URL path; inside an XML attribute `&` must be escaped. */
function escapeXmlAttribute(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Returns manifest.xml with every dev-server URL moved to `base` and the AppDomain set to its origin.
 * Throws when the result still names localhost for a non-local base (a URL the rewrite missed).
 * @example rewriteManifestForHost(xml, 'https://ssj.example.gov.cn/addin/')
 *   // <SourceLocation DefaultValue="https://ssj.example.gov.cn/addin/taskpane.html" /> …
 */
function rewriteManifestForHost(xml, base) {
  const href = normaliseHostBase(base);
  if (href === DEV_BASE) return xml;
  const origin = new URL(href).origin;
  const out = xml
    .replaceAll(DEV_BASE, escapeXmlAttribute(href))
    .replace(
      /<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g,
      `<AppDomain>${escapeXmlAttribute(origin)}</AppDomain>`,
    )
    .replace(
      /The localhost:3000 URLs are the dev server[^\n]*/,
      // An XML comment may not contain "--", so neither the command nor the URL is quoted here.
      'Written by the production build (npm run build, env base) for the host in the URLs below; do not edit by hand.',
    );
  if (/localhost/.test(out) && !/localhost/.test(href)) {
    throw new Error(
      '生成的清单中仍有 localhost 地址：请检查 manifest.xml 中的网址是否都以 https://localhost:3000/ 开头。',
    );
  }
  return out;
}

module.exports = { DEV_BASE, normaliseHostBase, rewriteManifestForHost };
