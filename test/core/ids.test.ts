import { describe, expect, it } from 'vitest';
import { entityId, entityKey, normalizeName } from '../../src/core/index.js';

describe('entity keys', () => {
  it.each([
    ['Alexey Rodos', 'alexey rodos'],
    ['  Mail.ru   Group ', 'mail ru group'],
    ['R&D Center', 'r&d center'],
    ['Kalibr’s', 'kalibrs'],
  ])('normalises %j to %j', (name, expected) => {
    expect(normalizeName(name)).toBe(expected);
  });

  it('gives the same key and id for spelling variants and different ones for different types', () => {
    expect(entityKey('Person', 'Alexey  Rodos')).toBe(entityKey('Person', 'alexey rodos'));
    expect(entityId(entityKey('Person', 'X'))).not.toBe(entityId(entityKey('Organization', 'X')));
    expect(entityId('k')).toMatch(/^e[0-9a-f]{16}$/);
  });
});
