"""Training the coach's model: ``python -m hearth.coach.train`` (``make train``).

Needs torch, transformers and scikit-learn, which live in a virtualenv of
their own (``.venv-train``, from ``requirements-train.txt``); nothing here is
imported at run time. Runs on a CPU; uses a GPU when there is one.
"""
