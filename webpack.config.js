// Webpack for the Excel task pane (taskpane.html), the ribbon's function file (commands.html) and the
// standalone browser page (standalone.html: the same steps on an .xlsx chosen in the browser), plus
// that page as one self-contained file (shuangsuiji.html) to e-mail or open from disk.
//   npm run build        production build into dist/, prints the taskpane's initial JS (gzip);
//                        dist/manifest.xml points at https://localhost:3000/ (the dev server)
//   npm run build -- --env base=https://ssj.example.gov.cn/shuangsuiji/
//                        the same, with dist/manifest.xml for the bureau's own HTTPS host
//   npm run dev-server   https://localhost:3000 for sideloading manifest.xml
//
// HTTPS: Office only loads add-ins over https. If ~/.office-addin-dev-certs/localhost.{key,crt}
// exist (made by `npx office-addin-dev-certs install`, which also trusts its CA), the dev server
// uses them; otherwise webpack-dev-server makes a self-signed certificate that the browser or
// Office must be told to trust by hand. office-addin-dev-certs is deliberately not a dependency.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { buildSingleFilePage } = require('./scripts/buildSingleFilePage.cjs');
const { DEV_BASE, normaliseHostBase, rewriteManifestForHost } = require('./scripts/rewriteManifestForHost.cjs');

/** The taskpane's initial JavaScript (everything loaded before first render), gzip, must stay under this. */
const INITIAL_JS_GZIP_BUDGET = 250 * 1024;
const DEV_PORT = 3000;
/** The entries that have their own HTML page; any other chunk with a runtime is a Web Worker. */
const PAGE_ENTRIES = ['taskpane', 'commands', 'standalone'];
/**
 * Chunks whose modules splitChunks may move into shared chunks: lazy chunks and the pages. Web
 * Worker chunks are left whole (nothing split out that the worker would have to fetch with
 * importScripts), so that the single-file page can start them from a Blob URL.
 */
const isSplittable = (chunk) => !chunk.hasRuntime() || PAGE_ENTRIES.includes(chunk.name);

/**
 * Reports the gzip size of the JS an entry loads up front (its initial chunks, not the lazy
 * `import()` chunks) and fails the build when it is over budget.
 */
class InitialSizeBudgetPlugin {
  constructor({ entry, budget }) {
    this.entry = entry;
    this.budget = budget;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('InitialSizeBudgetPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'InitialSizeBudgetPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const entrypoint = compilation.entrypoints.get(this.entry);
          if (!entrypoint) return;
          const files = [...entrypoint.getFiles()].filter((file) => file.endsWith('.js'));
          let raw = 0;
          let gzip = 0;
          for (const file of files) {
            const asset = compilation.getAsset(file);
            if (!asset) continue;
            const buffer = Buffer.from(asset.source.buffer());
            raw += buffer.length;
            gzip += zlib.gzipSync(buffer, { level: 9 }).length;
          }
          const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
          const line =
            `[size] ${this.entry} initial JS: ${kb(raw)} raw, ${kb(gzip)} gzip ` +
            `(budget ${kb(this.budget)} gzip; ${files.length} files: ${files.join(', ')})`;
          // Printed from the config, so it shows however webpack is run (CLI or node API).
          console.log(line);
          if (gzip > this.budget) {
            compilation.errors.push(
              new webpack.WebpackError(
                `任务窗格首屏 JS 超出预算 / ${this.entry} initial JS is ${kb(gzip)} gzip, over the ${kb(this.budget)} budget. ` +
                  'Load heavy libraries with import() so they become lazy chunks.',
              ),
            );
          }
        },
      );
    });
  }
}

/**
 * Writes `shuangsuiji.html`: the standalone page with every script it loads (up front, lazily, and
 * in Web Workers) and its icons inlined (scripts/buildSingleFilePage.cjs explains how).
 */
class SingleFilePagePlugin {
  constructor({ entry, page, filename }) {
    this.entry = entry;
    this.page = page;
    this.filename = filename;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('SingleFilePagePlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        // After HtmlWebpackPlugin (OPTIMIZE_INLINE) and after content hashes are final (OPTIMIZE_HASH).
        { name: 'SingleFilePagePlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        () => {
          const entrypoint = compilation.entrypoints.get(this.entry);
          const page = compilation.getAsset(this.page);
          if (!entrypoint || !page) return;
          const jsFiles = (chunks) => [...chunks].flatMap((c) => [...c.files].filter((f) => f.endsWith('.js')));
          const lazy = new Set();
          const groups = new Set(entrypoint.chunks.flatMap((c) => [...c.groupsIterable]));
          for (const chunk of entrypoint.chunks) for (const c of chunk.getAllAsyncChunks()) lazy.add(c);
          for (const chunk of lazy) for (const g of chunk.groupsIterable) groups.add(g);
          const workers = [];
          for (const group of groups) {
            for (const worker of group.asyncEntrypointsIterable) {
              const files = jsFiles(worker.chunks);
              const own = new Set(worker.chunks.flatMap((c) => [...c.getAllAsyncChunks()]));
              const nested = [worker, ...[...own].flatMap((c) => [...c.groupsIterable])].some(
                (g) => [...g.asyncEntrypointsIterable].length > 0,
              );
              if (files.length !== 1 || nested) {
                compilation.errors.push(
                  new webpack.WebpackError(
                    `Worker ${worker.name ?? files.join(', ')} cannot be inlined into ${this.filename}: ` +
                      `it must be one entry chunk (it has ${files.length}) and start no worker of its own.`,
                  ),
                );
                return;
              }
              workers.push({ file: files[0], chunks: jsFiles(own) });
            }
          }
          const readScript = (file) => compilation.getAsset(file)?.source.source().toString();
          const assetsDir = path.resolve(compiler.context, 'assets');
          const readAsset = (rel) => {
            const file = path.resolve(compiler.context, rel);
            return file.startsWith(assetsDir) && fs.existsSync(file) ? fs.readFileSync(file) : undefined;
          };
          const html = buildSingleFilePage({
            html: page.source.source().toString(),
            readScript,
            lazyScripts: jsFiles(lazy),
            workers,
            readAsset,
          });
          compilation.emitAsset(this.filename, new webpack.sources.RawSource(html));
          console.log(
            `[single-file] ${this.filename}: ${(Buffer.byteLength(html) / 1024 / 1024).toFixed(1)} MB ` +
              `(${jsFiles(lazy).length} lazy chunks, ${workers.length} workers with ` +
              `${workers.reduce((n, w) => n + w.chunks.length, 0)} chunks of their own inlined)`,
          );
        },
      );
    });
  }
}

