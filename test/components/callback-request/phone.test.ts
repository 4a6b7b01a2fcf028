import { describe, expect, it } from 'vitest';
import { checkPhone, isValidPhone, normalizePhone } from '../../../src/components/callback-request/phone.js';

describe('checkPhone', () => {
  it.each([
    ['+44 20 7946 0958', '+442079460958'],
    ['+44 (0)20 7946 0958', '+442079460958'],
    ['020 7946 0958', '02079460958'],
    ['(415) 555-0132', '4155550132'],
    ['415.555.0132', '4155550132'],
    ['+1-415-555-0132', '+14155550132'],
    ['  +49 30 1234567  ', '+49301234567'],
    ['5550132', '5550132'],
    ['123456789012345', '123456789012345'],
    ['+33\u00a06\u00a012\u00a034\u00a056\u00a078', '+33612345678'],
  ])('accepts %j as %j', (input, normalized) => {
    expect(checkPhone(input)).toEqual({ valid: true, normalized, digits: normalized.replace('+', '').length });
    expect(normalizePhone(input)).toBe(normalized);
    expect(isValidPhone(input)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['555 013', 'too-short'],
    ['+44', 'too-short'],
    ['1234567890123456', 'too-long'],
    ['+1 (234) 567-8901-2345-6', 'too-long'],
    ['555-CALL-NOW', 'characters'],
    ['0207 946 0958 ext 12', 'characters'],
    ['+44/20/7946/0958', 'characters'],
    ['０２０７９４６０９５８', 'characters'],
    ['44+ 20 7946 0958', 'plus'],
    ['++44 20 7946 0958', 'plus'],
  ])('refuses %j (%s)', (input, problem) => {
    const result = checkPhone(input);
    expect(result.valid).toBe(false);
    expect(result).toMatchObject({ problem });
    expect(normalizePhone(input)).toBeUndefined();
    expect(isValidPhone(input)).toBe(false);
  });

  it('keeps a bracketed zero that is not a trunk prefix of an international number', () => {
    expect(normalizePhone('(0) 20 7946 0958')).toBe('02079460958');
  });

  it('never throws on values that are not strings', () => {
    expect(checkPhone(undefined as unknown as string)).toMatchObject({ valid: false, problem: 'empty' });
    expect(checkPhone(4155550132 as unknown as string)).toMatchObject({ valid: true, normalized: '4155550132' });
  });
});
