"""The reveal rule, over every ordering of save, submit, edit and leave.

Each person's every draft carries a unique marker. After each step, what
each person may see is asked of the reveal engine the pages are built on
(`rules.view_round` for the check-in page, `rules.shared_rounds` +
`rules.pair_up` for the history page): the partner's markers may appear
only once both have submitted and while the couple lasts, and then only the
text finally sent. The pages themselves are checked for the same orderings'
cases in `test_reveal_pages.py`.
"""

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from hearth.accounts.models import User
from hearth.checkins import services
from hearth.checkins.models import Answer, CheckIn
from hearth.checkins.tests.helpers import open_week
from hearth.couples.services import leave_couple
from hearth.lib.testing import make_couple, make_user
from hearth.reveal import rules

ACTIONS = st.lists(
    st.tuples(st.sampled_from(["alice", "bob"]), st.sampled_from(["save", "submit", "save", "leave"])),
    max_size=10,
)


class RevealPropertyTests(TestCase):
    @settings(max_examples=150, deadline=None)
    @given(ACTIONS)
    def test_it_never_shows_a_partners_answer_before_both_have_submitted(
        self, steps: list[tuple[str, str]]
    ) -> None:
        people = {"alice": make_user("a@example.org", "Alice"), "bob": make_user("b@example.org", "Bob")}
        couple = make_couple(*people.values())
        checkin = open_week(couple)
        markers: dict[str, list[str]] = {"alice": [], "bob": []}
        sent: dict[str, str] = {}
        left = False

        for n, (who, action) in enumerate(steps):
            person = people[who]
            if action == "leave":
                leave_couple(person)
                left = True
            else:
                marker = f"MARK{who.upper()}{n}"
                values = {"weighing": marker, "pulse": 3}
                try:
                    if action == "save":
                        services.save_draft(checkin, person, values)
                    else:
                        services.submit(checkin, person, values)
                        sent[who] = marker
                    markers[who].append(marker)
                except rules.RevealError:
                    # Refused: sent already, or the couple closed. Nothing changes.
                    self.assertTrue(left or who in sent)
            revealed = sent.keys() == {"alice", "bob"} and not left
            for viewer, other in (("alice", "bob"), ("bob", "alice")):
                self.check_view(people[viewer], checkin.pk, markers[other], sent.get(other), revealed)

    def check_view(
        self, viewer: User, pk: int, partner_markers: list[str], partner_sent: str | None, revealed: bool
    ) -> None:
        checkin = rules.get_round_or_404(viewer, CheckIn.objects.all(), pk=pk)
        page: rules.RoundView[Answer] = rules.view_round(checkin, viewer)
        history = rules.pair_up(
            viewer, rules.shared_rounds(viewer, CheckIn.objects.prefetch_related("responses__author"))
        )
        seen = [view.theirs.weighing for _, view in history if view.theirs is not None]
        if page.theirs is not None:
            seen.append(page.theirs.weighing)
        leaked = [marker for marker in seen if marker in partner_markers]
        self.assertEqual(page.revealed, revealed)
        if revealed:
            # Only the text that was finally sent shows, never an older draft.
            self.assertEqual(set(leaked), {partner_sent})
        else:
            self.assertEqual(leaked, [], "a partner's answer leaked before the reveal")
