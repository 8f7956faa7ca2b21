#!/usr/bin/env node
// node compile.mjs MAIN.typ OUT.pdf [--input KEY=VALUE]... [--font-path PATH]...
// node compile.mjs --version
//
// Compiles a Typst file to a PDF with the Typst compiler of
// @myriaddreamin/typst-ts-node-compiler (package.json pins the version), as
// bench/run.py's peer of `bulletin render`. --input sets sys.inputs.KEY;
// --font-path adds a font file or folder (bench/run.py passes the files that
// `bulletin fonts` resolved, so both programs set the same faces). The
// compiler's root is /, so the template can read a YAML file anywhere by its
// absolute path. --version prints the package's version and Typst's.
//
// Exit status: 0 written; 1 the compilation failed, or a font family the
// template names was not found (Typst would quietly fall back to some other
// font and the comparison would no longer be fair); 2 bad command line.
// Other warnings are not printed.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const PACKAGE = '@myriaddreamin/typst-ts-node-compiler';

function usage(message) {
  process.stderr.write(`compile.mjs: ${message}\n` +
    'usage: node compile.mjs MAIN.typ OUT.pdf [--input KEY=VALUE]... [--font-path PATH]...\n');
  process.exit(2);
}

function parseArgs(argv) {
  const args = { files: [], inputs: {}, fontPaths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--input' || a === '--font-path') {
      const value = argv[++i];
      if (value === undefined) usage(`${a} needs a value`);
      if (a === '--font-path') {
        args.fontPaths.push(path.resolve(value));
      } else {
        const eq = value.indexOf('=');
        if (eq <= 0) usage(`--input takes KEY=VALUE, not ${value}`);
        args.inputs[value.slice(0, eq)] = value.slice(eq + 1);
      }
    } else if (a.startsWith('--')) {
      usage(`unknown option ${a}`);
    } else {
      args.files.push(a);
    }
  }
  if (args.files.length !== 2) usage('MAIN.typ and OUT.pdf are required');
  return args;
}

// The diagnostics of a compilation, as plain objects ({message, path, range, …}).
function diagnostics(compiler, error) {
  return error ? compiler.fetchDiagnostics(error) : [];
}

// Fails when the document names a font family that is not there.
function checkFonts(compiler, result) {
  const missing = diagnostics(compiler, result.takeWarnings())
    .filter((d) => /unknown font family/.test(String(d.message)));
  for (const d of missing) {
    const line = d.range ? `:${d.range.start.line + 1}` : '';
    process.stderr.write(`${d.path}${line}: error: ${d.message} (pass its file with --font-path)\n`);
  }
  if (missing.length) process.exit(1);
}

// "typst-ts-node-compiler 0.7.0 (Typst 0.14.2)": the package as installed,
// and the Typst it compiles with, as the document itself sees it.
function printVersion() {
  const pkg = createRequire(import.meta.url)(`${PACKAGE}/package.json`);
  const [typst] = NodeCompiler.create().query(
    { mainFileContent: '#metadata(str(sys.version)) <v>' }, { selector: '<v>', field: 'value' });
  process.stdout.write(`typst-ts-node-compiler ${pkg.version} (Typst ${typst})\n`);
}

function main() {
  if (process.argv[2] === '--version') return printVersion();
  const args = parseArgs(process.argv.slice(2));
  const [main, out] = args.files.map((f) => path.resolve(f));
  const compiler = NodeCompiler.create({
    workspace: '/',
    fontArgs: args.fontPaths.length ? [{ fontPaths: args.fontPaths }] : [],
  });
  const result = compiler.compile({ mainFilePath: main, inputs: args.inputs });
  if (result.hasError()) {
    result.printErrors();
    process.exit(1);
  }
  checkFonts(compiler, result);
  fs.writeFileSync(out, compiler.pdf(result.result));
}

main();
