from django.db import connection
from django.test.utils import CaptureQueriesContext

from hearth.experiences.models import Idea, Wish
from hearth.lib.testing import BaseTestCase, make_couple, make_user


def library(count: int, start: int = 0) -> list[Idea]:
    return Idea.objects.bulk_create(
        Idea(
            key=f"i{n:05}",
            title=f"Idea number {n}",
            text=f"Something lovely to do, number {n}.",
            cost="free" if n % 2 else "low",
            place="home" if n % 3 else "outdoors",
            position=n,
        )
        for n in range(start, start + count)
    )


class IdeaLibraryTests(BaseTestCase):
    url = "/ideas/"

    def setUp(self) -> None:
        self.ideas = library(30)
        self.walk = self.ideas[1]

    def wish(self, who: object, idea: Idea, feeling: str) -> None:
        self.client.force_login(who)  # type: ignore[arg-type]
        self.client.post(f"/ideas/{idea.pk}/wish/", {"feeling": feeling})

    def test_anonymous_is_sent_to_login_and_a_stranger_home(self) -> None:
        self.assertEqual(self.client.get(self.url).status_code, 302)
        self.client.force_login(self.carol)
        self.assertRedirects(self.client.get(self.url), "/", fetch_redirect_response=False)

    def test_it_filters_and_paginates(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.get(self.url + "?cost=free&place=outdoors")
        titles = [i.title for i in self.ideas if i.cost == "free" and i.place == "outdoors"]
        for title in titles:
            self.assertContains(r, f">{title}<")
        self.assertNotContains(r, ">Idea number 2<")
        self.assertContains(self.client.get(self.url), "Page 1 of 2")
        self.assertEqual(self.client.get(self.url + "?cost=priceless").status_code, 200)

    def test_surprise_picks_one_that_fits(self) -> None:
        self.client.force_login(self.alice)
        for _ in range(5):
            r = self.client.get("/ideas/surprise/?cost=free&place=outdoors")
            picked = Idea.objects.get(pk=int(r["Location"].strip("/").split("/")[-1]))
            self.assertEqual((picked.cost, picked.place), ("free", "outdoors"))

    def test_a_love_on_one_side_and_a_not_for_me_stay_private(self) -> None:
        self.wish(self.alice, self.walk, "love")
        self.wish(self.alice, self.ideas[2], "nope")
        self.client.force_login(self.bob)
        for url in (self.url, f"/ideas/{self.walk.pk}/", f"/ideas/{self.ideas[2].pk}/", "/ideas/matches/"):
            r = self.client.get(url)
            self.assertNotContains(r, "A match")
            self.assertNotContains(r, "You both love")
            self.assertNotContains(r, "Not for you")
            self.assertNotContains(r, "You&#x27;d love this")

    def test_not_for_me_against_a_partners_love_is_no_match_and_reveals_neither(self) -> None:
        self.wish(self.alice, self.walk, "nope")
        self.wish(self.bob, self.walk, "love")
        for who in (self.alice, self.bob):
            self.client.force_login(who)
            for url in (self.url, f"/ideas/{self.walk.pk}/", "/ideas/matches/"):
                with self.subTest(who=who.email, url=url):
                    r = self.client.get(url)
                    self.assertNotContains(r, "A match")
                    self.assertNotContains(r, "You both love")
            self.assertNotContains(self.client.get("/ideas/matches/"), self.walk.title)

    def test_a_match_appears_for_both_when_both_love_it(self) -> None:
        self.wish(self.alice, self.walk, "love")
        self.wish(self.bob, self.walk, "love")
        for who in (self.alice, self.bob):
            self.client.force_login(who)
            self.assertContains(self.client.get("/ideas/matches/"), self.walk.title)
            self.assertContains(self.client.get(f"/ideas/{self.walk.pk}/"), "You both love this one.")
        self.wish(self.bob, self.walk, "clear")
        self.assertNotContains(self.client.get("/ideas/matches/"), self.walk.title)

    def test_an_unknown_choice_is_a_clear_400(self) -> None:
        self.client.force_login(self.alice)
        self.assertEqual(
            self.client.post(f"/ideas/{self.walk.pk}/wish/", {"feeling": "meh"}).status_code, 400
        )
        self.assertFalse(Wish.objects.exists())

    def test_our_own_ideas_are_ours_alone(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.post(
            "/ideas/new/",
            {
                "title": "Pancakes at the lake",
                "text": "Like that first spring.",
                "cost": "low",
                "time": "halfday",
                "place": "outdoors",
                "energy": "calm",
            },
        )
        own = Idea.objects.get(title="Pancakes at the lake")
        self.assertRedirects(r, f"/ideas/{own.pk}/", fetch_redirect_response=False)
        self.client.force_login(self.bob)
        self.assertContains(self.client.get(f"/ideas/{own.pk}/"), "Pancakes at the lake")
        dave = make_user("dave@example.org", "Dave")
        make_couple(self.carol, dave)
        self.client.force_login(self.carol)
        self.assertEqual(self.client.get(f"/ideas/{own.pk}/").status_code, 404)
        self.assertEqual(self.client.post(f"/ideas/{own.pk}/wish/", {"feeling": "love"}).status_code, 404)
        self.assertNotContains(self.client.get(self.url), "Pancakes")

    def test_an_empty_own_idea_is_refused_clearly(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.post(
            "/ideas/new/",
            {"title": "", "text": "", "cost": "free", "time": "evening", "place": "home", "energy": "calm"},
        )
        self.assertEqual(r.status_code, 400)
        self.assertFalse(Idea.objects.filter(couple__isnull=False).exists())


class IdeaQueryTests(BaseTestCase):
    def test_the_page_costs_the_same_with_300_or_3000_ideas_and_0_or_500_wishes(self) -> None:
        self.client.force_login(self.alice)
        ideas = library(300)
        with CaptureQueriesContext(connection) as small:
            self.client.get("/ideas/?cost=free")
        more = library(2700, start=300)
        Wish.objects.bulk_create(
            Wish(couple=self.couple, user=who, idea=i, feeling="love")
            for i in (ideas + more)[:250]
            for who in (self.alice, self.bob)
        )
        with self.assertNumQueries(len(small)):
            r = self.client.get("/ideas/?cost=free")
        self.assertContains(r, "A match")
