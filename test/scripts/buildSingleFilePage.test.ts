/**
 * The single-file page's assembly (scripts/buildSingleFilePage.cjs): what it inlines and how it keeps
 * the scripts' meaning. That the result runs from file:// is checked in Chromium by
 * test/e2e/singleFilePage.test.ts.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

type Input = {
  html: string;
  readScript: (file: string) => string | undefined;
  lazyScripts: string[];
  workers: { file: string; chunks: string[] }[];
  readAsset: (file: string) => Buffer | undefined;
};
type SingleFileModule = {
  buildSingleFilePage: (input: Input) => string;
  escapeInlineScript: (js: string) => string;
};

// scripts/ is CommonJS without type declarations (webpack.config.js requires it).
const { buildSingleFilePage, escapeInlineScript } = createRequire(__filename)(
  path.resolve(__dirname, '../../scripts/buildSingleFilePage.cjs'),
) as SingleFileModule;

const scripts: Record<string, string> = {
  'react.1.js': 'var r=1;',
  'standalone.2.js': 'var s="</script><!-- x";\n//# sourceMappingURL=standalone.2.js.map',
  'steps.3.chunk.js': 'var l=1;',
  'worker.4.js': 'self.onmessage=function(){};',
  'zip.5.chunk.js': 'self.chunks=[5];',
};
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const html =
  '<!doctype html><html><head><link rel=icon type=image/png href=assets/icon-32.png></head><body><div id=root></div>' +
  '<script src=react.1.js></script><script src="standalone.2.js"></script></body></html>';

function build(workers: { file: string; chunks: string[] }[] = []): string {
  return buildSingleFilePage({
    html,
    readScript: (file) => scripts[file],
    lazyScripts: ['steps.3.chunk.js'],
    workers,
    readAsset: (file) => (file === 'assets/icon-32.png' ? png : undefined),
  });
}

describe('buildSingleFilePage', () => {
  it('inlines every script, with the lazy chunks before the scripts that load up front', () => {
    const out = build();
    expect(out).not.toMatch(/<script[^>]*\bsrc=/);
    const order = [...out.matchAll(/data-ssj-chunk="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['steps.3.chunk.js', 'react.1.js', 'standalone.2.js']);
  });

  it('keeps </script and <!-- inside a script from ending it, and drops the source map link', () => {
    const out = build();
    expect(out).toContain('var s="\\x3C/script>\\x3C!-- x";</script>');
    expect(out).not.toContain('sourceMappingURL');
  });

  it('turns the icon link into a data: URI', () => {
    expect(build()).toContain(`href="data:image/png;base64,${png.toString('base64')}"`);
  });

  it("keeps a worker as text, its own lazy chunks first, with the shim that starts it from a Blob URL", () => {
    const out = build([{ file: 'worker.4.js', chunks: ['zip.5.chunk.js'] }]);
    expect(out).toContain(
      '<script type="text/plain" data-ssj-worker="worker.4.js">self.chunks=[5];;\nself.onmessage=function(){};</script>',
    );
    // The worker's chunk is the worker's, not a script of the page.
    expect(out).not.toContain('data-ssj-chunk="zip.5.chunk.js"');
    expect(out).toMatch(/window\.Worker = InlineWorker/);
    expect(build()).not.toMatch(/InlineWorker/);
  });

  it('fails when a script the page names was not emitted', () => {
    expect(() =>
      buildSingleFilePage({
        html,
        readScript: () => undefined,
        lazyScripts: [],
        workers: [],
        readAsset: () => undefined,
      }),
    ).toThrow(/react\.1\.js was not emitted/);
  });
});

describe('escapeInlineScript', () => {
  it('leaves the value of strings and regular expressions unchanged', () => {
    const js = 'globalThis.out = ["</script>", /<!--/u.test("<!--"), `</SCRIPT>`];';
    const escaped = escapeInlineScript(js);
    expect(escaped).not.toMatch(/<\/script|<!--/i);
    const run = (code: string) =>
      new Function(`const globalThis = {}; ${code}; return globalThis.out;`)() as unknown;
    expect(run(escaped)).toEqual(run(js));
  });
});
