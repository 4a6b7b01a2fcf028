// Types generated from the JSDoc of the module beside it, so the TypeScript tests can import it. Regenerate after an API change:
// npx tsc --ignoreConfig --allowJs --checkJs --strict --declaration --emitDeclarationOnly --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck --types node --outDir /tmp/demo-dts demo/app.mjs
/**
 * `sql\`SELECT … WHERE id = ${id}\``: a query with its values kept apart.
 * A value that is itself an `sql` fragment is spliced in (with its own values).
 * @param {TemplateStringsArray | readonly string[]} strings
 * @param {...unknown} values
 * @returns {Sql}
 */
export function sql(strings: TemplateStringsArray | readonly string[], ...values: unknown[]): Sql;
/** Text that goes into the query as written: identifiers and keywords chosen by the code, never input. */
export function raw(text: string): Sql;
/**
 * Joins fragments with a separator: `join([sql`a = ${1}`, sql`b = ${2}`], ' AND ')`.
 * @param {Sql[]} fragments @param {string} separator
 */
export function join(fragments: Sql[], separator: string): Sql;
/** The text for SQLite (`?` placeholders) and its values. @param {Sql} query */
export function forSqlite(query: Sql): {
    text: string;
    values: ({} | null)[];
};
/** The text for PostgreSQL (`$1`, `$2` … placeholders) and its values. @param {Sql} query */
export function forPostgres(query: Sql): {
    text: string;
    values: unknown[];
};
export type Sql = {
    strings: readonly string[];
    values: readonly unknown[];
};
