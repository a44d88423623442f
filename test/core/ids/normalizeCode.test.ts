import { normalizeCode } from '../../../src/core/ids';

describe('normalizeCode', () => {
  it('turns full-width digits into half-width ones', () => {
    expect(normalizeCode('９１４４０３００１９２２０３８２１６')).toBe('914403001922038216');
  });

  it('removes ASCII, NBSP, full-width and zero-width spaces', () => {
    expect(normalizeCode(' 9144 0300\u00a01922\u3000038216\u200b\ufeff ')).toBe('914403001922038216');
  });

  it('upper-cases letters', () => {
    expect(normalizeCode('91440300708461136t')).toBe('91440300708461136T');
  });

  it('returns an empty string for blank input', () => {
    expect(normalizeCode(' \u3000 ')).toBe('');
  });
});
