"""Views of a :class:`~perfscore.engine.Result`: one module per output format.

Each is a pure function of the result (plus options); none computes a score.
"""
