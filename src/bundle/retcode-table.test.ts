import { describe, expect, it } from 'vitest';
import { retcodeRows, retcodesCsv, retcodesMarkdown } from './retcode-table.ts';

/** A small RFC 4180 reader: the test's own, so that it checks the writer's quoting. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe('retcodes.csv', () => {
  const [header, ...rows] = parseCsv(retcodesCsv());
  const col = (name: string) => header!.indexOf(name);

  it("marks addInsert's 100-006, 900-001, 900-002, 900-003 and 900-005 documented, with their source and meaning", () => {
    const addInsert = rows.filter((r) => r[col('operation')] === 'addInsert');
    for (const code of ['100-006', '900-001', '900-002', '900-003', '900-005']) {
      const row = addInsert.find((r) => r[col('retcode')] === code);
      expect(row?.[col('mark')], code).toBe('documented');
      expect(row?.[col('source')], code).toBe('EN/cec_07_2401');
      expect(row?.[col('source_url')], code).toBe('https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_2401.html');
      expect(row?.[col('meaning')]?.length, code).toBeGreaterThan(10);
    }
  });

  it("marks addInsert's 000-005 general and 900-004 inferred", () => {
    const mark = (code: string) => rows.find((r) => r[col('operation')] === 'addInsert' && r[col('retcode')] === code)?.[col('mark')];
    expect(mark('000-005')).toBe('general');
    expect(mark('900-004')).toBe('inferred');
  });

  it('has one line per retcode of every operation, each with all columns, quotes and commas surviving', () => {
    expect(rows).toHaveLength(retcodeRows().length);
    for (const r of rows) expect(r).toHaveLength(header!.length);
    expect(rows.some((r) => r[col('when')]!.includes('"Support QC on QC Inspectors"'))).toBe(true);
  });
});

describe('retcodes.md', () => {
  it('has a table per operation with the marks', () => {
    const md = retcodesMarkdown();
    expect(md).toContain('## addInsert');
    expect(md).toContain('| `900-005` | documented | State exception: the inspector is not idle;');
    expect(md).toContain('## Catalogue of meanings');
  });
});
