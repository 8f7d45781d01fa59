/**
 * CSV for exports (orders, survey responses, members, ledger), and the one export format below. RFC 4180 quoting, CRLF line ends, and a
 * UTF-8 byte-order mark so Excel opens Chinese text correctly. A cell that starts with = + - @
 * is prefixed with ' so a spreadsheet never runs member text as a formula.
 */
import { shanghaiDateTimeText, shanghaiDayKey } from './time'

export type CsvCell = string | number | boolean | null | undefined | Date

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return shanghaiDateTimeText(cell)
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

// ── One format for every export (members, ledger, orders, survey responses) ─────────────────────

/** Rows per exported file; a bigger export comes as numbered files, asked for one after another. */
export const EXPORT_ROWS_PER_FILE = 2000

/** One file of an export; `nextCursor` asks for the next numbered file (null: this was the last). */
export interface ExportPart {
  csv: string
  fileName: string
  rows: number
  /** 1-based number of this file. */
  part: number
  nextCursor: string | null
}

/** Times in every export: Asia/Shanghai 'YYYY-MM-DD HH:mm' (core/time), blank when absent. */
export function exportTime(at: Date | string | null | undefined): string {
  return at ? shanghaiDateTimeText(new Date(at)) : ''
}

/**
 * 晨读会-成员-2026-12-05.csv; with `detail` 晨读会-兑换订单-2026-12-05-已取消.csv; the files of a
 * split export are numbered (…-2026-12-05-2.csv), the first one too when more follow.
 */
export function exportFileName(
  communityName: string,
  what: string,
  now: Date,
  options: { detail?: string; part?: number; more?: boolean } = {},
): string {
  const safe = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '')
  const part = options.part ?? 1
  const numbered = part > 1 || options.more ? `-${part}` : ''
  const detail = options.detail ? `-${safe(options.detail)}` : ''
  return `${safe(communityName)}-${safe(what)}-${shanghaiDayKey(now)}${detail}${numbered}.csv`
}

/** The cursor of the next file of an export: its number and where the last one ended. */
export function encodeExportCursor(part: number, after: unknown[]): string {
  return base64url(JSON.stringify([part, ...after]))
}

/** Null when the cursor is not one `encodeExportCursor` made (the caller answers INVALID_CURSOR). */
export function decodeExportCursor(cursor: string): { part: number; after: unknown[] } | null {
  try {
    const [part, ...after] = JSON.parse(fromBase64url(cursor)) as unknown[]
    if (!Number.isInteger(part) || (part as number) < 2 || (part as number) > 10_000) return null
    return { part: part as number, after }
  } catch {
    return null
  }
}

// core is shared with the mini-program: no Buffer, so base64url by hand over UTF-8 bytes.
function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64url(text: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('bad cursor')
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))
}
