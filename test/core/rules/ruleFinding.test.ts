import { toRuleResult, type RuleFinding } from '../../../src/core/rules';

const warning: RuleFinding = { severity: 'warning', code: 'X_WARN', message: '提示' };
const error: RuleFinding = { severity: 'error', code: 'X_ERR', message: '错误' };

describe('toRuleResult', () => {
  it('is ok when a value is given and only warnings were found', () => {
    expect(toRuleResult(3, [warning])).toEqual({ ok: true, value: 3, findings: [warning] });
  });

  it('is not ok when an error was found, keeping an object value as partial', () => {
    expect(toRuleResult({ a: 1 }, [error])).toEqual({ ok: false, findings: [error], partial: { a: 1 } });
  });

  it('is not ok when there is no value', () => {
    expect(toRuleResult<number>(undefined, [warning])).toEqual({ ok: false, findings: [warning] });
  });

  it('does not share the findings array with the caller', () => {
    const list = [warning];
    const r = toRuleResult(1, list);
    expect(r.findings).not.toBe(list);
  });
});
