/**
 * Decoding an uploaded text file: byte-order marks, strict UTF-8, Windows-1252 (Excel's CSV on
 * Italian Windows) with its undefined bytes refused, UTF-16 with and without a mark, the client's
 * explicit choice; nothing ever replaced by U+FFFD, every refusal naming the line.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { decodeText } from './text.js';

/** Windows-1252 bytes as Excel writes them: Latin-1 for the accented letters, 0x80 €, 0x92 ’. */
const cp1252 = (s: string) =>
  Buffer.from(
    [...s].map((c) => {
      if (c === '€') return 0x80;
      if (c === '’') return 0x92;
      const code = c.charCodeAt(0);
      if (code > 0xff) throw new Error(`not in the test's Windows-1252 subset: ${c}`);
      return code;
    }),
  );
const utf16le = (s: string, bom = true) =>
  Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => {
  const le = Buffer.from(s, 'utf16le');
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
};

const names = 'cognome;nomi\nD’Amico;Nicolò\nPerché;€uro\n';

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('decodeText', () => {
  it('reads Excel’s Windows-1252 CSV exactly: ò é € and the right quote ’ (0x92), not the C1 controls Node gives', () => {
    const out = decodeText(cp1252(names));
    expect(out).toEqual({ text: names, encoding: 'windows-1252', bom: false });
    expect(out.text).not.toMatch(/[\u0080-\u009f\uFFFD]/);
  });

  it('maps all 27 characters Windows-1252 defines on 0x80–0x9F', () => {
    const defined = [
      0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96,
      0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f,
    ];
    const text = decodeText(Buffer.from(defined), 'windows-1252').text;
    expect(text).toBe('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
  });

  it.each([0x81, 0x8d, 0x8f, 0x90, 0x9d])(
    'refuses a file with the byte 0x%s, undefined in Windows-1252, naming its line',
    (byte) => {
      const bytes = Buffer.concat([cp1252('cognome;nomi\nRossi;Mario\nBianchi;Gi'), Buffer.from([byte]), cp1252('\n')]);
      const err = refusal(() => decodeText(bytes));
      expect(err.code).toBe('upload.encoding');
      expect(err.message).toContain('riga 3');
      expect(err.message).toContain(`0x${byte.toString(16).toUpperCase()}`);
    },
  );

  it('reads UTF-8 with and without its byte-order mark, dropping the mark', () => {
    const plain = Buffer.from(names, 'utf8');
    expect(decodeText(plain)).toEqual({ text: names, encoding: 'utf-8', bom: false });
    const marked = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);
    expect(decodeText(marked)).toEqual({ text: names, encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16 LE (Excel’s "Testo Unicode") and BE by their mark, and LE without one', () => {
    const tabbed = names.replaceAll(';', '\t');
    expect(decodeText(utf16le(tabbed))).toEqual({ text: tabbed, encoding: 'utf-16le', bom: true });
    expect(decodeText(utf16be(tabbed))).toEqual({ text: tabbed, encoding: 'utf-16be', bom: true });
    expect(decodeText(utf16le(tabbed, false))).toMatchObject({ text: tabbed, encoding: 'utf-16le', bom: false });
    expect(decodeText(utf16le(tabbed, false), 'utf-16')).toMatchObject({ text: tabbed, encoding: 'utf-16le' });
  });

  it('lets a byte-order mark win over the encoding chosen', () => {
    expect(decodeText(utf16le(names), 'windows-1252')).toMatchObject({ text: names, encoding: 'utf-16le' });
  });

  it('decodes in the encoding the client chose, and refuses bytes invalid in it naming the line', () => {
    expect(decodeText(cp1252(names), 'windows-1252').text).toBe(names);
    const err = refusal(() => decodeText(cp1252(names), 'utf-8'));
    expect(err.code).toBe('upload.encoding');
    expect(err.message).toContain('UTF-8');
    expect(err.message).toContain('riga 2');
  });

  it('refuses broken UTF-16 (an odd byte at the end) rather than replacing it', () => {
    const err = refusal(() => decodeText(Buffer.concat([utf16le(names), Buffer.from([0x41])])));
    expect(err.code).toBe('upload.encoding');
    expect(err.message).toContain('UTF-16');
  });

  it('refuses a file that already carries U+FFFD, or a NUL, naming the line', () => {
    const damaged = refusal(() => decodeText(Buffer.from('cognome;nomi\nNicol\uFFFD;Mario\n', 'utf8')));
    expect(damaged.code).toBe('upload.encoding');
    expect(damaged.message).toContain('riga 2');
    const nul = refusal(() => decodeText(Buffer.from('cognome;nomi\nRossi;Ma\u0000rio\n', 'utf8')));
    expect(nul.code).toBe('upload.encoding');
    expect(nul.message).toContain('riga 2');
  });
});
