"""Characters a scenario may not hold: they crash the window, hide text or fool the eye.

pygame cannot draw NUL (a title with one validated, then killed the window); an escape (ESC)
in a message can drive the terminal it is printed on; bidirectional overrides make text read
differently from what it is, even in a comment. So the raw file may hold none of the C0 and C1
control characters but tab and line breaks, no bidirectional controls and no line separators
(YAML would break a line there where an editor does not); and a string, once its escapes are
read, may hold no control character but tab and line break (a key not even those).
"""

from __future__ import annotations

import re

# In the file as written: \t, \n and \r\n only.
RAW_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
    "|\r(?!\n)"
)
# In a string value after its escapes are read: \t and \n only.
VALUE_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
# In a key: nothing of the kind.
KEY_FORBIDDEN = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)


def why_forbidden(char: str) -> str:
    """What is wrong with one forbidden character, naming its code point."""
    code = f"U+{ord(char):04X}"
    if char == "\r":
        return f"a carriage return ({code}) that does not end a line is not allowed"
    if char in "\u2028\u2029":
        return f"line separator {code} is not allowed; use a plain line break"
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return f"bidirectional control {code} is not allowed (it makes text read differently from what it is)"
    if ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F:
        return f"control character {code} is not allowed"
    return f"character {code} is not allowed"
