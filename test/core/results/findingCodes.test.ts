import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

describe('docs/findings.md for the results sheets', () => {
  it('documents every finding code readResults emits', () => {
    const doc = readFileSync(join(root, 'docs', 'findings.md'), 'utf8');
    const source = readFileSync(join(root, 'src', 'core', 'results', 'readResults.ts'), 'utf8');
    const codes = [...new Set([...source.matchAll(/'(RESULTS_[A-Z_]+)'/g)].map((m) => m[1]!))];
    expect(codes.length).toBeGreaterThanOrEqual(14);
    expect(codes.filter((code) => !doc.includes(`\`${code}\``))).toEqual([]);
  });
});
