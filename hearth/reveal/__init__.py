"""The reveal rule, for every feature where both partners answer the same thing.

Until both partners have submitted, neither sees anything of the other's
answer: not its text, not whether it exists, not when it was written. When
both have submitted, both answers are shown. After a couple closes, each
person sees only their own answers.

A feature defines a concrete `Round` (what both answer: a week's check-in, a
day's question) and a concrete `Response` with a foreign key named `round`
and `related_name="responses"`. Views never read responses directly: they
call `get_round_or_404` and `view_round` here, and writes go through
`submit`.
"""
