"""Voice answers as a candidate meets them: a recording is read, refused with a clear code when unusable,
transcribed offline, and its delivery (pace, fillers, pauses, talk time) measured.

Speech is synthesised by espeak-ng at known rates (tests/support/speech.py). Decoding tests are `slow` (PocketSphinx
runs at roughly real time on a shared CPU); the recordings are kept to a few seconds each.
"""

from __future__ import annotations

import io
import json
import statistics
import struct
import wave
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.config import Settings
from assistant.voice.audio import MAX_AUDIO_SECONDS, AudioError, read_wav, speech_segments
from assistant.voice.delivery import count_fillers, measure
from tests.support.speech import (
    ANSWERS,
    CHECK,
    NATURAL_VOICE,
    content_recall,
    silence,
    spoken_wpm,
    synthesise,
    with_noise,
    word_error_rate,
    words,
    write_wav,
)

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
TEST_RATES = [100, 130]  # espeak-ng -s for the accuracy test


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("LLM_PROVIDER", "offline")
    monkeypatch.delenv("TRANSCRIPTION_BASE_URL", raising=False)
    return CliRunner()


def _error(result) -> dict[str, str]:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    return json.loads(result.stdout)["error"]


# --- reading and refusing recordings (fast) ------------------------------------------------------------------------


def test_any_pcm_wav_becomes_16k_mono_of_the_same_length(tmp_path: Path) -> None:
    rate, seconds = 44_100, 1.5
    t = np.arange(int(rate * seconds)) / rate
    tone = (0.5 * np.sin(2 * np.pi * 440 * t) * 32767).astype("<i2")
    stereo = np.stack([tone, tone], axis=1).reshape(-1)
    audio = read_wav(write_wav(tmp_path / "stereo.wav", stereo, rate, channels=2))
    assert audio.source_rate == rate and audio.source_channels == 2
    assert abs(audio.duration - seconds) < 0.01
    assert abs(float(np.sqrt(np.mean(audio.samples**2))) - 0.5 / np.sqrt(2)) < 0.02  # level kept
    # An 8 kHz 8-bit telephone recording is read too (upsampled).
    with wave.open(str(tmp_path / "phone.wav"), "wb") as w:
        w.setnchannels(1), w.setsampwidth(1), w.setframerate(8000)
        w.writeframes(bytes([128]) * 8000)
    assert abs(read_wav(tmp_path / "phone.wav").duration - 1.0) < 0.01


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty_file"),
        (b"%PDF-1.7 this is not a recording at all", "not_audio"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", "corrupt"),  # truncated header
        # IEEE-float WAV (format 3): the stdlib reader cannot decode it, and we say so instead of guessing.
        (b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x03\x00\x01\x00\x80>\x00\x00\x00\xfa\x00\x00\x04\x00"
         b"\x20\x00data\x00\x00\x00\x00", "unsupported_audio"),
    ],
)
def test_unusable_files_get_a_clear_code(tmp_path: Path, runner: CliRunner, content: bytes, code: str) -> None:
    path = tmp_path / "answer.wav"
    path.write_bytes(content)
    with pytest.raises(AudioError) as caught:
        read_wav(path)
    assert caught.value.code == code
    error = _error(runner.invoke(app, ["transcribe", str(path), "--json"]))
    assert error["code"] == code and "answer.wav" in error["message"]


def test_a_recording_over_ten_minutes_is_refused_before_it_is_decoded(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "rambling.wav"
    with wave.open(str(path), "wb") as w:  # 10:05 of 8 kHz 8-bit audio: a real file, 4.8 MB, made in milliseconds
        w.setnchannels(1), w.setsampwidth(1), w.setframerate(8000)
        w.writeframes(bytes([128]) * int(8000 * (MAX_AUDIO_SECONDS + 5)))
    error = _error(runner.invoke(app, ["transcribe", str(path), "--json"]))
    assert error["code"] == "too_long"
    assert "10:05" in error["message"] and "10:00" in error["message"]
    plain = runner.invoke(app, ["transcribe", str(path)])
    assert plain.exit_code == 2 and "Traceback" not in plain.output and "too_long" in plain.stderr


def test_a_header_that_overstates_the_length_is_judged_by_the_audio_it_holds(tmp_path: Path) -> None:
    """A recorder streaming to a pipe cannot seek back, so it writes 0xFFFFFFFF as the data size (ffmpeg to stdout
    does): 2 s of audio must not be refused as "2236:57 long"."""
    rate = 16_000
    t = np.arange(2 * rate) / rate
    tone = (0.3 * np.sin(2 * np.pi * 220 * t) * 32767).astype("<i2").tobytes()
    header = (b"RIFF" + struct.pack("<I", 0xFFFFFFFF) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, 1, rate,
              2 * rate, 2, 16) + b"data" + struct.pack("<I", 0xFFFFFFFF))
    path = tmp_path / "piped.wav"
    path.write_bytes(header + tone)
    audio = read_wav(path)
    assert abs(audio.duration - 2.0) < 0.01


