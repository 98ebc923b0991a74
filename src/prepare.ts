/** Brings a database up to date: migrations, then the built-in roles and rules. */
import { ensureBuiltinRules } from './modules/automation/index.js';
import { MIGRATION_SOURCES } from './modules/index.js';
import { ensureBuiltinRoles } from './platform/auth/auth.service.js';
import type { Db } from './platform/db/client.js';
import { migrate, underMigrationLock } from './platform/db/migrate.js';

export async function prepareDatabase(db: Db): Promise<string[]> {
  const applied = await migrate(db, MIGRATION_SOURCES);
  // Processes starting together seed the built-ins one at a time, each seeing the previous one's.
  await underMigrationLock(db, async (tx) => {
    await ensureBuiltinRoles(tx);
    await ensureBuiltinRules(tx);
  });
  return applied;
}
