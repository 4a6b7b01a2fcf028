// Tables printed to the terminal and written as Markdown, from the same rows.

/** `{ title, columns: [{ name, align? }], rows: [[cell…]], notes?: [string] }` */
export function toText({ title, columns, rows, notes = [], lines }) {
  if (lines) return [`\n${title}`, ...lines.map((l) => `  ${l}`), ...notes.map((n) => `  ${n}`)].join('\n');
  const cells = [columns.map((c) => c.name), ...rows.map((r) => r.map(String))];
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r) =>
    r.map((cell, i) => (columns[i].align === 'right' ? (cell ?? '').padStart(widths[i]) : (cell ?? '').padEnd(widths[i]))).join('  ');
  return [`\n${title}`, line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line), ...notes.map((n) => `  ${n}`)].join('\n');
}

export function toMarkdown({ title, columns, rows, notes = [], lines }) {
  if (lines) return [`### ${title}`, '', '```', ...lines, '```', '', ...notes.map((n) => `- ${n}`), ''].join('\n');
  const escape = (cell) => String(cell).replace(/\|/g, '\\|');
  return [
    `### ${title}`,
    '',
    `| ${columns.map((c) => c.name).join(' | ')} |`,
    `| ${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(escape).join(' | ')} |`),
    '',
    ...notes.map((n) => `- ${n}`),
    notes.length ? '' : null,
  ]
    .filter((l) => l !== null)
    .join('\n');
}

/** Columns for a table whose first column names the row and whose others hold figures (right-aligned). */
export const columns = (label, ...figures) => [{ name: label }, ...figures.map((name) => ({ name, align: 'right' }))];

/** Bytes as KB (1 KB = 1,000 bytes), one decimal. */
export const kb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1000).toFixed(1)} KB` : 'n/a');
export const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');
export const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');
