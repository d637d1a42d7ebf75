"""The interview aggregate's persistence: a session, its turns, and the delivery of its spoken answers.

The tables are storage's (`assistant.storage.schema`); this repository maps their rows to the interview's own
models (`InterviewSession`, `Turn`, `Evaluation`), so storage never imports the feature and the feature never
writes SQL elsewhere. Every write commits at once (`Database.run`): the engine stores an answer before it is
evaluated, so a crash or an LLM failure in between loses nothing.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assistant.interview.models import Evaluation
from assistant.interview.session import InterviewSession, Plan, Turn, utcnow
from assistant.storage import LOCAL_USER_ID, Database, StorageError
from assistant.storage.database import as_utc
from assistant.storage.schema import SessionRow, TurnDeliveryRow, TurnRow


class SessionMissing(StorageError):
    """The interview session does not exist (any more) for this user: deleted in another window, or never theirs.

    A session of another user is reported exactly like a deleted one, so its existence is never revealed."""

    code = "not_found"

    def __init__(self, session_id: str) -> None:
        super().__init__(
            "This interview no longer exists: it was deleted (perhaps with \"Delete my data\" in another window). "
            "Nothing more can be saved to it; start a new interview."
        )
        self.session_id = session_id


class SessionSummary(BaseModel):
    """One row of the history list: enough to show progress without loading every turn."""

    id: str
    role: str
    focus: str
    mode: str
    engine: str
    length: int
    status: str
    answered: int
    overall: float | None
    totals: dict[str, Any] = Field(default_factory=dict)
    created_at: datetime
    updated_at: datetime


class CompetencyPoint(BaseModel):
    """Mean score on one competency in one session: a point of the progress chart."""

    session_id: str
    created_at: datetime
    competency: str
    score: float
    answers: int


def new_session_id() -> str:
    return str(uuid.uuid4())


class InterviewRepository:
    """Sessions, turns and spoken-answer delivery. Reads that take a `user_id` see that user's rows only."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- writing a session --

    def create_session(self, session: InterviewSession) -> InterviewSession:
        def work(db: Session) -> None:
            db.add(
                SessionRow(
                    id=session.id,
                    user_id=session.user_id,
                    role=session.role,
                    focus=session.focus,
                    length=session.length,
                    mode=session.mode,
                    engine=session.engine,
                    plan=session.plan.model_dump(mode="json"),
                    status=session.status,
                    totals=dict(session.totals),
                    history_summary=session.history_summary,
                    resume_ref=session.resume_ref,
                    created_at=session.created_at,
                    updated_at=session.updated_at,
                )
            )
            for turn in session.turns:
                db.add(_turn_row(session.id, turn))

        self.db.run(work)
        return session

    def save_turn(self, session_id: str, turn: Turn) -> None:
        """Insert a turn (when it is asked) or overwrite it whole."""

        def work(db: Session) -> None:
            _session_row(db, session_id)  # a session deleted meanwhile is reported as such
            db.merge(_turn_row(session_id, turn))
            _touch(db, session_id)

        self.db.run(work)

    def record_answer(self, session_id: str, index: int, answer: str) -> None:
        """Store the candidate's answer; done before evaluation so an evaluation failure cannot lose it."""

        def work(db: Session) -> None:
            _turn(db, session_id, index).answer = answer
            _touch(db, session_id)

        self.db.run(work)

    def record_evaluation(
        self,
        session_id: str,
        index: int,
        evaluation: Evaluation,
        *,
        timings: dict[str, float] | None = None,
        tokens: dict[str, int] | None = None,
    ) -> None:
        def work(db: Session) -> None:
            row = _turn(db, session_id, index)
            row.evaluation = evaluation.model_dump(mode="json")
            row.timings = dict(timings or {})
            row.tokens = dict(tokens or {})
            _touch(db, session_id)

        self.db.run(work)

    def update_session(
        self,
        session_id: str,
        *,
        status: str | None = None,
        totals: dict[str, Any] | None = None,
        history_summary: str | None = None,
        plan: Plan | None = None,
    ) -> None:
        def work(db: Session) -> None:
            row = _session_row(db, session_id)
            if status is not None:
                row.status = status
            if totals is not None:
                row.totals = dict(totals)
            if history_summary is not None:
                row.history_summary = history_summary
            if plan is not None:
                row.plan = plan.model_dump(mode="json")
            row.updated_at = utcnow()

        self.db.run(work)

    def finish_session(self, session_id: str, totals: dict[str, Any], *, status: str = "finished") -> None:
        self.update_session(session_id, status=status, totals=totals)

    # -- reading sessions --

    def get_session(self, session_id: str, *, user_id: str | None = None) -> InterviewSession:
        """One session with its turns. With `user_id`, another user's session is reported as missing."""

        def work(db: Session) -> InterviewSession:
            row = _session_row(db, session_id, user_id)
            turns = db.scalars(
                select(TurnRow).where(TurnRow.session_id == session_id).order_by(TurnRow.index)
            ).all()
            return InterviewSession(
                id=row.id,
                user_id=row.user_id,
                role=row.role,
                focus=row.focus,
                length=row.length,
                mode=row.mode,
                engine=row.engine,
                plan=Plan.model_validate(row.plan),
                status=row.status,
                turns=[_turn_model(t) for t in turns],
                totals=dict(row.totals or {}),
                history_summary=row.history_summary or "",
                resume_ref=row.resume_ref,
                created_at=as_utc(row.created_at),
                updated_at=as_utc(row.updated_at),
            )

        return self.db.run(work)

    def session_exists(self, session_id: str, *, user_id: str) -> bool:
        """Whether this user's session is still stored (another window may have deleted it)."""

        def work(db: Session) -> bool:
            owner = db.scalar(select(SessionRow.user_id).where(SessionRow.id == session_id))
            return owner is not None and owner == user_id

        return self.db.run(work)

    def list_sessions(self, user_id: str = LOCAL_USER_ID, *, limit: int = 100) -> list[SessionSummary]:
        """Newest first."""

        def work(db: Session) -> list[SessionSummary]:
            answered = (
                select(TurnRow.session_id, func.count(func.distinct(TurnRow.question_index)).label("n"))
                .where(TurnRow.evaluation.is_not(None))
                .group_by(TurnRow.session_id)
                .subquery()
            )
            rows = db.execute(
                select(SessionRow, answered.c.n)
                .outerjoin(answered, answered.c.session_id == SessionRow.id)
                .where(SessionRow.user_id == user_id)
                .order_by(SessionRow.created_at.desc())
                .limit(limit)
            ).all()
            return [
                SessionSummary(
                    id=row.id,
                    role=row.role,
                    focus=row.focus,
                    mode=row.mode,
                    engine=row.engine,
                    length=row.length,
                    status=row.status,
                    answered=int(n or 0),
                    overall=(row.totals or {}).get("overall"),
                    totals=dict(row.totals or {}),
                    created_at=as_utc(row.created_at),
                    updated_at=as_utc(row.updated_at),
                )
                for row, n in rows
            ]

        return self.db.run(work)

    def recent_question_ids(self, user_id: str = LOCAL_USER_ID, *, sessions: int = 3) -> list[str]:
        """Bank question ids asked in the user's last few sessions, so a new plan can avoid repeating them."""

        def work(db: Session) -> list[str]:
            rows = db.scalars(
                select(SessionRow.plan)
                .where(SessionRow.user_id == user_id)
                .order_by(SessionRow.created_at.desc())
                .limit(sessions)
            ).all()
            ids: list[str] = []
            for plan in rows:
                for q in (plan or {}).get("questions", []):
                    if q.get("question_id") and q["question_id"] not in ids:
                        ids.append(q["question_id"])
            return ids

        return self.db.run(work)

    def competency_history(self, user_id: str = LOCAL_USER_ID) -> list[CompetencyPoint]:
        """Per session (oldest first) and competency, the mean score of the evaluated answers."""
        buckets: dict[tuple[str, str], tuple[datetime, list[int]]] = {}
        for scored in self.scored_turns(user_id):
            key = (scored.session_id, scored.turn.competency)
            buckets.setdefault(key, (scored.session_created_at, []))[1].append(scored.evaluation.score)
        return [
            CompetencyPoint(
                session_id=session_id,
                created_at=created_at,
                competency=competency,
                score=round(sum(scores) / len(scores), 2),
                answers=len(scores),
            )
            for (session_id, competency), (created_at, scores) in buckets.items()
        ]

    def scored_turns(self, user_id: str = LOCAL_USER_ID, *, session_id: str | None = None) -> list[ScoredTurn]:
        """This user's evaluated turns with their session, oldest session first, in turn order: what progress,
        the practice plan and the story bank's harvest read."""

        def work(db: Session) -> list[ScoredTurn]:
            stmt = (
                select(SessionRow.id, SessionRow.created_at, SessionRow.plan, TurnRow)
                .join(TurnRow, TurnRow.session_id == SessionRow.id)
                .where(SessionRow.user_id == user_id, TurnRow.evaluation.is_not(None))
                .order_by(SessionRow.created_at, TurnRow.index)
            )
            if session_id is not None:
                stmt = stmt.where(SessionRow.id == session_id)
            plans: dict[str, Plan] = {}  # one plan per session, read once however many turns it has
            out: list[ScoredTurn] = []
            for sid, created, plan, turn in db.execute(stmt).all():
                if sid not in plans:
                    plans[sid] = Plan.model_validate(plan)
                model = _turn_model(turn)
                if model.evaluation is not None:  # the query's own filter; stated again for the type
                    out.append(ScoredTurn(session_id=sid, session_created_at=as_utc(created), plan=plans[sid],
                                          turn=model, evaluation=model.evaluation))
            return out

        return self.db.run(work)

    # -- spoken answers --

    def record_delivery(
        self, session_id: str, index: int, metrics: dict[str, Any], *, audio: bytes | None = None
    ) -> None:
        """Store a spoken answer's delivery metrics (and the WAV only if the candidate chose to keep it)."""

        def work(db: Session) -> None:
            _turn(db, session_id, index)  # the turn must exist: a clear error, not an orphan row
            db.merge(TurnDeliveryRow(session_id=session_id, index=index, metrics=dict(metrics), audio=audio,
                                     created_at=utcnow()))

        self.db.run(work)

    def deliveries(self, session_id: str) -> dict[int, dict[str, Any]]:
        """Delivery metrics of a session's spoken answers, by turn index (typed answers have none)."""

        def work(db: Session) -> dict[int, dict[str, Any]]:
            rows = db.execute(
                select(TurnDeliveryRow.index, TurnDeliveryRow.metrics).where(TurnDeliveryRow.session_id == session_id)
            )
            return {int(i): dict(m) for i, m in rows}

        return self.db.run(work)

    def delivery_audio(self, session_id: str, index: int) -> bytes | None:
        def work(db: Session) -> bytes | None:
            row = db.get(TurnDeliveryRow, (session_id, index))
            return row.audio if row is not None else None

        return self.db.run(work)

    def delivery_history(self, user_id: str = LOCAL_USER_ID) -> list[dict[str, Any]]:
        """Every spoken answer's metrics with its session date, oldest first (History's delivery trend)."""

        def work(db: Session) -> list[dict[str, Any]]:
            rows = db.execute(
                select(SessionRow.id, SessionRow.created_at, TurnDeliveryRow.index, TurnDeliveryRow.metrics)
                .join(TurnDeliveryRow, TurnDeliveryRow.session_id == SessionRow.id)
                .where(SessionRow.user_id == user_id)
                .order_by(SessionRow.created_at, TurnDeliveryRow.index)
            )
            return [
                {"session_id": sid, "session_created_at": as_utc(created), "turn_index": int(i), **dict(m)}
                for sid, created, i, m in rows
            ]

        return self.db.run(work)


