"""Questionnaires: answer sheets (:mod:`.sheet`) and their distributions (:mod:`.report`).

The ``survey`` rule (:mod:`perfscore.rules.survey`) scores a leaf from the
counts; ``perfscore survey`` shows a whole sheet.
"""
