"""Neovim's built-in LSP client drives ``galint server``: Debian's ``neovim``, headless, opens
Montenegro's 2014 report, waits for the diagnostics, edits a section and waits for them to
follow, and writes what it saw for the test to read back."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
local report, out = os.getenv("GALINT_REPORT"), os.getenv("GALINT_OUT")
local function seen()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(found, {
      line = d.lnum, column = d.col, code = d.code or lsp.code,
      message = d.message, severity = d.severity, source = d.source,
    })
  end
  return found
end
local function any_message(text)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if string.find(d.message, text, 1, true) then return true end
  end
  return false
end
vim.cmd("edit " .. vim.fn.fnameescape(report))
local id = vim.lsp.start_client({
  name = "galint",
  cmd = { os.getenv("GALINT_PYTHON"), "-m", "galint", "server" },
  root_dir = vim.fn.fnamemodify(report, ":h"),
})
vim.lsp.buf_attach_client(0, id)
local opened = vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 20)
local on_open = seen()
-- The placeholder '/' of policy-target-2 > goal-2 typed over, without saving.
vim.api.nvim_buf_set_lines(0, 47, 48, false, { "    implementation: TBD" })
local edited = vim.wait(60000, function() return any_message("'TBD'") end, 20)
local file = io.open(out, "w")
file:write(vim.fn.json_encode({
  opened = opened, edited = edited, on_open = on_open, after_edit = seen(),
}))
file:close()
vim.lsp.stop_client(id)
vim.cmd("qa!")
"""


def test_neovim_shows_the_diagnostics_and_follows_an_edit(tmp_path: Path) -> None:
    nvim = shutil.which("nvim")
    if nvim is None:
        pytest.skip("neovim is not installed (Debian's 'neovim' package)")
    for name in ("2013.yaml", "2014.yaml"):
        shutil.copy(ROOT / "examples" / "montenegro" / name, tmp_path / name)
    script = tmp_path / "drive.lua"
    script.write_text(SCRIPT, encoding="utf-8")
    out = tmp_path / "seen.json"
    environment = {
        **os.environ,
        "GALINT_REPORT": str(tmp_path / "2014.yaml"),
        "GALINT_OUT": str(out),
        "GALINT_PYTHON": sys.executable,
        "HOME": str(tmp_path),  # no user configuration, no shada file of the user's
    }
    subprocess.run(
        [nvim, "--headless", "--clean", "-n", "-c", f"luafile {script}"],
        env=environment,
        cwd=tmp_path,
        timeout=180,
        check=True,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    seen = json.loads(out.read_text(encoding="utf-8"))
    assert seen["opened"] is True and seen["edited"] is True
    empty = [d for d in seen["on_open"] if d["code"] == "C003"]
    assert {
        "line": 47,
        "column": 20,
        "code": "C003",
        "message": "policy-target-2 > goal-2: section A) implementation holds only the "
        "placeholder '/'",
        "severity": 2,  # vim.diagnostic.severity.WARN
        "source": "galint",
    } in empty
    assert {d["code"] for d in seen["on_open"]} >= {"C003", "T001", "F001", "F002"}
    messages = [d["message"] for d in seen["after_edit"]]
    assert (
        "policy-target-2 > goal-2: section A) implementation holds only the placeholder 'TBD'"
        in messages
    )
    assert empty[0]["message"] not in messages