class ScoredTurn(BaseModel):
    """An evaluated turn with the session it belongs to (see `InterviewRepository.scored_turns`)."""

    session_id: str
    session_created_at: datetime
    plan: Plan
    turn: Turn
    evaluation: Evaluation = Field(description="The turn's evaluation (never None here, unlike `Turn.evaluation`).")


def _session_row(db: Session, session_id: str, user_id: str | None = None) -> SessionRow:
    row = db.get(SessionRow, session_id)
    if row is None or (user_id is not None and row.user_id != user_id):
        raise SessionMissing(session_id)
    return row


def _turn(db: Session, session_id: str, index: int) -> TurnRow:
    row = db.get(TurnRow, (session_id, index))
    if row is None:
        if db.get(SessionRow, session_id) is None:
            raise SessionMissing(session_id)
        raise StorageError(f"Session {session_id!r} has no turn {index}.", code="not_found")
    return row


def _touch(db: Session, session_id: str) -> None:
    row = db.get(SessionRow, session_id)
    if row is not None:
        row.updated_at = utcnow()


def _turn_row(session_id: str, turn: Turn) -> TurnRow:
    return TurnRow(
        session_id=session_id,
        index=turn.index,
        question_index=turn.question_index,
        kind=turn.kind,
        question=turn.question,
        competency=turn.competency,
        citations=[c.model_dump(mode="json") for c in turn.citations],
        answer=turn.answer,
        evaluation=turn.evaluation.model_dump(mode="json") if turn.evaluation else None,
        timings=dict(turn.timings),
        tokens=dict(turn.tokens),
        created_at=turn.created_at,
    )


def _turn_model(row: TurnRow) -> Turn:
    return Turn(
        index=row.index,
        question_index=row.question_index,
        kind=row.kind,
        question=row.question,
        competency=row.competency,
        citations=row.citations or [],
        answer=row.answer,
        evaluation=Evaluation.model_validate(row.evaluation) if row.evaluation else None,
        timings=dict(row.timings or {}),
        tokens=dict(row.tokens or {}),
        created_at=as_utc(row.created_at),
    )
