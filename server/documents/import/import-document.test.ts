import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectDocumentKind, readZipDirectory } from './detect';
import { UnreadableDocumentError } from './errors';
import { importPlanDocument } from './import-document';
import {
  buildPlanDocx,
  buildPlanPdf,
  PLAN_LINES,
  renderPicturePng,
  renderTextPng,
  TABLE,
} from './test-documents';

const FIXTURES = new URL('../../test/fixtures/import/', import.meta.url);

/** A minimal zip holding the given entries, deflated, with truthful or forged declared sizes. */
const buildZip = (entries: Array<{ name: string; data: Uint8Array; declaredSize?: number }>): Uint8Array => {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const compressed = deflateRawSync(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
};

const refusal = async (bytes: Uint8Array): Promise<string> => {
  const error = await importPlanDocument(bytes).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(UnreadableDocumentError);
  return (error as Error).message;
};

describe('importPlanDocument', () => {
  afterEach(() => vi.restoreAllMocks());

  it('should read a DOCX indicator table with merged header, section and lead cells field by field', async () => {
    const draft = await importPlanDocument(await buildPlanDocx(), { fileName: 'ke-hoach.docx' });

    expect(draft.source).toBe('ke-hoach.docx');
    expect(draft.plan.number).toBe('99/KH-UBND');
    expect(draft.plan.issuedDate).toBe('2025-11-15');
    expect(draft.indicators).toHaveLength(3);
    const [first, second, third] = draft.indicators;
    expect(first).toMatchObject({
      code: 'I.1',
      group: 'Phát triển hạ tầng số',
      name: 'Tỷ lệ phủ sóng 5G trên địa bàn',
      unit: '%',
      targets: [
        { year: 2025, raw: '≥ 60%', op: '>=', value: 60 },
        { year: 2030, raw: '100%', op: '>=', value: 100 },
      ],
      lead: 'Phòng Văn hóa - Xã hội',
      coordinating: ['Doanh nghiệp viễn thông'],
    });
    // Row 2's lead is the cell merged down from row 1.
    expect(second).toMatchObject({
      code: 'I.2',
      name: 'Tỷ lệ hộ gia đình có cáp quang',
      targets: [
        { year: 2025, raw: '80%', op: '>=', value: 80 },
        { year: 2030, raw: 'Duy trì 100%', op: '>=', value: 100 },
      ],
      lead: 'Phòng Văn hóa - Xã hội',
    });
    expect(third).toMatchObject({
      code: 'I.3',
      name: TABLE.rows[2]?.[1],
      lead: 'Trung tâm Phục vụ hành chính công',
      coordinating: [],
    });
  });

  it('should read a digital PDF table whose cells wrap over several lines', async () => {
    const draft = await importPlanDocument(await buildPlanPdf(), { fileName: 'ke-hoach.pdf' });

    expect(draft.plan.number).toBe('99/KH-UBND');
    expect(draft.indicators.map((indicator) => [indicator.code, indicator.name, indicator.lead])).toEqual([
      ['I.1', 'Tỷ lệ phủ sóng 5G trên địa bàn', 'Phòng Văn hóa - Xã hội'],
      ['I.2', 'Tỷ lệ hộ gia đình có cáp quang', 'Phòng Văn hóa - Xã hội'],
      ['I.3', 'Tỷ lệ hồ sơ trực tuyến toàn trình', 'Trung tâm Phục vụ hành chính công'],
    ]);
    expect(draft.indicators[0]?.coordinating).toEqual(['Doanh nghiệp viễn thông']);
    expect(draft.indicators[1]?.targets).toEqual([
      { year: 2025, raw: '80%', op: '>=', value: 80 },
      { year: 2030, raw: 'Duy trì 100%', op: '>=', value: 100 },
    ]);
  });

  it('should OCR a scanned page offline, reporting progress, without touching the network', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(() => {
      throw new Error('network used');
    });
    const httpSpy = vi.spyOn(http, 'request').mockImplementation(() => {
      throw new Error('network used');
    });
    const httpsSpy = vi.spyOn(https, 'request').mockImplementation(() => {
      throw new Error('network used');
    });
    const png = await renderTextPng([
      'ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG',
      'Số: 99/KH-UBND',
      'Thành Đông, ngày 15 tháng 11 năm 2025',
      'KẾ HOẠCH',
      'Thực hiện chuyển đổi số năm 2026',
      'I. MỤC ĐÍCH, YÊU CẦU',
      'Triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị.',
      'II. TỔ CHỨC THỰC HIỆN',
    ]);
    const progress: string[] = [];

    const draft = await importPlanDocument(png, {
      fileName: 'scan.png',
      onProgress: ({ page, pageCount }) => progress.push(`${page}/${pageCount}`),
    });

    expect(progress).toEqual(['1/1']);
    expect(draft.plan.number).toBe('99/KH-UBND');
    expect(draft.plan.title).toContain('chuyển đổi số');
    // The OCR worker thread has its own network switched off (ocr-worker.cjs); this thread never used it.
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(httpSpy).not.toHaveBeenCalled();
    expect(httpsSpy).not.toHaveBeenCalled();
  });

  it('should stop OCR when the import is cancelled', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(importPlanDocument(await renderPicturePng(), { signal: controller.signal })).rejects.toThrow(
      'cancelled',
    );
  });

  it('should stop in the middle of a page when cancelled while OCR reads it', async () => {
    const controller = new AbortController();
    const png = await renderTextPng(PLAN_LINES);

    const reading = importPlanDocument(png, {
      signal: controller.signal,
      // The page is handed to the worker right after this call; the cancel comes while it is read.
      onProgress: () => setTimeout(() => controller.abort(new Error('cancelled mid-page')), 0),
    });

    await expect(reading).rejects.toThrow('cancelled mid-page');
  });

  it('should refuse a photo with no text', async () => {
    expect(await refusal(await renderPicturePng())).toMatch(/Không tìm thấy nội dung kế hoạch/);
  });

  it('should refuse a corrupt DOCX', async () => {
    const docx = await buildPlanDocx();
    const corrupt = docx.slice(0, Math.floor(docx.length / 2));
    expect(await refusal(corrupt)).toMatch(/Word \(\.docx\) bị hỏng/);
  });

  it('should refuse a zip that is not a Word document', async () => {
    const zip = buildZip([{ name: 'anh.jpg', data: new Uint8Array(100) }]);
    expect(await refusal(zip)).toMatch(/không phải văn bản Word/);
  });

  it('should refuse a zip bomb from its directory, before inflating it', async () => {
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
      { name: 'word/document.xml', data: new Uint8Array(80 * 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(readZipDirectory(bomb)[1]?.uncompressedSize).toBe(80 * 1024 * 1024);
    expect(await refusal(bomb)).toMatch(/giải nén quá lớn/);
  });

  it('should refuse a zip entry that unpacks to more than it declares', async () => {
    const liar = buildZip([
      { name: 'word/document.xml', data: new Uint8Array(1024 * 1024), declaredSize: 10 },
    ]);
    expect(await refusal(liar)).toMatch(/bị hỏng/);
  });

  it('should refuse a password-protected PDF', async () => {
    const encrypted = new Uint8Array(readFileSync(new URL('encrypted.pdf', FIXTURES)));
    expect(await refusal(encrypted)).toMatch(/PDF có đặt mật khẩu/);
  });

  it('should refuse binary junk and old .doc files with a hint at what to send', async () => {
    expect(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatch(
      /\.doc/,
    );
    expect(await refusal(new Uint8Array([1, 2, 3, 0, 255, 254]))).toMatch(/Định dạng tệp không được hỗ trợ/);
  });

  it('should choose the reader from the bytes, not the file name', async () => {
    expect(detectDocumentKind(await buildPlanDocx())).toBe('docx');
    expect(detectDocumentKind(await buildPlanPdf())).toBe('pdf');
    expect(detectDocumentKind(await renderPicturePng())).toBe('png');
    expect(detectDocumentKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    const draft = await importPlanDocument(await buildPlanDocx(), { fileName: 'ke-hoach.txt' });
    expect(draft.indicators).toHaveLength(3);
  });
});
