"""How the checking tools end: every failure as FILE: what, at most `most`
of them, else FILE: ok (and a note); the exit status 1 or 0."""


def report(name, bad, ok_note="", most=20):
    for b in bad[:most]:
        print(f"{name}: {b}")
    if len(bad) > most:
        print(f"{name}: … {len(bad) - most} more")
    if not bad:
        print(f"{name}: ok{' (' + ok_note + ')' if ok_note else ''}")
    return 1 if bad else 0
