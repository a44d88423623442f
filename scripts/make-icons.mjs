#!/usr/bin/env node
// Regenerates the add-in icons in assets/ (committed; run this only after changing the design):
//   node scripts/make-icons.mjs
// Two dice ("双随机": two independent random draws) — a green one behind, an Office-blue one in
// front. 16 px has its own pixel-aligned drawing; the larger sizes scale a 32-unit drawing whose
// edges fall on even units. logo-filled.png puts the dice on a blue tile with the character 抽.
// Needs Debian's chromium (apt-get install -y chromium) and playwright-core (a devDependency).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'assets');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const BLUE = '#185ABD'; // Office / Word blue, reads on light and dark ribbons
const GREEN = '#107C41'; // Excel green
const WHITE = '#FFFFFF';

/** 16 px: every edge on a whole pixel so nothing blurs. */
const svg16 = `
<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">
  <defs>
    <mask id="cut"><rect width="16" height="16" fill="#fff"/><rect x="0" y="5" width="11" height="11" rx="2" fill="#000"/></mask>
  </defs>
  <g mask="url(#cut)">
    <rect x="7" y="0" width="9" height="9" rx="1.5" fill="${GREEN}"/>
    <rect x="9" y="2" width="2" height="2" fill="${WHITE}"/>
    <rect x="13" y="2" width="2" height="2" fill="${WHITE}"/>
  </g>
  <rect x="0" y="6" width="10" height="10" rx="1.5" fill="${BLUE}"/>
  <rect x="2" y="8" width="2" height="2" fill="${WHITE}"/>
  <rect x="6" y="8" width="2" height="2" fill="${WHITE}"/>
  <rect x="2" y="12" width="2" height="2" fill="${WHITE}"/>
  <rect x="6" y="12" width="2" height="2" fill="${WHITE}"/>
</svg>`;

/** 32-unit drawing for 32, 64 and 80 px. */
function svgDice(size) {
  return `
<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">
  <defs>
    <mask id="cut"><rect width="32" height="32" fill="#fff"/><rect x="0" y="10" width="22" height="22" rx="5" fill="#000"/></mask>
  </defs>
  <g mask="url(#cut)">
    <rect x="14" y="0" width="18" height="18" rx="3.5" fill="${GREEN}"/>
    <circle cx="18.5" cy="4.5" r="2" fill="${WHITE}"/>
    <circle cx="27.5" cy="4.5" r="2" fill="${WHITE}"/>
    <circle cx="27.5" cy="13.5" r="2" fill="${WHITE}"/>
  </g>
  <rect x="2" y="12" width="18" height="18" rx="3.5" fill="${BLUE}"/>
  <circle cx="6.5" cy="16.5" r="2" fill="${WHITE}"/>
  <circle cx="15.5" cy="16.5" r="2" fill="${WHITE}"/>
  <circle cx="11" cy="21" r="2" fill="${WHITE}"/>
  <circle cx="6.5" cy="25.5" r="2" fill="${WHITE}"/>
  <circle cx="15.5" cy="25.5" r="2" fill="${WHITE}"/>
</svg>`;
}

/** 128 px filled logo: blue tile, white and green dice, 抽 on the front die. */
const svgLogo = `
<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2B7CD3"/><stop offset="1" stop-color="${BLUE}"/>
    </linearGradient>
  </defs>
  <rect width="128" height="128" rx="24" fill="url(#bg)"/>
  <rect x="58" y="14" width="56" height="56" rx="11" fill="${GREEN}" stroke="${WHITE}" stroke-width="4"/>
  <circle cx="72" cy="28" r="6" fill="${WHITE}"/>
  <circle cx="100" cy="28" r="6" fill="${WHITE}"/>
  <circle cx="100" cy="56" r="6" fill="${WHITE}"/>
  <rect x="14" y="44" width="70" height="70" rx="13" fill="${WHITE}" stroke="${BLUE}" stroke-width="4"/>
  <text x="49" y="80" text-anchor="middle" dominant-baseline="central" fill="${BLUE}"
    font-family="'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif" font-weight="700" font-size="50">抽</text>
</svg>`;

const targets = [
  { file: 'icon-16.png', size: 16, svg: svg16 },
  { file: 'icon-32.png', size: 32, svg: svgDice(32) },
  { file: 'icon-64.png', size: 64, svg: svgDice(64) },
  { file: 'icon-80.png', size: 80, svg: svgDice(80) },
  { file: 'logo-filled.png', size: 128, svg: svgLogo },
];

if (!existsSync(executablePath)) {
  console.error(`找不到 Chromium / Chromium not found at ${executablePath}: apt-get install -y chromium`);
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const { file, size, svg } of targets) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}svg{display:block}</style></head><body>${svg}</body></html>`,
    );
    // A string, not a function: the code runs in the page, where document exists.
    await page.evaluate('document.fonts.ready.then(() => true)');
    await page.screenshot({
      path: path.join(outDir, file),
      clip: { x: 0, y: 0, width: size, height: size },
      omitBackground: true,
    });
    console.log(`assets/${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
