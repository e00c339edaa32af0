/**
 * Word → PDF with the LibreOffice of this machine (CI installs libreoffice-writer-nogui, python3-uno and
 * poppler-utils): the warm process converts, is reused, is replaced when killed and is gone after close; a
 * failing warm conversion is made again the cold way; without LibreOffice the converter answers
 * PDF_UNAVAILABLE. Where this machine lacks LibreOffice or python3-uno, the tests check the documented
 * fallback instead (the way the converter reports, the 503).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupGone, livingInGroup, waitForGroup } from '../../test/processes';
import { createPdfConverter, findSoffice, type LibreOfficeConverter } from './pdf-converter';
import { findUnoPython } from './soffice-warm';

const run = promisify(execFile);

const PHRASE = 'Ủy ban nhân dân xã Dân Tiến báo cáo kết quả thực hiện';

const textOf = async (pdf: Buffer) => {
  const dir = await mkdtemp(join(tmpdir(), 'lotrinh-pdf-test-'));
  try {
    await writeFile(join(dir, 'a.pdf'), pdf);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', join(dir, 'a.pdf'), '-']);
    return stdout.normalize('NFC').replace(/\s+/g, ' ');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

describe('createPdfConverter', () => {
  let docx: Buffer;
  let soffice: string | null;
  let python: string | null;

  beforeAll(async () => {
    docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(PHRASE)] }] }));
    soffice = await findSoffice();
    python = await findUnoPython();
  });

  describe('the warm way', () => {
    let converter: LibreOfficeConverter;
    beforeAll(() => {
      converter = createPdfConverter();
    });
    afterAll(() => converter.close());

    it('should convert through one LibreOffice process and keep it for the next conversion', async () => {
      if (!soffice) {
        expect(await converter.way()).toBe('unavailable');
        await expect(converter.docxToPdf(docx)).rejects.toMatchObject({ code: 'PDF_UNAVAILABLE' });
        return;
      }
      expect(await converter.way()).toBe(python ? 'warm' : 'cold');
      const first = await converter.docxToPdf(docx);
      expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(await textOf(first)).toContain(PHRASE);
      if (!python) return;
      const group = converter.warmProcessGroup();
      expect(group).not.toBeNull();
      expect((await livingInGroup(group ?? 0)).map(([, command]) => command)).toContain('soffice.bin');

      const second = await converter.docxToPdf(docx);
      expect(await textOf(second)).toContain(PHRASE);
      expect(converter.warmProcessGroup()).toBe(group);
    }, 180_000);

    it('should start a new process when the warm one was killed', async () => {
      if (!soffice || !python) {
        expect(converter.warmProcessGroup()).toBeNull();
        return;
      }
      await converter.warmUp();
      const group = converter.warmProcessGroup() ?? 0;
      const isOffice = ([, command]: [number, string]) => command === 'soffice.bin';
      expect(await waitForGroup(group, (processes) => processes.some(isOffice), 60_000)).toBe(true);
      const office = (await livingInGroup(group)).find(isOffice);
      // LibreOffice itself dies (not its launcher): the guard ends the whole group.
      expect(office).toBeDefined();
      process.kill(office![0], 'SIGKILL');
      expect(await groupGone(group)).toBe(true);

      const pdf = await converter.docxToPdf(docx);
      expect(await textOf(pdf)).toContain(PHRASE);
      const replacement = converter.warmProcessGroup();
      expect(replacement).not.toBeNull();
      expect(replacement).not.toBe(group);
    }, 180_000);

    it('should leave no LibreOffice process behind once closed', async () => {
      await converter.warmUp();
      const group = converter.warmProcessGroup();
      expect(group !== null).toBe(soffice !== null && python !== null);
      await converter.close();
      expect(converter.warmProcessGroup()).toBeNull();
      if (group !== null) expect(await groupGone(group)).toBe(true);
    }, 60_000);
  });

  it('should make the PDF the cold way when the warm conversion fails, and end that process', async () => {
    const converter = createPdfConverter({ detectPython: async () => 'false' });
    try {
      if (!soffice) {
        await expect(converter.docxToPdf(docx)).rejects.toMatchObject({ code: 'PDF_UNAVAILABLE' });
        return;
      }
      expect(await converter.way()).toBe('warm');
      const pdf = await converter.docxToPdf(docx);
      expect(await textOf(pdf)).toContain(PHRASE);
      expect(converter.warmProcessGroup()).toBeNull();
    } finally {
      await converter.close();
    }
  }, 180_000);

  it('should say which way it takes without python3-uno or without LibreOffice', async () => {
    const cold = createPdfConverter({ detectPython: async () => null });
    expect(await cold.way()).toBe(soffice ? 'cold' : 'unavailable');
    await cold.close();

    const none = createPdfConverter({ detect: async () => null });
    expect(await none.way()).toBe('unavailable');
    expect(await none.isAvailable()).toBe(false);
    await expect(none.docxToPdf(docx)).rejects.toMatchObject({
      code: 'PDF_UNAVAILABLE',
      message: expect.stringContaining('chưa cài LibreOffice'),
    });
    await none.close();
  });
});
