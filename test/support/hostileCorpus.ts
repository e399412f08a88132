/**
 * Generates the hostile fixture corpus (nothing binary is committed): broken files of every kind a
 * scraper leaves behind, next to good articles whose TEXT is hostile (HTML and script, markdown
 * and command links, unusual Unicode). Run directly to (re)create test/fixtures/hostile/:
 *   node out/test/support/hostileCorpus.js [DIR] [--many]
 */
import { promises as fs } from 'fs';
import * as path from 'path';

/** What a good hostile article must still show, for tests. */
export const HOSTILE_MARKERS = {
  script: '<script>document.title="pwned"</script>',
  img: '<img src=x onerror="document.title=\'pwned\'">',
  textarea: '</textarea><b>bold</b>',
  jsLink: '<a href="javascript:alert(1)">click</a>',
  commandLink: '[Open a terminal](command:workbench.action.terminal.new)',
  trackerImage: '![](https://tracker.example/pixel.png)',
  // Next to capitalised words these become part of entity names, so they reach hover cards and trees.
  namedCommandLink: 'Lars [Olsen](command:workbench.action.terminal.new)',
  namedTrackerImage: 'Erik ![Dahl](https://tracker.example/pixel.png)',
  namedThemeIcon: 'Mette Ba$(alert)kke',
};

/**
 * An LF file with one CRLF on its title line and one lone CR in its body: VS Code opens it with LF
 * line endings only, one character shorter, so every offset after the title line moves.
 */
export const MIXED_EOL =
  'Chancellor Scholz meets Macron in Paris\r\n\nWire Service Updated on 2024-03-05\n\n' +
  'German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Tuesday.\r' +
  'Scholz said Germany and France would work together, and Macron agreed.\n' +
  'Later, Scholz and Macron visited Lyon, where Macron spoke about Europe.\n';

/** Records whose title and id were cut inside an emoji by a scraper: half a surrogate pair each. */
export const LONE_SURROGATE_RECORDS = [
  { id: 'cut-\ud83d', title: 'Scholz meets Macron in Berlin \ud83d', text: 'German Chancellor Olaf Scholz met Emmanuel Macron in Berlin on Monday. Scholz praised Macron.' },
  { id: '\ude00-cut', title: '\ude00 Macron visits Rome', text: 'French President Emmanuel Macron arrived in Rome on Friday, officials said.' },
];

export interface HostileExpectations {
  /** Files that must load, with the title of (one of) their articles. */
  loads: Record<string, string>;
  /** Files that must be skipped with one diagnostic matching the reason. */
  skipped: Record<string, RegExp>;
}

