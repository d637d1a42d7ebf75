"""The mock interview: planner, turn loop, scoring, history window and report.

Import the pieces from their modules (`assistant.interview.engine`, `.planner`, `.report`, `.session`); this
package stays import-light so the database layer can use the typed models without loading the engine.
"""
