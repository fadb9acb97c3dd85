"""Commands beyond evaluate/validate/schema, one module each (see cli.EXTRA_COMMANDS)."""
