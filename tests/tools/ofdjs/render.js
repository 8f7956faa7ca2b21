#!/usr/bin/env node
// Headless OFD reader for the tests: opens an OFD with the npm package ofd.js
// (0.2.6, pinned in package-lock.json) under jsdom, renders every page and
// prints on stdout
//   {"pages": N, "text": ["page 1 text", ...], "expectedPages": N, ...}
// "text" is, per page, the textContent of the page <div> ofd.js produced
// (every <text> it created, in DOM order). With --pages it also writes
// OUTDIR/page-NNN.html (the DOM ofd.js built, as is) and OUTDIR/page-NNN.svg
// (the same page flattened into one SVG file, for rsvg-convert; to_png.sh).
//
// usage: node render.js FILE.ofd [OUTDIR] [--pages] [--scale PX_PER_MM]
//                       [--timeout SEC] [--screen-width PX] [--debug]
// exit 0 ok; 1 ofd.js threw / failed / rendered fewer pages than the document
// has; 2 usage or I/O error; 3 timeout (ofd.js never called success/fail).
// Everything ofd.js logs with console.* goes to stderr; stdout holds only JSON.
// Install: npm ci (in this folder, or --prefix DIR; node_modules is not kept).
'use strict';

const fs = require('fs');
const path = require('path');

// Exit once stdout is flushed: to a pipe it is asynchronous, and
// process.exit() right after a write cuts the JSON at 64 KiB.
let exiting = false;
function finish(code, json) {
  if (exiting) return;
  exiting = true;
  if (json === undefined) { process.exit(code); return; }
  process.stdout.write(json, () => process.exit(code));
}
function die(code, msg, extra) {
  if (exiting) return;
  process.stderr.write(`render.js: ${msg}\n`);
  finish(code, extra ? JSON.stringify(Object.assign({ error: msg }, extra)) + '\n' : undefined);
}

// ------------------------------------------------------------------ args
const argv = process.argv.slice(2);
const opts = { scale: 96 / 25.4, timeout: 60, screenWidth: null, debug: false, pages: false };
const pos = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--scale') opts.scale = parseFloat(argv[++i]);
  else if (a === '--timeout') opts.timeout = parseFloat(argv[++i]);
  else if (a === '--screen-width') opts.screenWidth = parseFloat(argv[++i]);
  else if (a === '--debug') opts.debug = true;
  else if (a === '--pages') opts.pages = true;
  else if (a === '-h' || a === '--help') { process.stdout.write(fs.readFileSync(__filename, 'utf8').split('\n').slice(1, 16).join('\n') + '\n'); process.exit(0); }
  else pos.push(a);
}
const usage = 'usage: node render.js FILE.ofd [OUTDIR] [--pages] [--scale PX_PER_MM] [--timeout SEC] [--screen-width PX] [--debug]';
if (pos.length < 1 || pos.length > 2 || !(opts.timeout > 0) || !(opts.scale > 0)) die(2, usage);
const [ofdPath, outDir] = pos;
if (opts.pages && !outDir) die(2, '--pages needs OUTDIR; ' + usage);
let ofdBytes;
try { ofdBytes = fs.readFileSync(ofdPath); } catch (e) { die(2, `cannot read ${ofdPath}: ${e.message}`); }
if (opts.pages) {
  try { fs.mkdirSync(outDir, { recursive: true }); } catch (e) { die(2, `cannot create ${outDir}: ${e.message}`); }
}

// Watchdog: ofd.js never settles its promise when e.g. an image cannot be
// decoded (it waits for Image.onload forever), and Node would then just exit 0.
const watchdog = setTimeout(() => {
  const hint = undecodableImages.length
    ? `; images ofd.js waited for that a browser could not decode: ${undecodableImages.join(', ')}`
    : '';
  die(3, `timeout: ofd.js did not finish within ${opts.timeout}s${hint}`, { pages: 0, text: [] });
}, opts.timeout * 1000);

// errors ofd.js throws outside its promise chain (callbacks, async forEach)
process.on('unhandledRejection', (e) => die(1, `ofd.js failed (unhandled rejection): ${e && e.stack || e}`, { pages: 0, text: [] }));
process.on('uncaughtException', (e) => die(1, `ofd.js failed (uncaught exception): ${e && e.stack || e}`, { pages: 0, text: [] }));

// ------------------------------------------------------------------ console -> stderr
const util = require('util');
for (const k of ['log', 'info', 'warn', 'error', 'debug', 'trace']) {
  console[k] = (...args) => { if (opts.debug || k === 'error' || k === 'warn') process.stderr.write(`[ofd.js ${k}] ${util.format(...args)}\n`); };
}

