/**
 * Small PDF files written byte by byte, so tests need no PDF tool and every byte is known: a page of
 * text lines in Helvetica with document information, and the bad variants (no text layer,
 * encrypted, corrupt). test/fixtures/formats/report.pdf is `onePagePdf(REPORT)`; run directly to
 * write it again:
 *   node out/test/support/pdfFixture.js test/fixtures/formats/report.pdf
 */
import { writeFileSync } from 'fs';

export interface PdfLine {
  size: number;
  text: string;
  /** Distance from the line above, in points (default: 1.4 × size). */
  gap?: number;
}

export interface PdfSpec {
  lines: PdfLine[];
  info?: Record<string, string>;
  /** An /Encrypt dictionary whose user password is not empty: readers need a password. */
  encrypted?: boolean;
}

const escape = (s: string): string => s.replace(/[\\()]/g, (c) => `\\${c}`);

/** One page; text in WinAnsi (Latin-1) only. */
export function onePagePdf(spec: PdfSpec): Buffer {
  let y = 760;
  const content = spec.lines
    .map(({ size, text, gap }) => {
      y -= gap ?? size * 1.4;
      return `BT /F1 ${size} Tf 72 ${y.toFixed(1)} Td (${escape(text)}) Tj ET`;
    })
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    `<< ${Object.entries(spec.info ?? {})
      .map(([k, v]) => `/${k} (${escape(v)})`)
      .join(' ')} >>`,
  ];
  if (spec.encrypted) objects.push(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${'6f'.repeat(32)}> /U <${'75'.repeat(32)}> >>`);
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const encrypt = spec.encrypted ? ` /Encrypt ${objects.length} 0 R /ID [<${'00'.repeat(16)}> <${'00'.repeat(16)}>]` : '';
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The press release of test/fixtures/formats/report.pdf. */
export const REPORT: PdfSpec = {
  lines: [
    { size: 18, text: 'Tromso airport expands its runway' },
    { size: 11, text: 'Avinor, the operator of Norwegian airports, said on Thursday that the runway of', gap: 32 },
    { size: 11, text: 'Tromso airport will be extended by 400 metres before the winter of 2025.' },
    { size: 11, text: 'Transport minister Jon-Ivar Nygard said the longer runway would allow direct flights', gap: 24 },
    { size: 11, text: 'from North America, and the airport director Hanne Ottesen welcomed the decision.' },
  ],
  info: { Title: 'Tromso airport expands its runway', Author: 'Avinor press office', Company: 'Avinor', CreationDate: 'D:20240307100000+01\'00\'', Producer: 'News Lens test support' },
};

/** A page without any text: what a scanner makes (here without even the image). */
export const SCANNED: PdfSpec = { lines: [], info: { Title: 'Scan 0042' } };

if (require.main === module) {
  const target = process.argv[2];
  if (!target) throw new Error('usage: node out/test/support/pdfFixture.js FILE.pdf');
  writeFileSync(target, onePagePdf(REPORT));
}
