// The packaged extension runs dist/extension.js, one file made by `npm run bundle` (esbuild), with no
// node_modules in the .vsix: everything it needs except VS Code itself must be inside the bundle.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');
const { builtinModules } = require('module');

const root = path.join(__dirname, '..', '..');
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Builds the bundle as the package script does, into a folder of its own. */
function bundle() {
  const script = packageJson.scripts.bundle;
  assert.match(script, /^esbuild extension\.js /, 'the bundle script runs esbuild on extension.js');
  const args = script.split(/\s+/).slice(2);
  const options = { entryPoints: [path.join(root, 'extension.js')], bundle: false, external: [], write: true };
  for (const arg of args) {
    const [flag, value] = arg.replace(/^--/, '').split(/[=:]/);
    if (flag === 'bundle') options.bundle = true;
    else if (flag === 'platform') options.platform = value;
    else if (flag === 'format') options.format = value;
    else if (flag === 'target') options.target = value;
    else if (flag === 'external') options.external.push(value);
    else if (flag === 'minify') options.minify = true;
    else if (flag === 'keep-names') options.keepNames = true;
    else if (flag === 'outfile') options.outfile = value;
    else assert.fail(`the bundle script has an option this test does not know: ${arg}`);
  }
  assert.strictEqual(options.outfile, 'dist/extension.js');
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emps-bundle-'));
  options.outfile = path.join(outDir, 'extension.js');
  require('esbuild').buildSync({ ...options, logLevel: 'silent' });
  return options.outfile;
}

test('the package runs the bundle, built before packaging, and ships no node_modules', () => {
  assert.strictEqual(packageJson.main, './dist/extension.js');
  assert.strictEqual(packageJson.scripts['vscode:prepublish'], 'npm run bundle');
  const ignored = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split(/\r?\n/);
  assert.ok(ignored.includes('node_modules/**'), '.vscodeignore leaves node_modules out');
  assert.ok(!ignored.some(line => line.startsWith('dist')), '.vscodeignore keeps dist/');
});

test('the bundle requires nothing but vscode and node built-ins, and loads', () => {
  const file = bundle();
  const text = fs.readFileSync(file, 'utf8');
  const required = new Set([...text.matchAll(/\brequire\("([^"]+)"\)/g)].map(m => m[1]));
  const builtins = new Set(builtinModules.flatMap(m => [m, `node:${m}`]));
  const outside = [...required].filter(r => r !== 'vscode' && !builtins.has(r));
  assert.deepStrictEqual(outside, [], `modules left outside the bundle: ${outside.join(', ')}`);
  assert.ok(required.has('vscode'), 'vscode stays external');

  // Any property of the stand-in is a callable stand-in again: enough for the language client's module code.
  const anything = () => new Proxy(function () {}, {
    get: (_, key) => (key === Symbol.toPrimitive ? () => '' : anything()),
    apply: () => anything(),
    construct: () => anything(),
  });
  const originalLoad = Module._load;
  Module._load = function (request, parent, isMain) {
    if (request === 'vscode') return anything();
    return originalLoad.call(this, request, parent, isMain);
  };
  try {
    const extension = require(file);
    assert.strictEqual(typeof extension.activate, 'function');
    assert.strictEqual(typeof extension.deactivate, 'function');
  } finally {
    Module._load = originalLoad;
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});
