/** @jest-environment jsdom */
/**
 * The inline check in taskpane.html for Excel hosts whose webview (Internet Explorer 11, EdgeHTML)
 * cannot parse the bundle: it must itself be ES5, and where modern syntax does not parse it must
 * say in Chinese what works instead (newer Excel, Excel on the web, the CLI, the standalone page).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'acorn';

const html = readFileSync(join(__dirname, '../../src/taskpane/taskpane.html'), 'utf8');
const script = /<script id="ssj-legacy-host-check">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';

/** Runs the check in this jsdom page, with `Function` as the given engine has it. */
function runCheck(engineFunction: FunctionConstructor): void {
  document.body.innerHTML = '<div id="root"></div>';
  delete (window as { __ssjLegacyHost?: boolean }).__ssjLegacyHost;
  // Runs the page's own inline script, as the browser would, with the engine's Function.
  new Function('Function', 'window', 'document', script)(engineFunction, window, document);
}

/** `Function` of an engine that knows ES5 only: modern syntax is a SyntaxError. */
const es5Function = function (...args: string[]) {
  const body = args[args.length - 1] ?? '';
  if (/\?\.|\?\?|=>|\blet\b|\bclass\b/.test(body)) throw new SyntaxError('Expected identifier');
  return Function(...args);
} as unknown as FunctionConstructor;

describe('the legacy-host check in taskpane.html', () => {
  it('is in the page, before the bundle is loaded, and parses as ES5', () => {
    expect(script.length).toBeGreaterThan(0);
    expect(() => parse(script, { ecmaVersion: 5 })).not.toThrow();
    // The bundle's <script> tags are added at the end of <body> by webpack: after this one.
    expect(html.indexOf('ssj-legacy-host-check')).toBeLessThan(html.indexOf('</body>'));
  });

  it('names what works, in Chinese, when the engine cannot parse modern JavaScript', () => {
    runCheck(es5Function);
    const text = document.getElementById('root')?.textContent ?? '';
    expect(text).toContain('这个版本的 Excel 无法运行本加载项');
    expect(text).toContain('Internet Explorer 11');
    expect(text).toContain('Excel 2021');
    expect(text).toContain('Excel 网页版');
    expect(text).toContain('shuangsuiji');
    expect(text).toContain('standalone.html');
    expect((window as { __ssjLegacyHost?: boolean }).__ssjLegacyHost).toBe(true);
  });

  it('leaves the page to the bundle in a modern engine', () => {
    runCheck(Function);
    expect(document.getElementById('root')?.innerHTML).toBe('');
    expect((window as { __ssjLegacyHost?: boolean }).__ssjLegacyHost).toBeUndefined();
  });
});
