#!/usr/bin/env node
// Checks that the real YAML language server (npm yaml-language-server, the
// server behind VS Code's YAML extension) validates, completes and hovers a
// bulletin YAML file through the schema named in its modeline
//   # yaml-language-server: $schema=<schema>
//
//   npm ci                                   (once, in this directory)
//   node check.js SCHEMA_JSON_PATH WORKDIR [SAMPLE_YAML]
//
// SCHEMA_JSON_PATH  the schema to test (e.g. ../../../schema/bulletin.schema.json)
// WORKDIR           a scratch directory; the test documents are written there
// SAMPLE_YAML       the valid bulletin whose body is used (default:
//                   examples/sample.yaml of this repository)
//
// It starts the server over stdio, speaks LSP JSON-RPC to it, prints one
// line per check and exits 1 on the first failure (2 on bad usage), or when
// the server does not answer within TIMEOUT_MS.  The server is always killed.
// The server is configured so that it never goes to the network: the schema
// store and the Kubernetes CRD store are off and http.proxy points at a
// closed local port, so any attempt to fetch over http(s) fails at once
// instead of going out.
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const TIMEOUT_MS = Number(process.env.YAMLLS_TIMEOUT_MS || 30000);
// after a publishDiagnostics for a document, wait this long for a newer one
// (the server revalidates open documents when its settings change)
const SETTLE_MS = 400;
const SERVER = path.join(__dirname, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');

class Failure extends Error {}

function fail(msg) {
  throw new Failure(msg);
}

// ---------------------------------------------------------------- LSP client

class Client {
  constructor(rootDir) {
    this.rootDir = rootDir;
    this.nextId = 1;
    this.pending = new Map(); // id -> {resolve, reject, method, timer}
    this.diagnostics = new Map(); // uri -> {diagnostics, at}
    this.diagWaiters = []; // {uri, resolve}
    this.configRequests = 0;
    this.stderr = '';
    this.buf = Buffer.alloc(0);
    this.exited = false;
  }

  start() {
    if (!fs.existsSync(SERVER)) {
      fail(`${SERVER} not found: run \`npm ci\` in ${__dirname}`);
    }
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], {
      cwd: this.rootDir,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.proc.stdout.on('data', (d) => this.onData(d));
    this.proc.stderr.on('data', (d) => {
      this.stderr += d.toString();
    });
    this.proc.on('exit', (code, signal) => {
      this.exited = true;
      const why = `language server exited (code ${code}, signal ${signal})` +
        (this.stderr ? `; its stderr:\n${this.stderr}` : '');
      for (const p of this.pending.values()) {
        clearTimeout(p.timer);
        p.reject(new Failure(why));
      }
      this.pending.clear();
    });
    this.proc.stdin.on('error', () => {}); // reported by 'exit'
  }

  kill() {
    if (this.proc && !this.exited) {
      this.proc.kill('SIGKILL');
    }
  }

  send(msg) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Failure(`no answer to ${method} within ${TIMEOUT_MS / 1000} s`));
      }, TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, method, timer });
      this.send({ id, method, params });
    });
  }

  notify(method, params) {
    this.send({ method, params });
  }

  onData(chunk) {
    this.buf = Buffer.concat([this.buf, chunk]);
    for (;;) {
      const sep = this.buf.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const header = this.buf.slice(0, sep).toString('ascii');
      const m = /Content-Length:\s*(\d+)/i.exec(header);
      if (!m) {
        this.buf = this.buf.slice(sep + 4);
        continue;
      }
      const len = Number(m[1]);
      if (this.buf.length < sep + 4 + len) return;
      const body = this.buf.slice(sep + 4, sep + 4 + len).toString('utf8');
      this.buf = this.buf.slice(sep + 4 + len);
      let msg;
      try {
        msg = JSON.parse(body);
      } catch (e) {
        continue;
      }
      this.onMessage(msg);
    }
  }

  onMessage(msg) {
    if (msg.id !== undefined && msg.method === undefined) {
      // a response to one of our requests
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.error) {
        p.reject(new Failure(`${p.method} failed: ${JSON.stringify(msg.error)}`));
      } else {
        p.resolve(msg.result);
      }
      return;
    }
    if (msg.id !== undefined) {
      this.onServerRequest(msg);
      return;
    }
    if (msg.method === 'textDocument/publishDiagnostics') {
      const { uri, diagnostics } = msg.params;
      this.diagnostics.set(uri, { diagnostics, at: Date.now() });
      this.diagWaiters = this.diagWaiters.filter((w) => {
        if (w.uri !== uri) return true;
        w.resolve();
        return false;
      });
    }
    // window/logMessage, telemetry/event, ...: ignored
  }

  onServerRequest(msg) {
    let result = null;
    switch (msg.method) {
      case 'workspace/configuration':
        this.configRequests++;
        result = msg.params.items.map((item) => this.configSection(item.section));
        break;
      case 'client/registerCapability':
      case 'client/unregisterCapability':
      case 'window/workDoneProgress/create':
        result = null;
        break;
      case 'workspace/workspaceFolders':
        result = [{ uri: pathToFileURL(this.rootDir).href, name: path.basename(this.rootDir) }];
        break;
      default:
        // e.g. custom/schema/request: we never serve schemas over anything but files
        this.send({ id: msg.id, error: { code: -32601, message: `unhandled ${msg.method}` } });
        return;
    }
    this.send({ id: msg.id, result });
  }

  configSection(section) {
    switch (section) {
      case 'yaml':
        return {
          validate: true,
          completion: true,
          hover: true,
          format: { enable: false },
          schemaStore: { enable: false },
          kubernetesCRDStore: { enable: false },
          schemas: {},
          yamlVersion: '1.2',
        };
      case 'http':
        // nothing listens on port 9 (discard): an http(s) fetch fails at once
        return { proxy: 'http://127.0.0.1:9', proxyStrictSSL: true };
      case '[yaml]':
        return {};
      case 'editor':
        return {};
      default:
        return null;
    }
  }

  async initialize() {
    const rootUri = pathToFileURL(this.rootDir).href;
    const result = await this.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'bulletin-yamlls-check', version: '1' },
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(this.rootDir) }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: false },
          publishDiagnostics: { relatedInformation: true },
          completion: {
            completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] },
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
      initializationOptions: {},
    });
    this.notify('initialized', {});
    // the server pulls its settings right after 'initialized'; wait for that
    const t0 = Date.now();
    while (this.configRequests === 0) {
      if (this.exited) fail(`language server exited during start-up:\n${this.stderr}`);
      if (Date.now() - t0 > TIMEOUT_MS) fail(`the server never asked for workspace/configuration within ${TIMEOUT_MS / 1000} s`);
      await sleep(20);
    }
    await sleep(200); // let it apply them
    return result;
  }

  open(file, text) {
    const uri = pathToFileURL(file).href;
    this.diagnostics.delete(uri);
    this.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
    return uri;
  }

  // the latest diagnostics for uri, once they have stopped changing
  async diagnosticsFor(uri) {
    if (!this.diagnostics.has(uri)) {
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Failure(`no publishDiagnostics for ${uri} within ${TIMEOUT_MS / 1000} s`));
        }, TIMEOUT_MS);
        this.diagWaiters.push({
          uri,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    }
    for (;;) {
      const { at } = this.diagnostics.get(uri);
      const wait = at + SETTLE_MS - Date.now();
      if (wait <= 0) break;
      await sleep(wait);
    }
    return this.diagnostics.get(uri).diagnostics;
  }

  completion(uri, line, character) {
    return this.request('textDocument/completion', {
      textDocument: { uri },
      position: { line, character },
      context: { triggerKind: 1 },
    });
  }

  hover(uri, line, character) {
    return this.request('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  }

  async shutdown() {
    if (this.exited) return;
    try {
      await Promise.race([this.request('shutdown', null), sleep(2000)]);
      this.notify('exit', null);
    } catch (e) {
      // killed below anyway
    }
    await Promise.race([new Promise((r) => this.proc.once('exit', r)), sleep(1000)]);
    this.kill();
  }
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

// ---------------------------------------------------------------- helpers

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

function fmtDiag(d) {
  return `line ${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity] || d.severity}: ${d.message.replace(/\s+/g, ' ')}`;
}

// index (0-based) of the first line matching re, from line `from`
function lineOf(lines, re, from = 0) {
  for (let i = from; i < lines.length; i++) {
    if (re.test(lines[i])) return i;
  }
  fail(`test document has no line matching ${re}`);
}

function completionLabels(result) {
  const items = Array.isArray(result) ? result : (result && result.items) || [];
  return items.map((it) => (typeof it.label === 'string' ? it.label : String(it.label)));
}

function hoverText(result) {
  if (!result || !result.contents) return '';
  const c = result.contents;
  const one = (x) => (typeof x === 'string' ? x : x.value || '');
  return Array.isArray(c) ? c.map(one).join('\n') : one(c);
}

// markdown escaping aside, so that a description can be found in a hover
function unmarkdown(s) {
  return s.replace(/\\([\\`*_{}\[\]()#+\-.!|<>~])/g, '$1').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');
}

// follow local "$ref": "#/definitions/x" (and allOf of one $ref)
function deref(root, node) {
  for (let i = 0; i < 20 && node; i++) {
    if (node.$ref) {
      if (!node.$ref.startsWith('#/')) fail(`cannot follow ${node.$ref}`);
      node = node.$ref
        .slice(2)
        .split('/')
        .reduce((n, k) => (n ? n[decodeURIComponent(k.replace(/~1/g, '/').replace(/~0/g, '~'))] : undefined), root);
    } else if (!node.properties && Array.isArray(node.allOf) && node.allOf.length === 1) {
      node = node.allOf[0];
    } else {
      return node;
    }
  }
  return node;
}

function modelineFor(schemaPath) {
  // the modeline is read up to the first whitespace: use a URL if need be
  return /\s/.test(schemaPath) ? pathToFileURL(schemaPath).href : schemaPath;
}

// ---------------------------------------------------------------- the checks

async function run(schemaPath, workDir, samplePath) {
  const schemaText = fs.readFileSync(schemaPath, 'utf8');
  let schema;
  try {
    schema = JSON.parse(schemaText);
  } catch (e) {
    fail(`${schemaPath} is not JSON: ${e.message}`);
  }
  const item = deref(schema, deref(schema, schema.properties && schema.properties.items).items);
  const hostsSchema = item && item.properties && item.properties.hosts;
  // the expected hover: the description of hosts in the schema as given; if
  // that schema has no hosts, the one in the repository's schema (the hover
  // check must then fail, not be skipped)
  let hostsDescription = hostsSchema && hostsSchema.description;
  if (!hostsDescription) {
    const repoSchema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'schema', 'bulletin.schema.json'), 'utf8'));
    const repoItem = deref(repoSchema, deref(repoSchema, repoSchema.properties.items).items);
    hostsDescription = repoItem.properties.hosts.description;
  }

  const sample = fs.readFileSync(samplePath, 'utf8').replace(/\r\n/g, '\n');
  const sampleLines = sample.split('\n');
  if (!/^#\s+yaml-language-server\s*:/.test(sampleLines[0])) {
    fail(`${samplePath} does not start with a yaml-language-server modeline`);
  }
  const body = sampleLines.slice(1).join('\n');

  fs.mkdirSync(workDir, { recursive: true });
  const schemaUrl = pathToFileURL(schemaPath).href;
  const client = new Client(workDir);
  const checks = [];
  const ok = (msg) => {
    checks.push(msg);
    console.log(`ok   ${msg}`);
  };

  try {
    client.start();
    const init = await client.initialize();
    const caps = (init && init.capabilities) || {};
    const version = (init && init.serverInfo && init.serverInfo.version) ||
      require(path.join(__dirname, 'node_modules', 'yaml-language-server', 'package.json')).version;
    ok(`server yaml-language-server ${version} (node ${process.version}) answered initialize` +
      ` (completion: ${!!caps.completionProvider}, hover: ${!!caps.hoverProvider})`);

    // 0. the sample exactly as committed, relative modeline and all, in a
    //    copy of the repository's layout: examples/sample.yaml + schema/
    {
      const relDir = path.join(workDir, 'repo-layout');
      const m = /\$schema(?:=|:[^\S\r\n]*)(\S+)/.exec(sampleLines[0]);
      if (!m) fail(`no $schema=... in the modeline of ${samplePath}: ${sampleLines[0]}`);
      const rel = m[1];
      if (/^[a-z]+:/i.test(rel) || path.isAbsolute(rel)) fail(`the sample's modeline is not a relative path: ${rel}`);
      const docFile = path.join(relDir, 'examples', 'sample.yaml');
      const schemaCopy = path.resolve(path.dirname(docFile), rel);
      fs.mkdirSync(path.dirname(docFile), { recursive: true });
      fs.mkdirSync(path.dirname(schemaCopy), { recursive: true });
      fs.writeFileSync(schemaCopy, schemaText);
      fs.writeFileSync(docFile, sample);
      const uri = client.open(docFile, sample);
      const diags = await client.diagnosticsFor(uri);
      if (diags.length) {
        fail(`check 0: the sample with its own modeline (${sampleLines[0]}) got ${diags.length} diagnostic(s):\n  ${diags.map(fmtDiag).join('\n  ')}`);
      }
      // no diagnostics is also what an unapplied schema gives: prove it is applied
      const lines = sample.split('\n');
      const hl = lineOf(lines, /^\s+hosts:/);
      const hov = hoverText(await client.hover(uri, hl, lines[hl].indexOf('hosts') + 1));
      if (!unmarkdown(hov).includes(unmarkdown(hostsDescription))) {
        fail(`check 0: the sample's own modeline (${rel}) did not bring in the schema: hover on hosts gave ${JSON.stringify(hov)}`);
      }
      ok(`0 sample.yaml as committed, modeline "${sampleLines[0]}": schema applied (hover on hosts), no diagnostics`);
    }

    // 1. a valid bulletin, modeline with the schema's absolute path
    const validText = `# yaml-language-server: $schema=${modelineFor(schemaPath)}\n${body}`;
    const validFile = path.join(workDir, 'valid.yaml');
    fs.writeFileSync(validFile, validText);
    const validUri = client.open(validFile, validText);
    {
      const diags = await client.diagnosticsFor(validUri);
      const errors = diags.filter((d) => d.severity === undefined || d.severity === 1);
      if (errors.length) {
        fail(`check 1: the valid bulletin got ${errors.length} error(s):\n  ${errors.map(fmtDiag).join('\n  ')}`);
      }
      ok(`1 valid bulletin (body of ${path.basename(samplePath)}, $schema=<absolute path>): no errors` +
        (diags.length ? ` (${diags.length} other: ${diags.map(fmtDiag).join('; ')})` : ', no diagnostics at all'));
    }

    // 2. three mistakes, modeline with a file:// URL
    {
      let text = validText;
      const swap = (re, to, what) => {
        if (!re.test(text)) fail(`check 2: cannot make the mistake "${what}": ${re} not in the sample`);
        text = text.replace(re, to);
      };
      swap(/^(\s+)hosts: 法院$/m, '$1hots: 法院', 'hots: 法院');
      swap(/^(\s+)result: A$/m, '$1result: E', 'result: E');
      swap(/^bulletin:\n/m, 'bulletin:\n  year: 二〇二四\n', 'year: 二〇二四');
      text = text.replace(/^(# yaml-language-server: \$schema=)\S+/, `$1${schemaUrl}`);
      const file = path.join(workDir, 'invalid.yaml');
      fs.writeFileSync(file, text);
      const uri = client.open(file, text);
      const lines = text.split('\n');
      const expected = [
        { what: 'misspelt key hots (additionalProperties: false)', line: lineOf(lines, /^\s+hots: 法院$/) },
        { what: 'result: E (not A|B|C|D)', line: lineOf(lines, /^\s+result: E$/) },
        { what: 'year: 二〇二四 (not an integer)', line: lineOf(lines, /^\s+year: 二〇二四$/) },
      ];
      const diags = await client.diagnosticsFor(uri);
      const used = new Set();
      for (const e of expected) {
        const hits = diags.filter((d) => d.range.start.line === e.line);
        if (!hits.length) {
          fail(`check 2: no diagnostic on line ${e.line + 1} for ${e.what}; got:\n  ${diags.map(fmtDiag).join('\n  ') || '(none)'}`);
        }
        hits.forEach((d) => used.add(d));
        ok(`2 ${e.what}: ${hits.map(fmtDiag).join('; ')}`);
      }
      const others = diags.filter((d) => !used.has(d));
      if (others.length) {
        fail(`check 2: ${others.length} diagnostic(s) on lines without a mistake:\n  ${others.map(fmtDiag).join('\n  ')}`);
      }
      ok(`2 invalid bulletin ($schema=file:// URL): exactly the 3 mistakes flagged, nothing else`);
    }

    // 3. completion: keys on an empty line in an item; values of result
    {
      const text = [
        `# yaml-language-server: $schema=${schemaUrl}`,
        'bulletin:',
        '  title: 补全测试',
        'items:',
        '  - title: 甲',
        '    ',
        '  - title: 乙',
        '    result: ',
        '',
      ].join('\n');
      const file = path.join(workDir, 'complete.yaml');
      fs.writeFileSync(file, text);
      const uri = client.open(file, text);
      await client.diagnosticsFor(uri); // the document has been parsed and its schema loaded
      const lines = text.split('\n');
      const keyLine = 5;
      const keys = completionLabels(await client.completion(uri, keyLine, lines[keyLine].length));
      const wantKeys = ['hosts', 'leaders', 'progress', 'result'];
      const missingKeys = wantKeys.filter((k) => !keys.includes(k));
      if (missingKeys.length) {
        fail(`check 3: completion on the empty line of an item lacks ${missingKeys.join(', ')}; offered: ${JSON.stringify(keys)}`);
      }
      if (keys.includes('title')) {
        fail(`check 3: completion offers title, which the item already has; offered: ${JSON.stringify(keys)}`);
      }
      ok(`3 completion at line ${keyLine + 1} col ${lines[keyLine].length + 1} (empty key line in an item) offers ${wantKeys.join(', ')} (all ${keys.length}: ${keys.join(' ')})`);
      const valLine = 7;
      const vals = completionLabels(await client.completion(uri, valLine, lines[valLine].length));
      const wantVals = ['A', 'B', 'C', 'D'];
      const missingVals = wantVals.filter((v) => !vals.includes(v));
      if (missingVals.length) {
        fail(`check 3: completion for the value of result lacks ${missingVals.join(', ')}; offered: ${JSON.stringify(vals)}`);
      }
      ok(`3 completion for "result: " offers ${wantVals.join(', ')} (all: ${vals.join(' ')})`);
    }

    // 4. hover on hosts gives the schema's description
    {
      const lines = validText.split('\n');
      const hl = lineOf(lines, /^\s+hosts:/);
      const col = lines[hl].indexOf('hosts') + 2;
      const hov = hoverText(await client.hover(validUri, hl, col));
      if (!hov) fail(`check 4: no hover on hosts (line ${hl + 1})`);
      if (!unmarkdown(hov).includes(unmarkdown(hostsDescription))) {
        fail(`check 4: hover on hosts (line ${hl + 1}) does not contain the schema's description ${JSON.stringify(hostsDescription)}; got ${JSON.stringify(hov)}`);
      }
      ok(`4 hover on hosts (line ${hl + 1}) shows the schema's description "${hostsDescription}": ${JSON.stringify(hov)}`);
    }

    if (client.exited) fail(`language server died:\n${client.stderr}`);
    return checks;
  } finally {
    await client.shutdown();
  }
}

async function main() {
  const args = process.argv.slice(2);
  if (args.length < 2 || args.length > 3 || args.includes('-h') || args.includes('--help')) {
    console.error('usage: node check.js SCHEMA_JSON_PATH WORKDIR [SAMPLE_YAML]');
    process.exit(2);
  }
  const schemaPath = path.resolve(args[0]);
  const workDir = path.resolve(args[1]);
  const samplePath = path.resolve(args[2] || path.join(__dirname, '..', '..', '..', 'examples', 'sample.yaml'));
  for (const f of [schemaPath, samplePath]) {
    if (!fs.existsSync(f)) {
      console.error(`FAIL: ${f} does not exist`);
      process.exit(2);
    }
  }
  const t0 = Date.now();
  // a hard stop, whatever hangs
  const watchdog = setTimeout(() => {
    console.error(`FAIL: the check did not finish within ${(4 * TIMEOUT_MS) / 1000} s`);
    process.exit(1);
  }, 4 * TIMEOUT_MS);
  watchdog.unref();
  try {
    const checks = await run(schemaPath, workDir, samplePath);
    console.log(`PASS: ${checks.length} checks against ${schemaPath} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    process.exit(0);
  } catch (e) {
    console.error(`FAIL: ${e instanceof Failure ? e.message : e.stack || e}`);
    process.exit(1);
  }
}

if (require.main === module) {
  main();
}

module.exports = { Client, run };
