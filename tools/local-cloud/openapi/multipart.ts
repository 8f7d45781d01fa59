/**
 * Just enough multipart/form-data parsing for what @cloudbase/node-sdk sends (the `form-data`
 * package): one part per field, text fields plus one binary `requestData` part. Works on bytes, since
 * requestData is protobuf and must not pass through a string decoder.
 */

export interface FormPart {
  value: Buffer
  contentType?: string
  filename?: string
}

export function parseMultipart(body: Buffer, contentType: string): Map<string, FormPart> {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  if (!match) throw new Error('multipart body without a boundary')
  const delimiter = Buffer.from(`--${(match[1] ?? match[2]).trim()}`)
  const parts = new Map<string, FormPart>()
  let pos = body.indexOf(delimiter)
  if (pos < 0) throw new Error('multipart boundary not found in body')
  for (;;) {
    pos += delimiter.length
    // "--" after a delimiter closes the body.
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break
    pos = skipCrlf(body, pos)
    const next = body.indexOf(delimiter, pos)
    if (next < 0) throw new Error('multipart body is truncated')
    // The CRLF before the next delimiter belongs to the delimiter, not the value.
    let end = next
    if (body[end - 2] === 0x0d && body[end - 1] === 0x0a) end -= 2
    const headerEnd = body.indexOf('\r\n\r\n', pos)
    if (headerEnd < 0 || headerEnd > end) throw new Error('multipart part without headers')
    const headers = body.subarray(pos, headerEnd).toString('utf8').split('\r\n')
    const part: FormPart = { value: body.subarray(headerEnd + 4, end) }
    let name: string | undefined
    for (const line of headers) {
      const colon = line.indexOf(':')
      if (colon < 0) continue
      const key = line.slice(0, colon).trim().toLowerCase()
      const val = line.slice(colon + 1).trim()
      if (key === 'content-disposition') {
        name = /\bname="([^"]*)"/i.exec(val)?.[1]
        part.filename = /\bfilename="([^"]*)"/i.exec(val)?.[1]
      } else if (key === 'content-type') {
        part.contentType = val
      }
    }
    if (name !== undefined) parts.set(name, part)
    pos = next
  }
  return parts
}

function skipCrlf(body: Buffer, pos: number): number {
  return body[pos] === 0x0d && body[pos + 1] === 0x0a ? pos + 2 : pos
}
