// Turns the hosted standalone page (standalone.html + its chunk files + assets/) into one
// self-contained HTML file a clerk can e-mail and open from disk (file://). Used by the
// SingleFilePagePlugin in webpack.config.js; pure string work, so it is tested without webpack.
//
// How the pieces stay working without a server:
// - Every script the page loads up front becomes an inline <script>, in the same order.
// - The page's lazy chunks (import(): the .xlsx adapter, steps 2–6) are inlined as well, *before* the entry
//   script. A webpack chunk file only pushes its modules onto the chunk-loading array; the runtime
//   (in the entry) takes what is already there at start and marks those chunks loaded, so a later
//   import() resolves without requesting a file. No file name is ever looked up.
// - Web Worker chunks cannot be a <script> of the page: each is kept as text in a
//   <script type="text/plain" data-ssj-worker="FILE"> block, and a small shim wraps `Worker` so
//   that `new Worker(URL ending in FILE)` starts the worker from a Blob URL of that text instead.
//   Code keeps the standard `new Worker(new URL('./x.ts', import.meta.url))`; nothing else changes.
//   A worker's own lazy chunks (an import() inside the worker) go into the same text, before the
//   worker's entry: its importScripts runtime installs the chunks already pushed, as the page's does.
// - `assets/NAME` references (the favicon, the logo in the pane's title) become data: URIs.

/**
 * Makes JavaScript safe inside an HTML <script> element: `</script` would end the element and
 * `<!--` can switch the parser into its "escaped" states. `\x3C` is `<` in every place these can
 * occur in JS (strings, template literals, regular expressions with or without the u flag,
 * comments), so the program does not change.
 */
function escapeInlineScript(js) {
  return js.replace(/<(?=\/script|!--)/gi, '\\x3C');
}

/** Drops `//# sourceMappingURL=…`: from file:// the browser's developer tools would look for a .map beside the page. */
function stripSourceMap(js) {
  return js.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '');
}

const MIME_BY_EXTENSION = {
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.gif': 'image/gif',
};

/** Starts workers whose chunk is inlined (see above) from a Blob URL; other URLs go to the real Worker. */
const WORKER_SHIM = `(function () {
  var NativeWorker = window.Worker;
  if (typeof NativeWorker !== 'function') return;
  function InlineWorker(url, options) {
    var file = String(url).split(/[?#]/)[0].split('/').pop();
    var blocks = document.querySelectorAll('script[data-ssj-worker]');
    for (var i = 0; i < blocks.length; i += 1) {
      if (blocks[i].getAttribute('data-ssj-worker') === file) {
        var blob = new Blob([blocks[i].textContent], { type: 'text/javascript' });
        return new NativeWorker(URL.createObjectURL(blob), options);
      }
    }
    return new NativeWorker(url, options);
  }
  InlineWorker.prototype = NativeWorker.prototype;
  window.Worker = InlineWorker;
})();`;

/**
 * Builds the single-file page.
 * @param {object} input
 * @param {string} input.html the hosted page as HtmlWebpackPlugin wrote it (blocking <script src> tags)
 * @param {(file: string) => string | undefined} input.readScript the text of an emitted JS file
 * @param {string[]} input.lazyScripts the page's lazy chunk files (JSONP), in any order
 * @param {{ file: string, chunks: string[] }[]} input.workers the page's workers: the entry chunk
 *   the page starts (`file`) and the lazy chunks the worker loads itself (`chunks`)
 * @param {(file: string) => Buffer | undefined} input.readAsset the bytes of `assets/…`, if it exists
 * @returns {string} the HTML
 * @example buildSingleFilePage({ html, readScript, lazyScripts: ['steps.1a2b.chunk.js'], workers: [], readAsset })
 */
function buildSingleFilePage({ html, readScript, lazyScripts, workers, readAsset }) {
  // HtmlWebpackPlugin minifies production pages: attribute values may come without quotes.
  const tag = /<script\b[^>]*?\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s"'>]+))[^>]*><\/script>/g;
  const fileOf = (m) => m[1] ?? m[2] ?? m[3];
  const initial = [...html.matchAll(tag)].map(fileOf);
  if (initial.length === 0) throw new Error('single-file page: the page loads no script');
  const read = (file) => {
    const text = readScript(file);
    if (text === undefined) throw new Error(`single-file page: ${file} was not emitted`);
    return escapeInlineScript(inlineAssets(stripSourceMap(text), readAsset, true));
  };
  const inline = (file) => `<script data-ssj-chunk="${file}">${read(file)}</script>`;
  const before = [
    ...(workers.length ? [`<script>${WORKER_SHIM}</script>`] : []),
    ...workers.map(
      ({ file, chunks }) =>
        `<script type="text/plain" data-ssj-worker="${file}">${[...chunks, file].map(read).join(';\n')}</script>`,
    ),
    ...lazyScripts.filter((file) => !initial.includes(file)).map(inline),
  ].join('\n');
  let isFirst = true;
  const body = html.replace(tag, (...match) => {
    const file = fileOf(match);
    const out = `${isFirst ? `${before}\n` : ''}${inline(file)}`;
    isFirst = false;
    return out;
  });
  return inlineAssets(body, readAsset, false);
}

/**
 * Replaces `assets/NAME` references with data: URIs. In JS only quoted string literals are touched;
 * in HTML only attribute values (quoted or not; the result is always quoted: base64 may end in `=`).
 */
function inlineAssets(text, readAsset, isScript) {
  const pattern = isScript
    ? /(["'])assets\/([\w.-]+)\1/g
    : /=(?:"assets\/([\w.-]+)"|'assets\/([\w.-]+)'|assets\/([\w.-]+)(?=[\s>]))/g;
  return text.replace(pattern, (whole, ...groups) => {
    const name = isScript ? groups[1] : (groups[0] ?? groups[1] ?? groups[2]);
    const bytes = readAsset(`assets/${name}`);
    const mime = MIME_BY_EXTENSION[name.slice(name.lastIndexOf('.')).toLowerCase()];
    if (!bytes || !mime) return whole;
    const uri = `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;
    return isScript ? `${groups[0]}${uri}${groups[0]}` : `="${uri}"`;
  });
}

module.exports = { buildSingleFilePage, escapeInlineScript };
