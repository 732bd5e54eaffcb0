import hashlib

from django.db import connection

from hearth.calendars.models import Feed, RevokedFeed
from hearth.lib.testing import BaseTestCase


class RevokedFeedTests(BaseTestCase):
    """An address replaced with "Make a new address" says it is gone (410),
    so a calendar app can stop asking; one that never existed stays 404."""

    def setUp(self) -> None:
        self.feed = Feed.objects.create(user=self.alice)

    def test_a_replaced_address_is_gone(self) -> None:
        old = self.feed.get_absolute_url()
        self.feed.renew()
        r = self.client.get(old)
        self.assertEqual(r.status_code, 410)
        self.assertEqual(r["Content-Type"], "text/plain; charset=utf-8")
        self.assertContains(r, "This calendar address has been replaced", status_code=410)
        self.assertEqual(self.client.head(old).status_code, 410)
        self.assertEqual(self.client.get(self.feed.get_absolute_url()).status_code, 200)

    def test_every_earlier_address_stays_gone(self) -> None:
        first = self.feed.get_absolute_url()
        self.feed.renew()
        second = self.feed.get_absolute_url()
        self.feed.renew()
        self.assertEqual(self.client.get(first).status_code, 410)
        self.assertEqual(self.client.get(second).status_code, 410)
        self.assertEqual(self.client.get(self.feed.get_absolute_url()).status_code, 200)

    def test_an_address_that_never_existed_is_not_found(self) -> None:
        self.feed.renew()
        self.assertEqual(self.client.get("/calendar/" + "A" * 43 + ".ics").status_code, 404)

    def test_only_a_hash_of_the_old_token_is_kept(self) -> None:
        old = self.feed.token
        self.feed.renew()
        revoked = RevokedFeed.objects.get()
        self.assertEqual(revoked.token_sha256, hashlib.sha256(old.encode()).hexdigest())
        # The old token is nowhere in the database, in any table.
        with connection.cursor() as cursor:
            for table in connection.introspection.table_names(cursor):
                cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (table names from the schema)
                for row in cursor.fetchall():
                    self.assertNotIn(old, " ".join(map(str, row)), table)

    def test_alices_new_address_leaves_carols_alone(self) -> None:
        carols = Feed.objects.create(user=self.carol)
        self.feed.renew()
        self.assertEqual(self.client.get(carols.get_absolute_url()).status_code, 200)
        self.assertEqual(RevokedFeed.objects.count(), 1)
