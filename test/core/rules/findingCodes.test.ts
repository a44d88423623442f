import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('docs/findings.md', () => {
  it('documents every finding code the ids and rules modules emit', () => {
    const doc = readFileSync(join(root, 'docs', 'findings.md'), 'utf8');
    const codes = new Set(
      [...sources(join(root, 'src', 'core', 'ids')), ...sources(join(root, 'src', 'core', 'rules'))].flatMap(
        (file) =>
          [...readFileSync(file, 'utf8').matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)].map(
            (m) => m[1] ?? '',
          ),
      ),
    );
    expect(codes.size).toBeGreaterThan(50);
    expect([...codes].filter((code) => !doc.includes(`\`${code}\``))).toEqual([]);
  });
});
