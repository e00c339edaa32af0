/** Applies the committed migrations to the configured database (the server also does this at start). */
import { loadConfig } from '../server/config';
import { openMigratedDatabase } from '../server/db/migrate';

const handle = await openMigratedDatabase(loadConfig(process.env));
await handle.close();
process.stderr.write('Đã cập nhật cấu trúc cơ sở dữ liệu.\n');
