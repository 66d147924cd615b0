#!/usr/bin/env python3
"""Writes a large synthetic portfolio on top of the bundled governance content.

    scripts/gen-portfolio.py OUT_DIR [--projects 10000] [--demands 20000] [--periods 4]

OUT_DIR gets a copy of content/ without its example portfolio, plus generated
projects, demands and periods that reference the bundled units, roles, goals,
criteria and KPIs. Deterministic: the same arguments give the same files.
"""
import argparse
import random
import shutil
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORTFOLIO = ["projects", "demands", "periods", "papers", "decisions"]
PHASES = ["antrag", "priorisiert", "beauftragt", "umsetzung", "abgeschlossen", "betrieb", "gestoppt"]
STAGES = ["erfasst", "dialog", "antrag", "vorlage", "priorisiert", "abgelehnt", "fast_lane"]
WORDS = ["Digitalisierung", "Einführung", "Ablösung", "Erneuerung", "Fachverfahren", "E-Akte",
         "Antragsportal", "Terminvergabe", "Schnittstelle", "Datenplattform", "Rechnungsworkflow",
         "Bürgerservice", "Ratsinformationssystem", "Geodaten", "Personalverwaltung", "Beschaffung"]


def quarter_end(year, quarter):
    month = quarter * 3
    day = 31 if month in (3, 12) else 30
    return f"{year}-{month:02d}-{day:02d}"


def periods(count, last_year=2026, last_quarter=3):
    result = []
    year, quarter = last_year, last_quarter
    for _ in range(count):
        result.append((year, quarter))
        quarter -= 1
        if quarter == 0:
            year, quarter = year - 1, 4
    return list(reversed(result))


def ids(path, table):
    data = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    return [entry["id"] for entry in data.get(table, [])]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--projects", type=int, default=10000)
    parser.add_argument("--demands", type=int, default=20000)
    parser.add_argument("--periods", type=int, default=4)
    args = parser.parse_args()
    rng = random.Random(42)
    content = args.out / "content"
    if args.out.exists():
        shutil.rmtree(args.out)
    shutil.copytree(ROOT / "content", content)
    for folder in PORTFOLIO:
        shutil.rmtree(content / folder, ignore_errors=True)
        (content / folder).mkdir()
    units = ids(content / "units.toml", "unit")
    goals = ids(content / "goals.toml", "goal")
    criteria = ids(content / "goals.toml", "criterion")
    kpis = ids(content / "kpis.toml", "kpi")
    quarters = periods(args.periods)
    site = (content / "site.toml").read_text(encoding="utf-8").splitlines()
    site = [line for line in site if not line.startswith("current_period")]
    y, q = quarters[-1]
    # Top-level keys go before the first table (`[start]`, `[labels]`).
    first_table = next((i for i, line in enumerate(site) if line.startswith("[")), len(site))
    site.insert(first_table, f'current_period = "{y}-Q{q}"')
    (content / "site.toml").write_text("\n".join(site) + "\n", encoding="utf-8")

    project_ids = []
    for n in range(args.projects):
        pid = f"P-{2020 + n // 1000:04d}-{n % 1000:03d}"
        project_ids.append(pid)
        title = " ".join(rng.sample(WORDS, 3))
        start_year = 2024 + rng.randrange(2)
        lines = [
            f'title = "{title} {n}"',
            f'summary = "Synthetisches Projekt {n} für Lasttests."',
            f'unit = "{rng.choice(units)}"',
            'lead = "digit-projektleitung"',
            f'phase = "{rng.choice(PHASES)}"',
            f'goals = [{", ".join(repr(g).replace(chr(39), chr(34)) for g in rng.sample(goals, min(2, len(goals))))}]',
            'provider = "kdz"',
            f"start = {start_year}-01-15",
            f"end = {start_year + 2}-12-31",
        ]
        if n > 0 and rng.random() < 0.1:
            lines.append(f'depends_on = ["{project_ids[rng.randrange(n)]}"]')
        lines.append("\n[scores]")
        lines += [f"{c} = {rng.randrange(6)}" for c in criteria]
        lines.append(f"\n[budget]\nplanned = {rng.randrange(20, 2000) * 1000}\napproved = {rng.randrange(20, 2000) * 1000}")
        for m in range(1, 4):
            lines.append(f'\n[[milestones]]\nid = "m{m}"\ntitle = "Meilenstein {m}"\nbaseline = {start_year + 1}-{m * 3:02d}-15')
        (content / "projects" / f"{pid}.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    for n in range(args.demands):
        did = f"B-{2020 + n // 1000:04d}-{n % 1000:03d}"
        text = (f'title = "Bedarf {n}: {rng.choice(WORDS)}"\nunit = "{rng.choice(units)}"\n'
                f'received = 2025-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}\n'
                f'stage = "{rng.choice(STAGES)}"\nadvisor = "digit-beraterin"\n')
        if rng.random() < 0.2:
            text += f'project = "{rng.choice(project_ids)}"\n'
        (content / "demands" / f"{did}.toml").write_text(text, encoding="utf-8")

    for index, (year, quarter) in enumerate(quarters):
        out = [f"date = {quarter_end(year, quarter)}\n"]
        for pid in project_ids:
            ampel = rng.choices(["green", "yellow", "red"], [6, 3, 1])[0]
            status = [f'\n[[status]]\nproject = "{pid}"\noverall = "{ampel}"',
                      f"schedule = \"{ampel}\"\ncost = \"green\"\nscope = \"green\"\nresources = \"{ampel}\"",
                      f"progress = {min(100, index * 20 + rng.randrange(20))}",
                      f"spent = {rng.randrange(0, 500) * 1000}"]
            if ampel != "green":
                status.append('measures = "Gegenmaßnahmen sind eingeleitet."')
            if ampel == "red":
                status.append('escalated_to = "digit-steuerungsrunde"')
            status.append(f"forecast = {{ m1 = {2026 + index // 4}-{(index % 4) * 3 + 1:02d}-15 }}")
            out.append("\n".join(status) + "\n")
        out.append("\n[kpi]\n" + "".join(f"{k} = {rng.randrange(50, 100)}\n" for k in kpis))
        (content / "periods" / f"{year}-Q{quarter}.toml").write_text("".join(out), encoding="utf-8")


if __name__ == "__main__":
    main()
