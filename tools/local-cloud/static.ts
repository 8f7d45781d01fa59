import fs from 'node:fs/promises'
import path from 'node:path'
import type http from 'node:http'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

/** Serve the H5 build; unknown paths get index.html so the router can take them. */
export async function serveStatic(root: string, pathname: string, res: http.ServerResponse): Promise<void> {
  const safe = path.normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '')
  let file = path.join(root, safe)
  if (!file.startsWith(path.resolve(root))) file = path.join(root, 'index.html')
  let data: Buffer
  try {
    const stat = await fs.stat(file)
    if (stat.isDirectory()) file = path.join(file, 'index.html')
    data = await fs.readFile(file)
  } catch {
    file = path.join(root, 'index.html')
    try {
      data = await fs.readFile(file)
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('H5 build not found: run npm run build:h5')
      return
    }
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
  res.end(data)
}
