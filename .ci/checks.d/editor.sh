#!/usr/bin/env bash
# Editor tooling (issue 5): TextMate grammar tests, the .vsix package, and headless neovim
# against `emps lsp` (built by the CI build step in Release).
set -euo pipefail
(cd src/vscode-emps && npm test && npm run package)
ls -l src/vscode-emps/*.vsix
EMPS_CMD="dotnet $(pwd)/src/ScenarioDsl.Cli/bin/Release/net10.0/emps.dll" tests/ScenarioDsl.LanguageServer.Tests/neovim/run.sh
