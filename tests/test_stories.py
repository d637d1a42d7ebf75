"""The story bank: strong answers become stories whose every field quotes the answer, and stories feed the resume."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.config import Settings
from assistant.knowledge.embeddings import get_embedder
from assistant.knowledge.loader import load_role
from assistant.llm.fakes import FakeChatModel
from assistant.prompting import PromptLibrary
from assistant.storage import Database, delete_all_user_data
from assistant.stories.bank import StoryBank
from assistant.stories.bullets import propose_bullets, with_story_bullets
from assistant.stories.extract import offline_fields
from assistant.stories.models import STORY_FIELDS
from assistant.text.quantities import numbers_in

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
ANSWERS = DATA / "answers_director_mixed.txt"
PLATFORM_ANSWER = (
    "At Acme I led a 40-person ML platform org. I decided to consolidate three feature stores into one after "
    "measuring 30% duplicated pipelines; I set the roadmap, hired two staff engineers and negotiated the budget "
    "with the CTO. As a result deployment time fell from 3 weeks to 2 days and infra cost dropped 22% in two "
    "quarters. Looking back, I should have brought finance in a quarter earlier."
)
PLATFORM_QUESTION = "Tell me about an ML platform you built and how you measured its impact."


def _json(output: str) -> dict:
    return json.loads(output[output.index("{"):])


def _assert_quotes(story: dict) -> None:
    for name in STORY_FIELDS:
        quote = story[name]
        if quote is not None:
            assert story["answer"][quote["start"]:quote["end"]] == quote["text"], name
            assert quote["text"] in story["answer"]


@pytest.fixture(scope="module")
def shared_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("stories-data")


@pytest.fixture
def runner(shared_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("DATA_DIR", str(shared_data_dir))
    monkeypatch.setenv("LLM_PROVIDER", "offline")
    return CliRunner()


@pytest.fixture
def bank(settings: Settings) -> StoryBank:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return StoryBank(Database.from_settings(settings), load_role(settings.role_dir), get_embedder(settings))


def test_offline_fields_are_verbatim_spans_of_every_answer() -> None:
    for answer in [PLATFORM_ANSWER, *ANSWERS.read_text().split("\n---\n")]:
        for name, quote in offline_fields(answer).items():
            assert answer[quote.start:quote.end] == quote.text, (name, answer[:40])
    fields = offline_fields(PLATFORM_ANSWER)
    assert fields["situation"].text == "At Acme I led a 40-person ML platform org."
    assert fields["action"].text.startswith("I decided to consolidate")
    assert "22%" in fields["result"].text
    assert fields["reflection"].text.startswith("Looking back")


def test_unattended_interview_with_strong_answers_creates_stories(runner: CliRunner) -> None:
    result = runner.invoke(app, ["interview", "--answers", str(ANSWERS), "--json", "--seed", "21"])
    assert result.exit_code == 0, result.output
    payload = _json(result.stdout)
    strong = [t for t in payload["transcript"] if t["evaluation"]["score"] >= 4]
    assert strong, "the fixture answers should contain at least one 4+ answer"
    created = payload["stories_created"]
    assert {(s["session_id"], s["turn_index"]) for s in created} == {
        (payload["session_id"], t["index"]) for t in strong}
    for story in created:
        assert story["source"] == "interview" and story["score"] >= 4
        assert story["action"] is not None and story["result"] is not None
        _assert_quotes(story)

    listed = _json(runner.invoke(app, ["stories", "list", "--json"]).stdout)
    assert {s["id"] for s in created} <= {s["id"] for s in listed["stories"]}
    assert listed["created"] == []  # harvesting is idempotent


def test_stories_add_saves_any_answer_with_quoted_fields_and_bullets_use_only_its_numbers(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["stories", "add", "--question", PLATFORM_QUESTION, "--answer", PLATFORM_ANSWER,
                                 "--json"])
    assert result.exit_code == 0, result.output
    story = _json(result.stdout)["story"]
    _assert_quotes(story)
    assert story["source"] == "manual" and "ml_platform" in story["competencies"]

    result = runner.invoke(app, ["stories", "bullets", story["id"][:8], "--json"])
    assert result.exit_code == 0, result.output
    bullets = _json(result.stdout)["bullets"]
    assert bullets
    story_numbers = set(numbers_in(PLATFORM_ANSWER))
    first = bullets[0]
    assert numbers_in(first["text"]), "the lead bullet carries the story's measured result"
    for bullet in bullets:
        assert bullet["findings"] == []
        assert set(numbers_in(bullet["text"])) <= story_numbers
        assert bullet["provenance"] and all(q["text"] in PLATFORM_ANSWER for q in bullet["provenance"])

    accepted = runner.invoke(app, ["stories", "bullets", story["id"], "--accept", first["id"][:8], "--json"])
    assert accepted.exit_code == 0, accepted.output
    assert [b["accepted"] for b in _json(accepted.stdout)["bullets"] if b["id"] == first["id"]] == [True]

    from tests.support.tailor_fixtures import DIRECTOR

    resume_file = tmp_path / "resume.txt"
    resume_file.write_text(DIRECTOR)
    tailored = runner.invoke(app, ["tailor", str(resume_file), "--out", str(tmp_path / "out.md"), "--stories",
                                   "--json"])
    assert tailored.exit_code == 0, tailored.output
    assert first["text"] in (tmp_path / "out.md").read_text()

    coverage = _json(runner.invoke(app, ["stories", "coverage", "--json"]).stdout)
    platform_row = next(r for r in coverage["coverage"] if r["competency"] == "ml_platform")
    assert story["id"] in platform_row["stories"]


def test_bad_input_is_a_clear_error_and_saves_nothing(runner: CliRunner) -> None:
    before = _json(runner.invoke(app, ["stories", "list", "--json"]).stdout)["stories"]
    result = runner.invoke(app, ["stories", "add", "--question", "Q?", "--answer", "   ", "--json"])
    assert result.exit_code == 2
    assert _json(result.stdout)["error"]["code"] == "invalid_input"
    missing = runner.invoke(app, ["stories", "show", "no-such-story", "--json"])
    assert missing.exit_code == 2 and _json(missing.stdout)["error"]["code"] == "not_found"
    assert len(_json(runner.invoke(app, ["stories", "list", "--json"]).stdout)["stories"]) == len(before)


def test_edits_must_stay_quotes_of_the_answer(bank: StoryBank) -> None:
    story = bank.add_answer(PLATFORM_QUESTION, PLATFORM_ANSWER)
    from assistant.errors import InputError

    with pytest.raises(InputError, match="result must be a quote"):
        bank.edit(story.id, fields={"result": "infra cost dropped 45%"})
    assert bank.get(story.id).result == story.result
    edited = bank.edit(story.id, title="Feature-store consolidation",
                       fields={"result": "infra cost dropped 22% in two quarters", "task": ""})
    assert edited.title == "Feature-store consolidation"
    assert edited.result is not None and edited.result.text == "infra cost dropped 22% in two quarters"
    assert edited.verify() == []


def test_a_bullet_leads_with_what_changed_and_keeps_the_results_subject(bank: StoryBank) -> None:
    """A turnaround story's first bullet led with two weeks of one-on-ones (its "two" counted as a figure) and
    ended "; all three projects, pages dropped ...": "Within two quarters the team shipped" was cut as a lead-in."""
    answer = ("When I joined Globex as Director of ML, the ranking team had missed three quarterly goals. I spent my "
              "first two weeks in one-on-ones and found the team was paged for every upstream data failure. I agreed "
              "with the data platform lead that their team would own pipeline alerts, and I cut the team's roadmap "
              "from nine projects to three. Within two quarters the team shipped all three projects, pages dropped "
              "from 40 a month to 6, and nobody left that year.")
    story = bank.add_answer("Tell me about a time you turned around an underperforming team.", answer)
    first = propose_bullets(story, bank.knowledge)[0].text
    assert first.startswith("Cut the team's roadmap from nine projects to three")
    assert "; the team shipped all three projects, pages dropped from 40 a month to 6" in first


def test_the_coach_points_to_the_story_that_fits_a_question(bank: StoryBank) -> None:
    story = bank.add_answer(PLATFORM_QUESTION, PLATFORM_ANSWER)
    hint = bank.hint("Describe an ML platform you built and how you knew it was working.", "ml_platform")
    assert hint is not None and hint.story_id == story.id and story.title in hint.message
    assert bank.hint("What is your favourite holiday destination and why?") is None


def test_llm_extraction_keeps_only_quotes_and_llm_bullets_are_checked_by_the_guard(settings: Settings) -> None:
    from assistant.llm.client import LLMClient
    from assistant.llm.usage import UsageMeter

    model = FakeChatModel()
    model.enqueue({"title": "Feature-store consolidation",
                   "situation": "at acme i led a 40-person   ML platform org",  # case/space differences: still a quote
                   "task": "I was asked to save money",  # not in the answer: replaced by the offline field
                   "action": PLATFORM_ANSWER.split(". ")[1], "result": "Costs fell by half.",
                   "reflection": "", "competencies": ["ml_platform", "stakeholders_roadmap", "not_a_competency"]})
    model.enqueue({"bullets": [
        {"text": "Consolidated three feature stores into one, cutting infra cost 22% in two quarters.",
         "fields": ["action", "result"]},
        {"text": "Cut infra cost 45% across 12 teams at Google.", "fields": ["result"]},
    ]})
    prompts = PromptLibrary(REPO / "prompts", REPO / "prompts")
    llm = LLMClient(model, UsageMeter(1_000_000), max_retries=0, prompts=prompts)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    bank = StoryBank(Database.from_settings(settings), load_role(settings.role_dir), get_embedder(settings),
                     llm=llm)
    story = bank.add_answer(PLATFORM_QUESTION, PLATFORM_ANSWER, competency="ml_platform")
    assert story.engine == "llm" and story.title == "Feature-store consolidation"
    assert story.situation is not None and story.situation.text == "At Acme I led a 40-person ML platform org"
    assert story.task is None  # the offline extraction finds no task either
    assert story.result is not None and "22%" in story.result.text  # the paraphrase was replaced
    assert story.competencies[:2] == ["ml_platform", "stakeholders_roadmap"]
    assert story.verify() == []

    bullets = propose_bullets(story, bank.knowledge, llm=llm)
    faithful, invented = bullets
    assert faithful.findings == []
    kinds = {f.kind for f in invented.findings}
    assert {"percentage", "organisation"} <= kinds and invented.accepted is False
    saved = bank.repo.replace_bullets(story.id, bullets)
    from assistant.storage import StorageError

    flagged = next(b for b in saved if b.findings)
    with pytest.raises(StorageError, match="does not"):
        bank.repo.set_accepted(flagged.id)


@pytest.mark.parametrize("suffix", [".md", ".docx"])
def test_accepted_bullets_flow_into_tailoring_and_export(bank: StoryBank, tmp_path: Path, suffix: str) -> None:
    from assistant.resume.export import export, exported_text, round_trip_problems
    from assistant.resume.tailor import tailor_resume
    from tests.support.tailor_fixtures import DIRECTOR, resume_from_text

    director_resume = resume_from_text(DIRECTOR)

    story = bank.add_answer(PLATFORM_QUESTION, PLATFORM_ANSWER)
    bullets = bank.repo.replace_bullets(story.id, propose_bullets(story, bank.knowledge))
    accepted = bank.repo.set_accepted(bullets[0].id)
    merged = with_story_bullets(director_resume, bank.repo.bullets(accepted=True))
    tailored = tailor_resume(merged, bank.knowledge)
    assert not [f for c in tailored.changes for f in c.findings if accepted.text in c.after]
    out = export(tailored.resume, tmp_path / f"resume{suffix}")
    assert accepted.text in exported_text(out)
    assert round_trip_problems(tailored.resume, out) == []


def test_delete_my_data_removes_stories(bank: StoryBank) -> None:
    bank.add_answer(PLATFORM_QUESTION, PLATFORM_ANSWER)
    report = delete_all_user_data(bank.repo.db, "local")
    assert report.other.get("stories") == 1
    assert bank.list_stories() == []


def test_a_too_long_story_answer_is_refused_naming_the_limit_and_its_setting(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAX_ANSWER_CHARS", "500")
    before = _json(runner.invoke(app, ["stories", "list", "--json"]).stdout)["stories"]
    answer = "I led the platform team and measured every outcome. " * 12  # 624 characters
    result = runner.invoke(app, ["stories", "add", "--question", "Tell me about a platform.", "--answer", answer,
                                 "--json"])
    assert result.exit_code == 2
    error = _json(result.stdout)["error"]
    assert error["code"] == "too_large"
    assert "624 characters long; the limit is 500 characters" in error["message"]
    assert "MAX_ANSWER_CHARS" in error["message"] and "Shorten it by 124 characters" in error["message"]
    assert len(_json(runner.invoke(app, ["stories", "list", "--json"]).stdout)["stories"]) == len(before)
