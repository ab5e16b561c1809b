#!/usr/bin/env bash
# Editor tooling (issue 5): TextMate grammar tests, the .vsix package, and headless neovim
# against `emps lsp` (built by the CI build step in Release).
set -euo pipefail
(cd src/vscode-emps && npm test && npm run package)
ls -l src/vscode-emps/*.vsix
# The .vsix runs the esbuild bundle and carries no node_modules (docs/editor.md).
python3 - src/vscode-emps/vscode-emps-*.vsix <<'PY'
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
assert "extension/dist/extension.js" in names, "the .vsix has no dist/extension.js"
assert not any(n.startswith("extension/node_modules/") for n in names), "the .vsix carries node_modules"
print(f"{sys.argv[1]}: {len(names)} entries, bundled, no node_modules")
PY
EMPS_CMD="dotnet $(pwd)/src/ScenarioDsl.Cli/bin/Release/net10.0/emps.dll" tests/ScenarioDsl.LanguageServer.Tests/neovim/run.sh
