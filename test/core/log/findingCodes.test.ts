import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

describe('docs/findings.md for the draw log', () => {
  it('documents every finding code verification emits', () => {
    const doc = readFileSync(join(root, 'docs', 'findings.md'), 'utf8');
    const dir = join(root, 'src', 'core', 'log');
    const source = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const codes = [...new Set([...source.matchAll(/'((?:LOG|RESULT)_[A-Z_]+)'/g)].map((m) => m[1]!))];
    expect(codes.length).toBeGreaterThanOrEqual(25);
    expect(codes.filter((code) => !doc.includes(`\`${code}\``))).toEqual([]);
  });
});