// ------------------------------------------------------------------ jsdom globals
const { JSDOM, VirtualConsole } = require('jsdom');
const vc = new VirtualConsole();
vc.on('jsdomError', (e) => { if (opts.debug) process.stderr.write(`[jsdom] ${e.message}\n`); });
const dom = new JSDOM('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>',
  { pretendToBeVisual: true, virtualConsole: vc, url: 'file://' + path.resolve(ofdPath) });
const win = dom.window;
function setGlobal(name, value) {
  Object.defineProperty(globalThis, name, { value, writable: true, configurable: true });
}
for (const name of ['window', 'document', 'navigator', 'location', 'DOMParser', 'XMLSerializer',
  'Node', 'Element', 'HTMLElement', 'SVGElement', 'HTMLCanvasElement', 'XMLHttpRequest',
  'getComputedStyle', 'FileReader']) {
  setGlobal(name, name === 'window' ? win : win[name]);
}
setGlobal('self', win);
if (typeof globalThis.File === 'undefined') setGlobal('File', win.File);   // parseOfdDocument tests `instanceof File`
if (typeof globalThis.Blob === 'undefined') setGlobal('Blob', win.Blob);

// SVGImageElement is missing in jsdom; ofd.js does `img.href.baseVal = src`.
if (!('href' in win.SVGElement.prototype)) {
  Object.defineProperty(win.SVGElement.prototype, 'href', {
    configurable: true,
    get() {
      const el = this;
      return {
        get baseVal() { return el.getAttribute('xlink:href') || el.getAttribute('href'); },
        set baseVal(v) { if (!el.hasAttribute('xlink:href')) el.setAttribute('href', v); },
        get animVal() { return this.baseVal; },
      };
    },
  });
}

// ImageData is used for JBIG2 images only (then canvas.getContext('2d') which
// jsdom lacks without the `canvas` package).
if (typeof globalThis.ImageData === 'undefined') {
  setGlobal('ImageData', class ImageData { constructor(d, w, h) { this.data = d; this.width = w; this.height = h; } });
}

// Image: ofd.js loads every non-JBIG2 MultiMedia image as
//   'data:image/png;base64,...' into `new Image()` and waits for onload to get
// its pixel size.  jsdom never fires load without the `canvas` package, so we
// decode the size ourselves for the formats a browser would decode (PNG, JPEG,
// GIF, BMP, WebP); for anything else we fire onerror like a browser would, and
// ofd.js then hangs -> watchdog reports it.
const undecodableImages = [];
function imageSize(buf) {
  if (buf.length > 24 && buf.readUInt32BE(0) === 0x89504e47) return [buf.readUInt32BE(16), buf.readUInt32BE(20), 'png'];
  if (buf.length > 10 && buf.toString('latin1', 0, 3) === 'GIF') return [buf.readUInt16LE(6), buf.readUInt16LE(8), 'gif'];
  if (buf.length > 26 && buf.toString('latin1', 0, 2) === 'BM') return [buf.readInt32LE(18), Math.abs(buf.readInt32LE(22)), 'bmp'];
  if (buf.length > 30 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') {
    const f = buf.toString('latin1', 12, 16);
    if (f === 'VP8X') return [1 + buf.readUIntLE(24, 3), 1 + buf.readUIntLE(27, 3), 'webp'];
    if (f === 'VP8 ') return [buf.readUInt16LE(26) & 0x3fff, buf.readUInt16LE(28) & 0x3fff, 'webp'];
    if (f === 'VP8L') { const b = buf.readUInt32LE(21); return [1 + (b & 0x3fff), 1 + ((b >> 14) & 0x3fff), 'webp']; }
  }
  if (buf.length > 4 && buf[0] === 0xff && buf[1] === 0xd8) {
    let i = 2;
    while (i + 9 < buf.length) {
      if (buf[i] !== 0xff) { i++; continue; }
      const m = buf[i + 1];
      if (m === 0xd8 || m === 0x01 || (m >= 0xd0 && m <= 0xd7) || m === 0xff) { i += (m === 0xff ? 1 : 2); continue; }
      const len = buf.readUInt16BE(i + 2);
      if ((m >= 0xc0 && m <= 0xcf) && m !== 0xc4 && m !== 0xc8 && m !== 0xcc) return [buf.readUInt16BE(i + 7), buf.readUInt16BE(i + 5), 'jpeg'];
      i += 2 + len;
    }
  }
  return null;
}
class FakeImage {
  constructor() { this.onload = null; this.onerror = null; this.width = 0; this.height = 0; this.naturalWidth = 0; this.naturalHeight = 0; this.complete = false; this._src = ''; }
  get src() { return this._src; }
  set src(v) {
    this._src = String(v);
    setImmediate(() => {
      let size = null;
      const m = /^data:[^,]*;base64,(.*)$/s.exec(this._src);
      if (m) size = imageSize(Buffer.from(m[1], 'base64'));
      if (size && size[0] > 0 && size[1] > 0) {
        this.width = this.naturalWidth = size[0];
        this.height = this.naturalHeight = size[1];
        this.complete = true;
        if (this.onload) this.onload({ type: 'load', target: this });
      } else {
        const head = m ? Buffer.from(m[1].slice(0, 16), 'base64').toString('hex') : this._src.slice(0, 40);
        undecodableImages.push(`[${head}...]`);
        if (this.onerror) this.onerror({ type: 'error', target: this });
      }
    });
  }
}
setGlobal('Image', FakeImage);

