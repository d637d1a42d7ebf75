"""Spoken answers: read a WAV, transcribe it (offline PocketSphinx or a configured server), coach its delivery."""
