'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');

// VS Code indents a new line inside `{` by the editor's tab size (4 by default, or a tab), and the server's formatting
// (emps fmt's canonical layout) re-indents every member to two spaces: without these defaults a new file was typed in
// one layout and reformatted into another on every format.
test('.emps files are indented with two spaces, as emps fmt lays them out', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  const defaults = manifest.contributes.configurationDefaults?.['[emps]'];
  assert.deepStrictEqual(defaults, { 'editor.tabSize': 2, 'editor.insertSpaces': true });

  // The shipped library is in emps fmt's layout (ShippedLibraryLayoutTests): its members are indented by that many spaces.
  const library = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'scenarios', 'brief-benchmark.emps'), 'utf8');
  const member = library.split('\n').find(line => /^\s+start \{/.test(line));
  assert.strictEqual(member.match(/^ */)[0].length, defaults['editor.tabSize']);
});