// ------------------------------------------------------------------ independent page count
// Parse the package ourselves with a namespace-aware XML parser, so "fewer
// pages than the document has" does not depend on ofd.js's own parsing.
const JSZip = require('jszip');
const OFD_NS = 'http://www.ofdspec.org/2016';
async function independentInfo(bytes) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (p) => {
    const f = zip.file(p.replace(/^\/+/, ''));
    if (!f) throw new Error(`missing part ${p}`);
    return new win.DOMParser().parseFromString(await f.async('string'), 'application/xml');
  };
  const kids = (el, name) => el ? Array.from(el.children).filter((c) => c.namespaceURI === OFD_NS && c.localName === name) : [];
  const ofd = await read('OFD.xml');
  const docs = [];
  for (const body of kids(ofd.documentElement, 'DocBody')) {
    const rootEl = kids(body, 'DocRoot')[0];
    if (!rootEl) continue;
    let docRoot = rootEl.textContent.trim().replace(/^\/+/, '');
    const docDir = docRoot.includes('/') ? docRoot.slice(0, docRoot.lastIndexOf('/') + 1) : '';
    const d = await read(docRoot);
    const pagesEl = kids(d.documentElement, 'Pages')[0];
    const pages = [];
    for (const p of kids(pagesEl, 'Page')) {
      const loc = (p.getAttribute('BaseLoc') || '').trim();
      const full = loc.startsWith('/') ? loc.slice(1) : docDir + loc;
      let text = '';
      try {
        const pd = await read(full);
        text = Array.from(pd.getElementsByTagNameNS(OFD_NS, 'TextCode')).map((t) => t.textContent).join('');
      } catch (e) { text = null; }
      pages.push({ id: p.getAttribute('ID'), baseLoc: full, sourceText: text });
    }
    docs.push({ docRoot, pages });
  }
  return docs;
}

// ------------------------------------------------------------------ flatten a page div to one SVG
const SVG_NS = 'http://www.w3.org/2000/svg';
function styleMap(el) {
  const m = {};
  for (const part of (el.getAttribute('style') || '').split(';')) {
    const i = part.indexOf(':');
    if (i > 0) m[part.slice(0, i).trim().toLowerCase()] = part.slice(i + 1).trim();
  }
  return m;
}
const px = (v) => (v === undefined ? 0 : parseFloat(String(v).replace('px', '')) || 0);
function flatten(container, doc) {
  // children in CSS painting order: by z-index (numeric, else 0), then DOM order
  const items = Array.from(container.children).map((el, i) => ({ el, i, z: parseFloat(styleMap(el)['z-index']) }));
  items.sort((a, b) => ((isNaN(a.z) ? 0 : a.z) - (isNaN(b.z) ? 0 : b.z)) || (a.i - b.i));
  const out = [];
  for (const { el } of items) {
    const st = styleMap(el);
    if (el.namespaceURI === SVG_NS && el.localName === 'svg') {
      const c = el.cloneNode(true);
      c.removeAttribute('style');
      c.setAttribute('x', px(st.left)); c.setAttribute('y', px(st.top));
      c.setAttribute('width', px(st.width)); c.setAttribute('height', px(st.height));
      c.setAttribute('overflow', st.overflow === 'hidden' ? 'hidden' : 'visible');
      for (const t of c.querySelectorAll('*')) {           // keep ofd.js styles, fix 'undefined'
        const s = t.getAttribute('style');
        if (s) t.setAttribute('style', s.split(';').filter((p) => !/:\s*(undefined|null)\s*$/.test(p)).join(';'));
        if (t.getAttribute('fill') === 'null') t.removeAttribute('fill');
      }
      out.push(c);
    } else if (el.localName === 'div') {
      const g = doc.createElementNS(SVG_NS, 'g');
      g.setAttribute('transform', `translate(${px(st.left)} ${px(st.top)})`);
      for (const c of flatten(el, doc)) g.appendChild(c);
      out.push(g);
    } else {
      out.push(doc.createComment(` ${el.localName} not representable in SVG (JBIG2 canvas?) `));
    }
  }
  return out;
}
function pageToSvg(pageDiv) {
  const st = styleMap(pageDiv);
  const w = px(st.width), h = px(st.height);
  const xdoc = new win.DOMParser().parseFromString(
    `<svg xmlns="${SVG_NS}" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><rect width="100%" height="100%" fill="white"/></svg>`,
    'image/svg+xml');
  const root = xdoc.documentElement;
  for (const c of flatten(pageDiv, xdoc)) root.appendChild(xdoc.importNode(c, true));
  let s = new win.XMLSerializer().serializeToString(xdoc);
  // setAttribute('xlink:href') in an HTML document creates a null-namespace
  // attribute; the serializer then emits it with a spurious xmlns; tidy up.
  s = s.replace(/ xmlns:xlink="" /g, ' ');
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + s + '\n';
}

