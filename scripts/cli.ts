/**
 * Command-line tools. Usage: `npm run --silent cli -- <command> [args]`.
 *
 * Commands live in one table so new ones (export, seed, …) are added in one place. A command writes
 * its result to stdout and nothing else; messages for people go to stderr in Vietnamese.
 * Exit codes: 0 success, 1 unexpected failure, 2 bad input (missing or unreadable file, bad usage).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { importPlanDocument } from '../server/documents/import/import-document';
import { UnreadableDocumentError } from '../server/documents/import/import-plan';

/** A failure caused by the user's input: printed without a stack trace, exit code 2. */
class UsageError extends Error {}

type Command = {
  /** One-line Vietnamese description for the help text. */
  summary: string;
  usage: string;
  run: (args: string[]) => Promise<void>;
};

const COMMANDS: Record<string, Command> = {
  import: {
    summary: 'Nhập văn bản kế hoạch (.docx, .pdf, ảnh .png/.jpg, .txt) và in bản nháp JSON',
    usage: 'import FILE [--json]',
    run: async (args) => {
      const file = args.find((arg) => !arg.startsWith('--'));
      if (!file) throw new UsageError('Thiếu đường dẫn tệp. Cách dùng: import FILE --json');
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch {
        throw new UsageError(`Không mở được tệp "${file}".`);
      }
      // The reader is chosen from the bytes; OCR progress goes to stderr so stdout stays JSON only.
      const draft = await importPlanDocument(bytes, {
        fileName: basename(file),
        onProgress: ({ page, pageCount }) =>
          process.stderr.write(`Nhận dạng chữ trang ${page}/${pageCount}…\n`),
      });
      process.stdout.write(`${JSON.stringify(draft, null, 2)}\n`);
    },
  },
};

const help = (): string =>
  ['Cách dùng: npm run --silent cli -- <lệnh> [tham số]', '', 'Các lệnh:']
    .concat(Object.values(COMMANDS).map((command) => `  ${command.usage.padEnd(24)} ${command.summary}`))
    .join('\n');

const main = async (argv: string[]): Promise<number> => {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stderr.write(`${help()}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Lệnh không hợp lệ: "${name}".\n${help()}\n`);
    return 2;
  }
  try {
    await command.run(args);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof UnreadableDocumentError) {
      process.stderr.write(`Lỗi: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`Lỗi không mong đợi: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
};

process.exitCode = await main(process.argv.slice(2));
