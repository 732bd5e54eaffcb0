"""The reveal rule, over every ordering of save, submit, edit and leave.

Each person's every draft carries a unique marker. After each step, both
people's check-in pages, history pages and home pages are rendered, and the
partner's markers may appear only once both have submitted and while the
couple lasts.
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
    max_size=8,
)


class RevealPropertyTests(TestCase):
    @settings(max_examples=60, deadline=None)
    @given(ACTIONS)
    def test_it_never_shows_a_partners_answer_before_both_have_submitted(
        self, steps: list[tuple[str, str]]
    ) -> None:
        people = {"alice": make_user("a@example.org", "Alice"), "bob": make_user("b@example.org", "Bob")}
        couple = make_couple(*people.values())
        checkin = open_week(couple)
        markers: dict[str, list[str]] = {"alice": [], "bob": []}
        submitted: set[str] = set()
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
                        submitted.add(who)
                    markers[who].append(marker)
                except rules.RevealError:
                    # Refused: sent already, or the couple closed. Nothing changes.
                    self.assertTrue(left or who in submitted)
            checkin.refresh_from_db()
            checkin.couple.refresh_from_db()
            revealed = submitted == {"alice", "bob"} and not left
            for viewer, other in (("alice", "bob"), ("bob", "alice")):
                self.check_view(people[viewer], checkin.pk, markers[other], revealed)

    def check_view(self, viewer: User, pk: int, partner_markers: list[str], revealed: bool) -> None:
        self.client.force_login(viewer)
        pages = [
            self.client.get(url).content.decode() for url in (f"/checkins/{pk}/", "/checkins/history/", "/")
        ]
        seen = [m for m in partner_markers if any(m in page for page in pages)]
        if revealed:
            # Only the text that was finally sent shows, never an older draft.
            self.assertLessEqual(len(seen), 1)
        else:
            self.assertEqual(seen, [], "a partner's answer leaked before the reveal")

        checkin = CheckIn.objects.select_related("couple").get(pk=pk)
        view: rules.RoundView[Answer] = rules.view_round(checkin, viewer)
        self.assertEqual(view.revealed, revealed)