// ------------------------------------------------------------------ run
const ofdjs = require(opts.debug ? 'ofd.js/lib/ofd.common.js' : 'ofd.js');

(async () => {
  let info;
  try { info = await independentInfo(ofdBytes); } catch (e) {
    process.stderr.write(`render.js: warning: independent parse failed (${e.message}); page count check uses ofd.js only\n`);
  }
  const expectedPages = info ? info.reduce((n, d) => n + d.pages.length, 0) : null;

  const ab = ofdBytes.buffer.slice(ofdBytes.byteOffset, ofdBytes.byteOffset + ofdBytes.byteLength);
  const docs = await new Promise((resolve, reject) => {
    try {
      ofdjs.parseOfdDocument({ ofd: ab, success: resolve, fail: (e) => reject(e instanceof Error ? e : new Error(String(e))) });
    } catch (e) { reject(e); }
  }).catch((e) => die(1, `ofd.js parseOfdDocument failed: ${e && e.stack || e}`, { pages: 0, text: [], expectedPages }));
  if (exiting) return;

  const pages = [];
  const text = [];
  let n = 0;
  for (let di = 0; di < docs.length; di++) {
    let divs;
    try {
      if (opts.screenWidth) divs = ofdjs.renderOfd(opts.screenWidth, docs[di]);
      else { ofdjs.setPageScale(opts.scale); divs = ofdjs.renderOfdByScale(docs[di]); }
    } catch (e) {
      die(1, `ofd.js render of document ${di} failed after ${n} page(s): ${e && e.stack || e}`, { pages: n, text, expectedPages });
      return;
    }
    for (const div of divs) {
      n++;
      const name = `page-${String(n).padStart(3, '0')}`;
      win.document.body.appendChild(div);
      if (opts.pages) {
        const html = `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${name}</title>` +
          `<style>html,body{margin:0;padding:0;background:#888}</style></head>\n<body>${div.outerHTML}</body></html>\n`;
        try {
          fs.writeFileSync(path.join(outDir, `${name}.html`), html);
          fs.writeFileSync(path.join(outDir, `${name}.svg`), pageToSvg(div));
        } catch (e) { die(2, `cannot write ${name} into ${outDir}: ${e.message}`); return; }
      }
      const t = div.textContent;
      text.push(t);
      pages.push({
        file: opts.pages ? `${name}.html` : null, svg: opts.pages ? `${name}.svg` : null, id: div.id, style: div.getAttribute('style'),
        textRuns: Array.from(div.querySelectorAll('svg')).filter((s) => s.querySelector('text'))
          .map((s) => Array.from(s.querySelectorAll('text')).map((x) => x.textContent).join('')),
        fonts: Array.from(new Set(Array.from(div.querySelectorAll('text')).map((x) => (/font-family:\s*([^;]*)/.exec(x.getAttribute('style') || '') || [])[1]))),
      });
      win.document.body.removeChild(div);
    }
  }
  clearTimeout(watchdog);
  const summary = { pages: n, text, expectedPages, scale: ofdjs.getPageScale(), detail: pages };
  if (info) summary.sourceText = info.flatMap((d) => d.pages.map((p) => p.sourceText));
  let code = 0;
  if (expectedPages !== null && n < expectedPages) {
    process.stderr.write(`render.js: ofd.js rendered ${n} page(s) but the document has ${expectedPages}\n`);
    code = 1;
  } else if (n === 0) { process.stderr.write('render.js: ofd.js rendered no pages\n'); code = 1; }
  finish(code, JSON.stringify(summary, null, 1) + '\n');
})().catch((e) => die(1, `unexpected: ${e && e.stack || e}`, { pages: 0, text: [] }));
