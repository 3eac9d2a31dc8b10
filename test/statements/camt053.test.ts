// The camt.053 reader alone: a statement far larger than one read chunk,
// namespace prefixes, and bad input refused with what was wrong.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Camt053Error, readCamt053 } from '../../src/import/camt053.ts';

const dir = mkdtempSync(join(tmpdir(), 'relance-camt053-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
}

const entry = (i: number) => `
  <c:Ntry><c:Amt Ccy="EUR">${i}.05</c:Amt><c:CdtDbtInd>CRDT</c:CdtDbtInd><c:Sts>BOOK</c:Sts>
    <c:BookgDt><c:DtTm>2026-11-20T10:00:00+01:00</c:DtTm></c:BookgDt><c:AcctSvcrRef>R-${i}</c:AcctSvcrRef>
    <c:NtryDtls><c:TxDtls><c:RltdPties><c:Dbtr><c:Nm>Payer ${i}</c:Nm></c:Dbtr></c:RltdPties>
      <c:RmtInf><c:Ustrd>Facture</c:Ustrd><c:Ustrd><![CDATA[F-${i} & co]]></c:Ustrd></c:RmtInf></c:TxDtls></c:NtryDtls>
  </c:Ntry>`;

const statement = (entries: string) => `<?xml version="1.0"?>
<c:Document xmlns:c="urn:iso:std:iso:20022:tech:xsd:camt.053.001.05"><c:BkToCstmrStmt>
  <c:GrpHdr><c:MsgId>M</c:MsgId></c:GrpHdr>
  <c:Stmt><c:Id>S-1</c:Id>${entries}</c:Stmt>
</c:BkToCstmrStmt></c:Document>`;

describe('readCamt053', () => {
  it('streams a statement of a thousand entries and more, namespace prefix and all', async () => {
    const path = write('big.xml', statement(Array.from({ length: 1500 }, (_, i) => entry(i + 1)).join('')));
    const read = await readCamt053(path);
    expect(read).toMatchObject({ versions: ['05'], statements: 1, notBooked: 0 });
    expect(read.lines).toHaveLength(1500);
    expect(read.lines[1199]).toEqual({
      reference: 'R-1200', statementId: 'S-1', direction: 'credit', reversal: false, amountCents: 120_005, currency: 'EUR',
      bookedOn: '2026-11-20', valueOn: null, partyName: 'Payer 1200', partyIban: null, remittance: 'Facture F-1200 & co', endToEndId: null,
    });
  });

  it('refuses an amount that is not one, naming the entry and showing the expected form', async () => {
    const path = write('bad-amount.xml', statement(entry(1).replace('1.05', '1,05')));
    await expect(readCamt053(path)).rejects.toThrow(new Camt053Error(
      `${path}, line 5: entry R-1: "1,05" is not an amount; expected e.g. <Amt Ccy="EUR">1250.00</Amt>`));
  });

  it('refuses XML that is not well-formed', async () => {
    const path = write('broken.xml', statement(entry(1)).replace('</c:Stmt>', ''));
    await expect(readCamt053(path)).rejects.toThrow(/not well-formed XML/);
  });
});
