// A small tagged template for SQL that both stores share: values never enter the text,
// and each dialect writes its own placeholders (`?` for SQLite, `$1…` for PostgreSQL).

/**
 * @typedef {object} Sql
 * @property {readonly string[]} strings
 * @property {readonly unknown[]} values
 */

const SQL = Symbol('sql');

/**
 * `sql\`SELECT … WHERE id = ${id}\``: a query with its values kept apart.
 * A value that is itself an `sql` fragment is spliced in (with its own values).
 * @param {TemplateStringsArray | readonly string[]} strings
 * @param {...unknown} values
 * @returns {Sql}
 */
export function sql(strings, ...values) {
  /** @type {string[]} */
  const parts = [strings[0]];
  /** @type {unknown[]} */
  const flat = [];
  values.forEach((value, index) => {
    if (isSql(value)) {
      parts[parts.length - 1] += value.strings[0];
      for (let i = 0; i < value.values.length; i++) {
        flat.push(value.values[i]);
        parts.push(value.strings[i + 1]);
      }
      parts[parts.length - 1] += strings[index + 1];
    } else {
      flat.push(value);
      parts.push(strings[index + 1]);
    }
  });
  return Object.freeze({ [SQL]: true, strings: parts, values: flat });
}

/** @param {unknown} value @returns {value is Sql} */
function isSql(value) {
  return typeof value === 'object' && value !== null && SQL in value;
}

/** Text that goes into the query as written: identifiers and keywords chosen by the code, never input. */
export function raw(/** @type {string} */ text) {
  return sql([text]);
}

/**
 * Joins fragments with a separator: `join([sql`a = ${1}`, sql`b = ${2}`], ' AND ')`.
 * @param {Sql[]} fragments @param {string} separator
 */
export function join(fragments, separator) {
  if (fragments.length === 0) return raw('');
  return sql(['', ...fragments.slice(1).map(() => separator), ''], ...fragments);
}

/** The text for SQLite (`?` placeholders) and its values. @param {Sql} query */
export function forSqlite(query) {
  return { text: query.strings.join('?'), values: query.values.map(sqliteValue) };
}

/** The text for PostgreSQL (`$1`, `$2` … placeholders) and its values. @param {Sql} query */
export function forPostgres(query) {
  let text = query.strings[0];
  for (let i = 1; i < query.strings.length; i++) text += `$${i}${query.strings[i]}`;
  return { text, values: [...query.values] };
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null; booleans become 0/1. @param {unknown} value */
function sqliteValue(value) {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === undefined) return null;
  return value;
}
