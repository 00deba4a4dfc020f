"""The Kazakh alphabet, in its order (the pack's collation)."""

KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