export async function writeHostileCorpus(dir: string, options: { many?: number; hugeMB?: number } = {}): Promise<HostileExpectations> {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  const w = (name: string, data: string | Uint8Array): Promise<void> => fs.writeFile(path.join(dir, name), data);
  const m = HOSTILE_MARKERS;

  await w(
    'html-script.txt',
    `Minister Anna Berg warns of ${m.script} attacks\n\nWire Service Updated on 2024-03-02\n\n` +
      `Foreign Minister Anna Berg said in Oslo on Friday that ${m.img} and ${m.textarea} were seen in phishing mail. ` +
      `Berg urged readers not to follow ${m.jsLink} links.\n`,
  );
  await w(
    'markdown-links.md',
    `---\ntitle: "Berg visits Bergen [x](command:workbench.action.terminal.new)"\ndate: 2024-03-03\nsource: Wire Service\n---\n\n` +
      `Anna Berg visited Bergen on Saturday. ${m.commandLink} and ${m.trackerImage} appeared in the press release of the Norwegian Red Cross.\n` +
      `Berg later met ${m.namedCommandLink}, ${m.namedTrackerImage} and ${m.namedThemeIcon} in Bergen.\n`,
  );
  await w(
    'unicode-names.txt',
    'Talks in Zürich\n\nWire Service Updated on 2024-03-04\n\n' +
      'Zoë Saldaña\u200f met Renée Fleming and José Ñúñez in Zürich on Monday. ' +
      'The mayor \u202eof Tel Aviv\u202c, ' + 'Ya\u0301el Cohen, ' + 'posted 👩‍👩‍👧 and 🇺🇦 before the meeting with Björk Guðmundsdóttir.\u200b\n',
  );
  await w('utf16-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Storm in Lisbon\n\nHeavy rain hit Lisbon on Tuesday, officials said.\n', 'utf16le')]));
  await w(
    'partial.jsonl',
    [
      JSON.stringify({ id: 'p1', title: 'Ferry resumes in Helsinki', text: 'The ferry to Tallinn resumed service from Helsinki on Monday.' }),
      '{"id": "p2", "title": "Broken',
      'not json at all',
      JSON.stringify({ id: 'p4', title: 'Bridge opens in Riga', text: 'A new bridge opened in Riga on Wednesday.' }),
    ].join('\n'),
  );
  await w('long-line.txt', 'One long line\n\n' + 'x'.repeat(5 * 1024 * 1024) + '\n');
  await w('mixed-eol.txt', MIXED_EOL);
  await w('lone-surrogates.jsonl', LONE_SURROGATE_RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n');

  await w('binary.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  await w('invalid-utf8.txt', Uint8Array.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xc3, 0x28, 0xa0, 0xa1, 0x0a]));
  await w('empty.txt', '');
  await w('blank.md', ' \n\t\n');
  await w('malformed.json', '{"title": "Unfinished", "text": "The text goes');
  await w('deep.json', '['.repeat(100_000) + ']'.repeat(100_000));
  await w('not-an-article.json', JSON.stringify({ weather: 'sunny', temperature: 21 }));
  const huge = Buffer.alloc((options.hugeMB ?? 50) * 1024 * 1024, 'All work and no play. ');
  await w('huge.txt', huge);

  await fs.mkdir(path.join(dir, 'loop'));
  await fs.symlink('..', path.join(dir, 'loop', 'back-to-parent'));
  await fs.symlink('self-link.txt', path.join(dir, 'self-link.txt'));
  await w('unreadable.txt', 'Secret\n\nYou cannot read this.\n');
  await fs.chmod(path.join(dir, 'unreadable.txt'), 0o000);

  if (options.many) {
    const many = path.join(dir, 'many');
    await fs.mkdir(many);
    for (let i = 0; i < options.many; i++) await fs.writeFile(path.join(many, `tiny-${i}.txt`), `Note ${i}\n\nRain in Oslo.\n`);
  }

  return hostileExpectations();
}

/** What the corpus written by `writeHostileCorpus` must give: the files that load and those skipped, with why. */
export function hostileExpectations(): HostileExpectations {
  const m = HOSTILE_MARKERS;
  const rootCanReadAnything = process.getuid?.() === 0;
  return {
    loads: {
      'html-script.txt': `Minister Anna Berg warns of ${m.script} attacks`,
      'markdown-links.md': 'Berg visits Bergen [x](command:workbench.action.terminal.new)',
      'unicode-names.txt': 'Talks in Zürich',
      'utf16-bom.txt': 'Storm in Lisbon',
      'partial.jsonl': 'Ferry resumes in Helsinki',
      'mixed-eol.txt': 'Chancellor Scholz meets Macron in Paris',
      'lone-surrogates.jsonl': LONE_SURROGATE_RECORDS[0].title,
      'long-line.txt': 'One long line',
      ...(rootCanReadAnything ? { 'unreadable.txt': 'Secret' } : {}),
    },
    skipped: {
      'binary.txt': /binary content/,
      'invalid-utf8.txt': /not valid UTF-8/,
      'empty.txt': /empty file/,
      'blank.md': /empty file/,
      'malformed.json': /malformed JSON/,
      'deep.json': /not a JSON object/,
      'not-an-article.json': /no article text/,
      'huge.txt': /per-file limit/,
      'self-link.txt': /symbolic link loop/,
      ...(rootCanReadAnything ? {} : { 'unreadable.txt': /permission denied/ }),
    },
  };
}

if (require.main === module) {
  const dir = path.resolve(process.argv.find((a, i) => i > 1 && !a.startsWith('--')) ?? path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'hostile'));
  writeHostileCorpus(dir, { many: process.argv.includes('--many') ? 10_000 : 0 }).then(
    () => console.log(`hostile corpus written to ${dir}`),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