/** Certificates from `npx office-addin-dev-certs install`, or undefined for the self-signed default. */
function readDevCerts() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const key = path.join(dir, 'localhost.key');
  const cert = path.join(dir, 'localhost.crt');
  const ca = path.join(dir, 'ca.crt');
  if (!fs.existsSync(key) || !fs.existsSync(cert)) return undefined;
  return {
    key: fs.readFileSync(key),
    cert: fs.readFileSync(cert),
    ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}),
  };
}

module.exports = (env = {}, argv = {}) => {
  const isProduction = (argv.mode ?? process.env.NODE_ENV) !== 'development';
  const devCerts = readDevCerts();
  // `--env base=https://…/`: where the bureau serves dist/; only the manifest needs to know.
  const hostBase = normaliseHostBase(env.base ?? DEV_BASE);
  if (env.base) console.log(`[manifest] dist/manifest.xml for ${hostBase}`);

  return {
    mode: isProduction ? 'production' : 'development',
    context: __dirname,
    devtool: isProduction ? 'source-map' : 'eval-cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      standalone: './src/page/standalone.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: isProduction ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: isProduction ? '[name].[contenthash:8].chunk.js' : '[name].chunk.js',
      // Relative to the page: every HTML file sits at the root of dist/. Not 'auto', which needs a
      // <script src> to find itself and fails in the single-file page, where every script is inline.
      publicPath: '',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // Node polyfills: none. The .xlsx adapter (src/workbook/xlsx, fflate) uses no Node API; if a
      // later change imports a library's Node entry, add here e.g.
      //   fallback: { buffer: require.resolve('buffer/'), stream: require.resolve('stream-browserify') }
      // (both would be new devDependencies) and a ProvidePlugin for Buffer.
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Types are checked by `npm run typecheck`; the bundle only strips them.
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // tsconfig.json says noEmit for tsc; ts-loader must still emit JS.
              compilerOptions: { noEmit: false },
            },
          },
        },
      ],
    },
    optimization: {
      // `chunks: 'all'` shares react/fluent between the two entries. Modules reached only through
      // `import()` (the .xlsx adapter via loadXlsxAdapter) always land in async chunks, never in an entry's
      // initial files; the size budget above catches a static import that slips in.
      splitChunks: {
        chunks: isSplittable,
        cacheGroups: {
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: 'react',
            chunks: (chunk) => chunk.canBeInitial() && isSplittable(chunk),
            priority: 20,
          },
          // The pane's Fluent components only: what the page alone uses (its save bar, its dialog)
          // stays in the page's files and never counts against the pane's budget.
          fluent: {
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|@emotion[\\/]hash|rtl-css-js|stylis|tabster|keyborg|@floating-ui|@swc[\\/]helpers)[\\/]/,
            name: 'fluent',
            chunks: (chunk) => chunk.name === 'taskpane',
            priority: 10,
          },
        },
      },
    },
    performance: {
      // The InitialSizeBudgetPlugin is the real budget (gzip); webpack's raw-size hint only adds noise.
      hints: false,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        // Bundles go at the end of <body>, after the office.js <script> in <head>.
        inject: 'body',
        scriptLoading: 'blocking',
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        inject: 'body',
        scriptLoading: 'blocking',
      }),
      new HtmlWebpackPlugin({
        filename: 'standalone.html',
        template: './src/page/standalone.html',
        chunks: ['standalone'],
        inject: 'body',
        scriptLoading: 'blocking',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => rewriteManifestForHost(content.toString(), hostBase),
          },
        ],
      }),
      // Production only: the dev server's hot-reload client would try to reach the server from the file.
      ...(isProduction
        ? [
            new SingleFilePagePlugin({ entry: 'standalone', page: 'standalone.html', filename: 'shuangsuiji.html' }),
            new InitialSizeBudgetPlugin({ entry: 'taskpane', budget: INITIAL_JS_GZIP_BUDGET }),
          ]
        : []),
    ],
    devServer: {
      port: DEV_PORT,
      host: 'localhost',
      hot: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: devCerts ? { type: 'https', options: devCerts } : { type: 'https' },
      static: { directory: path.resolve(__dirname, 'dist'), watch: false },
    },
  };
};