def test_silence_and_steady_noise_are_no_speech(tmp_path: Path, runner: CliRunner) -> None:
    quiet = write_wav(tmp_path / "quiet.wav", silence(3.0))
    noise = np.random.default_rng(1).normal(0, 4000, 22050 * 3).astype(np.int16)
    static = write_wav(tmp_path / "static.wav", noise)
    for path in (quiet, static):
        assert _error(runner.invoke(app, ["transcribe", str(path), "--json"]))["code"] == "no_speech"


def test_score_audio_refuses_bad_audio_before_scoring(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "notes.wav"
    path.write_text("just some notes")
    error = _error(runner.invoke(app, ["score", "--question", "Tell me about a hire.", "--audio", str(path),
                                       "--json"]))
    assert error["code"] == "not_audio"


# --- delivery metrics (fast: no decoding) --------------------------------------------------------------------------


def test_fillers_are_counted_but_meaningful_uses_are_not() -> None:
    assert count_fillers("So um I think uh it was like moved, you know, and it sort of worked. Umm.") == {
        "um/uh": 3, "like": 1, "you know": 1, "sort of": 1,
    }
    assert count_fillers("I would like to hire people who look like they care. Do you know what sort of "
                         "model it was? It felt like a win.") == {}


def test_pauses_talk_time_and_pace_come_from_the_audio() -> None:
    speech = synthesise(ANSWERS[0], 150)
    gap = 3.0
    samples = np.concatenate([silence(1.0), speech, silence(gap), speech, silence(0.5)])
    from assistant.voice.audio import Audio, resample

    audio = Audio(resample(samples.astype(np.float32) / 32768, 22050), 22050, 1)
    segments = speech_segments(audio)
    metrics = measure(audio, segments, ANSWERS[0] + " " + ANSWERS[0])
    assert len(metrics.long_pauses) == 1
    assert abs(metrics.long_pauses[0].length_s - gap) < 0.4
    assert abs(metrics.talk_s - (2 * len(speech) / 22050 + gap)) < 0.5  # leading/trailing silence not counted
    words = 2 * len(ANSWERS[0].split())
    assert metrics.words == words
    assert any(n.startswith("1 long pause (") for n in metrics.notes), "one pause is counted as one, not pause(s)"
    assert any("short against" in n for n in metrics.notes)


def _audio(samples: np.ndarray, rate: int = 22050):  # type: ignore[no-untyped-def]
    from assistant.voice.audio import Audio, resample

    return Audio(resample(samples.astype(np.float32) / 32768, rate), rate, 1)


@pytest.mark.parametrize("rate", [130, 190])
def test_syllables_are_counted_in_the_sound_itself(rate: int) -> None:
    from assistant.voice.syllables import syllable_nuclei, word_syllables

    text = ANSWERS[2]
    audio = _audio(np.concatenate([silence(0.5), synthesise(text, rate), silence(0.5)]))
    spoken = sum(word_syllables(w) for w in words(text))  # the pronouncing dictionary's count
    heard = len(syllable_nuclei(audio, speech_segments(audio)))
    assert abs(heard - spoken) / spoken <= 0.15, (heard, spoken)


def test_hiss_and_clicks_are_not_syllables() -> None:
    from assistant.voice.syllables import syllable_nuclei

    rng = np.random.default_rng(3)
    bursts = [np.concatenate([rng.normal(0, 6000, 4000), np.zeros(4000)]) for _ in range(8)]  # "s s s s"
    audio = _audio(np.concatenate([silence(0.3), *bursts, silence(0.3)]).astype(np.int16))
    assert syllable_nuclei(audio, speech_segments(audio)) == []


def test_pace_holds_when_the_transcript_loses_words() -> None:
    text = ANSWERS[0]
    audio = _audio(np.concatenate([silence(0.5), synthesise(text, 160), silence(0.5)]))
    segments = speech_segments(audio)
    full = measure(audio, segments, text)
    lossy = measure(audio, segments, " ".join(words(text)[::2]))  # a recogniser that heard every other word
    assert lossy.wpm_transcript < 0.6 * full.wpm_transcript  # the word count halves...
    assert abs(lossy.wpm - full.wpm) / full.wpm < 0.15, (lossy, full)  # ...the pace from syllables does not
    assert abs(full.wpm - 160) / 160 <= 0.20 and full.syllables > 0


# --- transcription (slow: real PocketSphinx decoding) --------------------------------------------------------------


def _synth_file(tmp_path: Path, name: str, text: str, rate: int) -> Path:
    return write_wav(tmp_path / name, synthesise(text, rate))


@pytest.mark.slow
@pytest.mark.parametrize("rate", TEST_RATES)
def test_transcribe_recovers_most_content_words_and_the_spoken_pace(tmp_path: Path, runner: CliRunner,
                                                                     rate: int) -> None:
    # Held-out CHECK sentences (never used to choose settings), each one spoken answer; half of them at each rate,
    # so together the two rates cover every CHECK sentence once. espeak-ng's MBROLA voice speaks -s 100 at about
    # 145 words a minute and -s 130 at about 190 (a calm and a fast candidate).
    from assistant.voice.syllables import word_syllables

    answers = CHECK[TEST_RATES.index(rate) :: len(TEST_RATES)]
    recalls, paces, corrected_paces = [], [], []
    ARTIFACTS.mkdir(exist_ok=True)
    for i, text in enumerate(answers):
        speech = synthesise(text, rate, voice=NATURAL_VOICE)
        path = write_wav(tmp_path / f"answer-{i}.wav", np.concatenate([silence(0.5), speech, silence(0.5)]))
        result = runner.invoke(app, ["transcribe", str(path), "--json"])
        assert result.exit_code == 0, result.output
        out = json.loads(result.stdout)
        assert out["engine"].startswith("PocketSphinx")
        wer, recall = word_error_rate(text, out["text"]), content_recall(text, out["text"])
        delivery, truth = out["delivery"], spoken_wpm(text, speech)
        pace_error = abs(delivery["wpm"] - truth) / truth
        recalls.append(recall)
        paces.append(pace_error)
        with (ARTIFACTS / "voice-accuracy.txt").open("a") as log:  # the figures, for the record
            log.write(f"{NATURAL_VOICE} -s {rate}: WER {wer:.2f}, content words {recall:.0%}, pace "
                      f"{delivery['wpm']:.0f} wpm vs {truth:.0f} spoken; transcript: {out['text']}\n")
        # Pace from the syllables heard, on the raw recogniser output, is within 20% of the pace the synthesiser
        # actually spoke (its words over its own talk time, measured on its clean output, not by the app).
        # espeak-ng's -s is only "approximate words per minute": this voice speaks 35-65% faster than asked
        # (docs/benchmarks.md), so -s itself is no ground truth for a 20% bound.
        assert pace_error <= 0.20, (text, delivery, truth)
        # The syllables counted in the sound are the answer's (the pronouncing dictionary's count of its words),
        # not a count of noise bursts or of words.
        said = sum(word_syllables(w) for w in words(text))
        assert abs(delivery["syllables"] - said) / said <= 0.20, (delivery, said)
        # The candidate's corrected transcript keeps it there (closer still on average, below).
        audio = read_wav(path)
        corrected = measure(audio, speech_segments(audio), text)
        assert abs(corrected.wpm - truth) / truth <= 0.20, (text, corrected, truth)
        corrected_paces.append(abs(corrected.wpm - truth) / truth)
    # The "most content words", over several answers: a broken pipeline (wrong sample rate, no
    # anti-aliasing, features off) recovers almost nothing, and no single answer is lost.
    assert statistics.mean(recalls) >= 0.6, recalls
    assert min(recalls) >= 0.35, recalls
    assert statistics.mean(paces) <= 0.10, paces
    assert statistics.mean(corrected_paces) <= 0.10, corrected_paces


@pytest.mark.slow
def test_fillers_spoken_in_an_answer_are_heard_and_counted(tmp_path: Path) -> None:
    from assistant.voice.answer import analyse

    text = "Well, you know, I think, you know, the team sort of owned the roadmap and, you know, we shipped."
    voice = analyse(_synth_file(tmp_path, "fillers.wav", text, 150), Settings(_env_file=None))  # type: ignore[call-arg]
    assert voice.delivery.fillers.get("you know", 0) >= 2, voice.transcript.text
    assert voice.delivery.filler_count >= 2


@pytest.mark.slow
def test_speech_in_moderate_noise_is_still_transcribed(tmp_path: Path) -> None:
    from assistant.voice.answer import analyse

    text = ANSWERS[2]
    noisy = with_noise(np.concatenate([silence(0.5), synthesise(text, 150), silence(0.5)]), snr_db=20)
    voice = analyse(write_wav(tmp_path / "noisy.wav", noisy), Settings(_env_file=None))  # type: ignore[call-arg]
    recall = content_recall(text, voice.transcript.text)
    ARTIFACTS.mkdir(exist_ok=True)
    with (ARTIFACTS / "voice-accuracy.txt").open("a") as log:
        log.write(f"20 dB SNR noise: WER {word_error_rate(text, voice.transcript.text):.2f}, content words "
                  f"{recall:.0%}\n")
    assert recall >= 0.3, voice.transcript.text
    assert abs(voice.delivery.talk_s - len(synthesise(text, 150)) / 22050) < 1.0  # noise is not talk time


# --- a configured transcription server (real HTTP on loopback) ------------------------------------------------------


class _TranscriptionServer:
    """A minimal OpenAI-compatible `/v1/audio/transcriptions` endpoint that records what it was sent."""

    def __init__(self, reply: str | None, status: int = 200) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        outer = self
        self.requests: list[tuple[str, bytes]] = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                outer.requests.append((self.path, body))
                payload = json.dumps({"text": reply} if status == 200 else {"error": {"message": "boom"}}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_a_configured_server_transcribes_and_is_named(tmp_path: Path, runner: CliRunner,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    server = _TranscriptionServer("I hired six engineers and, um, cut costs by forty percent.")
    try:
        monkeypatch.setenv("TRANSCRIPTION_BASE_URL", server.url)
        monkeypatch.setenv("TRANSCRIPTION_MODEL", "whisper-large-v3")
        path = _synth_file(tmp_path, "answer.wav", ANSWERS[0], 150)
        result = runner.invoke(app, ["transcribe", str(path), "--json"])
        plain = runner.invoke(app, ["transcribe", str(path)])  # the human-readable form: engine, words, coaching
    finally:
        server.close()
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["engine"] == f"whisper-large-v3 at {server.url}"
    assert out["text"].startswith("I hired six engineers")
    assert out["delivery"]["fillers"] == {"um/uh": 1}
    assert plain.exit_code == 0 and "Engine: whisper-large-v3" in plain.stderr
    assert "words/min" in plain.stdout and "Fillers: um/uh x1" in plain.stdout
    (route, body), *_ = server.requests
    assert route == "/v1/audio/transcriptions" and b"whisper-large-v3" in body
    wav_at = body.index(b"RIFF")
    with wave.open(io.BytesIO(body[wav_at:])) as sent:  # what the server got: 16 kHz mono PCM
        assert (sent.getframerate(), sent.getnchannels(), sent.getsampwidth()) == (16000, 1, 2)


@pytest.mark.slow
def test_a_failing_server_falls_back_to_offline_and_says_so(tmp_path: Path, runner: CliRunner,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    server = _TranscriptionServer(None, status=500)
    try:
        monkeypatch.setenv("TRANSCRIPTION_BASE_URL", server.url)
        path = _synth_file(tmp_path, "answer.wav", ANSWERS[0], 150)
        result = runner.invoke(app, ["transcribe", str(path), "--json"])
    finally:
        server.close()
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["engine"].startswith("PocketSphinx")
    assert "failed (InternalServerError, HTTP 500)" in out["note"] and out["text"]


# --- stored with the turn ------------------------------------------------------------------------------------------


def test_delivery_is_stored_beside_the_turn_and_deleted_with_the_data(settings: Settings) -> None:
    from assistant.interview.session import InterviewSession, Plan, PlannedQuestion, Turn
    from assistant.interview.store import InterviewRepository, new_session_id
    from assistant.storage import Database, StorageError, delete_all_user_data

    database = Database(settings.resolved_database_url)
    db = InterviewRepository(database)
    plan = Plan(focus="mixed", seed=1, questions=[PlannedQuestion(text="Tell me about a hire.",
                                                                  competency="hiring", question_id="q1")])
    spoken, typed = (db.create_session(InterviewSession(id=new_session_id(), role="ml-director", focus="mixed",
                                                        length=1, plan=plan)) for _ in range(2))
    for s in (spoken, typed):
        db.save_turn(s.id, Turn(index=0, question_index=0, question="Tell me about a hire.", competency="hiring"))
        db.record_answer(s.id, 0, "I hired six engineers.")
    db.record_delivery(spoken.id, 0, {"wpm": 150.0, "fillers_per_min": 2.0}, audio=b"RIFF-kept-by-choice")
    with pytest.raises(StorageError):
        db.record_delivery(spoken.id, 5, {"wpm": 1.0})  # no such turn: refused, never an orphan row

    assert db.deliveries(spoken.id) == {0: {"wpm": 150.0, "fillers_per_min": 2.0}}
    assert db.deliveries(typed.id) == {}  # a typed answer has no delivery
    assert db.delivery_audio(spoken.id, 0) == b"RIFF-kept-by-choice"
    (point,) = db.delivery_history()
    assert point["session_id"] == spoken.id and point["wpm"] == 150.0

    db.record_delivery(spoken.id, 0, {"wpm": 140.0, "fillers_per_min": 1.0})  # re-recorded without opting in
    assert db.delivery_audio(spoken.id, 0) is None

    delete_all_user_data(database, "local")
    assert db.delivery_history() == []
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM turn_delivery").scalar() == 0


def test_score_audio_scores_the_transcript_like_a_typed_answer(tmp_path: Path, runner: CliRunner,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    spoken = ("Last year I hired six engineers for the platform team and, um, cut the cost of experiments by "
              "forty percent in two quarters by moving training to one shared cluster that I owned.")
    server = _TranscriptionServer(spoken)
    try:
        monkeypatch.setenv("TRANSCRIPTION_BASE_URL", server.url)
        path = _synth_file(tmp_path, "answer.wav", ANSWERS[0], 150)
        result = runner.invoke(app, ["score", "--question", "Tell me about a time you grew a team.",
                                     "--audio", str(path), "--json"])
        typed = runner.invoke(app, ["score", "--question", "Tell me about a time you grew a team.",
                                    "--answer", spoken, "--json"])
    finally:
        server.close()
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["voice"]["text"] == spoken and out["voice"]["delivery"]["filler_count"] == 1
    assert out["evaluation"] == json.loads(typed.stdout)  # the same score as the words typed


# --- the role's vocabulary model (fast: no decoding) ---------------------------------------------------------------


def _lattice(paths: dict[str, float]) -> str:
    """An HTK lattice with one chain of nodes per word sequence, each word with the given acoustic score."""
    lines = ["VERSION=1.0", "start=0", "end=1", "I=0\tt=0.00\tW=!SENT_START", "I=1\tt=9.00\tW=!SENT_END"]
    links, node = [], 2
    for sequence, acoustic in paths.items():
        previous = 0
        for k, word in enumerate(sequence.split()):
            lines.append(f"I={node}\tt={0.5 + k * 0.5 + node * 0.001:.3f}\tW={word}")
            links.append((previous, node, acoustic))
            previous, node = node, node + 1
        links.append((previous, 1, 0.0))
    lines += [f"J={j}\tS={s}\tE={e}\ta={a}" for j, (s, e, a) in enumerate(links)]
    return "\n".join(lines) + "\n"


def test_the_role_model_tips_an_acoustic_tie_toward_the_interview_vocabulary() -> None:
    from assistant.voice.domain import Interpolated, best_path, build_arpa, load_arpa

    general = load_arpa(build_arpa([["we", "cut", "the", "cost"], ["the", "canary", "bird", "sang"],
                                    ["a", "camera", "and", "a", "release"], ["we", "shipped", "a", "camera"]],
                                   lambda w: True))
    role = load_arpa(build_arpa([["every", "release", "has", "a", "canary"], ["a", "canary", "release"]],
                                lambda w: w != "has"))
    lattice = _lattice({"a camera release": -10.0, "a canary release": -10.5})  # acoustics slightly prefer camera
    plain = best_path(lattice, Interpolated(general, role, weight=0.0))
    biased = best_path(lattice, Interpolated(general, role, weight=0.8))
    assert plain is not None and biased is not None
    assert [w.text for w in plain] == ["a", "camera", "release"]
    assert [w.text for w in biased] == ["a", "canary", "release"]
    assert biased[0].start < biased[1].start < biased[2].start  # timings kept from the lattice
    assert role.prob(["has"]) < -(2**28) < role.prob(["canary"])  # a word the dictionary cannot say is left out


def test_no_test_sentence_is_in_the_role_knowledge() -> None:
    from assistant.voice.domain import role_sentences

    knowledge = " " + " ".join(" ".join(s) for s in role_sentences(ARTIFACTS.parent / "knowledge" / "ml-director")) + " "
    for text in ANSWERS:
        tokens = words(text)
        five_grams = {" ".join(tokens[i : i + 5]) for i in range(len(tokens) - 4)}
        assert not [g for g in five_grams if f" {g} " in knowledge], text
