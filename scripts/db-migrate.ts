/** Applies the committed migrations to the configured database (the server also does this at start). */
import { loadConfig } from '../server/config';
import { DataDirLockedError } from '../server/db/data-dir-lock';
import { openMigratedDatabase } from '../server/db/migrate';

const handle = await openMigratedDatabase(loadConfig(process.env), { purpose: 'migrate' }).catch(
  (error: unknown) => {
    if (!(error instanceof DataDirLockedError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(3);
  },
);
await handle.close();
process.stderr.write('Đã cập nhật cấu trúc cơ sở dữ liệu.\n');
