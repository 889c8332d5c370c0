import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * A consistent copy of a live database through SQLite's online backup API. All pages are copied in one step,
 * inside one read transaction: in WAL mode the bot keeps writing meanwhile, and the copy is the database as of
 * one commit (never a half-written transaction). Written beside the target and renamed, so a failed backup
 * leaves no file that looks complete. Refuses to overwrite an existing file.
 */
export async function backupDatabase(source: string, target: string): Promise<{ pages: number }> {
  if (!existsSync(source)) throw new Error(`no database at ${source} (DATABASE_PATH)`);
  if (existsSync(target)) throw new Error(`${target} exists already; choose a new file name`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const result = await db.backup(partial, { progress: () => 0x7fffffff });
    renameSync(partial, target);
    return { pages: result.totalPages };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
}
