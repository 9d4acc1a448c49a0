"""Generated files stay in step with what they are made from."""

from __future__ import annotations

from galint.form.generate import outputs


def test_generated_files_are_up_to_date() -> None:
    stale = [
        str(path)
        for path, text in outputs().items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    assert stale == [], "run: python -m galint.form.generate"
