/**
 * CSV for exports (orders, survey responses, members). RFC 4180 quoting, CRLF line ends, and a
 * UTF-8 byte-order mark so Excel opens Chinese text correctly. A cell that starts with = + - @
 * is prefixed with ' so a spreadsheet never runs member text as a formula.
 */
export type CsvCell = string | number | boolean | null | undefined | Date

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return cell.toISOString()
  const text = String(cell)
  return typeof cell === 'string' && /^[=+\-@]/.test(text) ? `'${text}` : text
}

function quoted(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  const lines = [header, ...rows].map((row) => row.map((cell) => quoted(cellText(cell))).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
