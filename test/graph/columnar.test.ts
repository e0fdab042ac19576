import { describe, expect, it } from 'vitest';
import { columnar } from '../../src/graph/embedded.js';

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    key: `k${i}`,
    count: i,
    forms: [`f${i}`],
    label: i % 2 ? 'x' : null,
    role: null,
  }));

describe('columnar rows (the embedded store)', () => {
  it('sends a long `UNWIND $rows` as one list per field and rebuilds each row in the query', () => {
    const [text, params] = columnar('UNWIND $rows AS r MATCH (e:Person {key: r.key}) SET e.n = r.count', {
      rows: rows(20),
      id: 'a1',
    });
    expect(text).toBe(
      'UNWIND range(1, size($rows__0)) AS i__ WITH {key: $rows__0[i__], count: $rows__1[i__], ' +
        'forms: $rows__2[i__], label: $rows__3[i__], role: CAST(NULL AS STRING)} AS r ' +
        'MATCH (e:Person {key: r.key}) SET e.n = r.count',
    );
    expect(params).toEqual({
      id: 'a1',
      rows__0: rows(20).map((r) => r.key),
      rows__1: rows(20).map((r) => r.count),
      rows__2: rows(20).map((r) => r.forms),
      rows__3: rows(20).map((r) => r.label),
    });
  });

  it('leaves short lists, other statements and other parameters as they are', () => {
    const short = { rows: rows(3) };
    expect(columnar('UNWIND $rows AS r RETURN r.key', short)).toEqual([
      'UNWIND $rows AS r RETURN r.key',
      short,
    ]);
    const keys = { keys: ['a', 'b'] };
    expect(columnar('UNWIND $keys AS k RETURN k', keys)).toEqual(['UNWIND $keys AS k RETURN k', keys]);
    const twoLookups =
      'UNWIND $rows AS r MATCH (a:Article {id: r.key}) MATCH (e:Person {key: r.key}) RETURN e';
    expect(columnar(twoLookups, { rows: rows(20) })).toEqual([twoLookups, { rows: rows(20) }]);
    const later = { rows: rows(20), id: 'a' };
    const text = 'MATCH (a:Article {id: $id}) UNWIND $rows AS r RETURN r.key';
    expect(columnar(text, later)).toEqual([text, later]);
  });
});
