-- Headless neovim (0.7+) as a real LSP client of `emps lsp`: opens a broken file, waits for
-- diagnostics, asks for completion after `on` and for the definition of a space in another file.
-- Environment: EMPS_CMD (the command, words separated by spaces), EMPS_ROOT (workspace), EMPS_OUT (result file).
local out = {}
local function log(line) table.insert(out, line) end
local function finish(code)
  vim.fn.writefile(out, vim.env.EMPS_OUT)
  if code == 0 then vim.cmd('qall!') else vim.cmd('cquit ' .. code) end
end

local ok, err = pcall(function()
  local root = vim.env.EMPS_ROOT
  local cmd = vim.split(vim.env.EMPS_CMD, ' ', { trimempty = true })
  table.insert(cmd, 'lsp')

  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/broken.emps'))
  vim.bo.filetype = 'emps'
  local id = vim.lsp.start_client({ name = 'emps', cmd = cmd, root_dir = root })
  if not id then log('error: could not start the client'); return finish(3) end
  vim.lsp.buf_attach_client(0, id)

  local got = vim.wait(60000, function() return #vim.diagnostic.get(0) >= 2 end, 100)
  if not got then log('error: no diagnostics within 60 s') end
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '?'
    log(string.format('diagnostic %d:%d %s %s', d.lnum, d.col, code, (d.message:gsub('\n', ' '))))
  end

  local uri = vim.uri_from_bufnr(0)
  local completion = vim.lsp.buf_request_sync(0, 'textDocument/completion',
    { textDocument = { uri = uri }, position = { line = 3, character = 5 } }, 20000)
  for _, response in pairs(completion or {}) do
    local items = response.result and (response.result.items or response.result) or {}
    for _, item in ipairs(items) do log('completion ' .. item.label) end
  end

  local definition = vim.lsp.buf_request_sync(0, 'textDocument/definition',
    { textDocument = { uri = uri }, position = { line = 0, character = 20 } }, 20000)
  for _, response in pairs(definition or {}) do
    for _, location in ipairs(response.result or {}) do
      log(string.format('definition %s %d:%d', vim.fn.fnamemodify(vim.uri_to_fname(location.uri), ':t'),
        location.range.start.line, location.range.start.character))
    end
  end

  vim.lsp.stop_client(id)
  finish(0)
end)
if not ok then log('error: ' .. tostring(err)); finish(4) end
