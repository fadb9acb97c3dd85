"""One module per command; each exposes its typer callback under the command's name.

A command module parses nothing itself that the core can do: it turns options
into calls of the core (which returns frozen data), hands the data to a
renderer in :mod:`perfscore.render`, and returns the exit code. Errors are
raised as :class:`~perfscore.errors.PerfscoreError` and translated once, in
:mod:`perfscore.cli`. Heavy imports (rich, jsonschema, the renderers) happen
inside the callbacks, so that listing the commands stays cheap.
"""

# (module, command name): the order of perfscore --help.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("evaluate", "evaluate"),
    ("validate", "validate"),
    ("schema", "schema"),
    ("report", "report"),
    ("summary", "summary"),
    ("check", "check"),
    ("import_sheets", "import"),
    ("survey", "survey"),
    ("templates", "templates"),
    ("templates", "init"),
)
