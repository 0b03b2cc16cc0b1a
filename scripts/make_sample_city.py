#!/usr/bin/python3
"""Write the sample city "Musterstadt" (needs numpy and GDAL's Python bindings, not QGIS).

    /usr/bin/python3 scripts/make_sample_city.py --scale 1 --seed 42 --out sample_data/

Scale 1 is about 100 000 residents and 100 000 street edges, scale 10 about a
million of each. The same scale and seed always give the same city.
"""

import argparse
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from bildungslandschaft_plugin.sample import generator  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description="Write the sample city Musterstadt.")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="size: 1 = about 100 000 residents and street edges (default 1)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--out", default="sample_data", help="output folder (default sample_data/)")
    args = parser.parse_args(argv)
    counts = {}
    start = time.time()
    try:
        paths = generator.generate(args.out, scale=args.scale, seed=args.seed, counts=counts)
    except ValueError as err:
        parser.error(str(err))
    seconds = time.time() - start
    print("Musterstadt, scale {} seed {}: {:.1f} s".format(args.scale, args.seed, seconds))
    print("  {}".format(paths["gpkg"]))
    for layer in ("strassen", "ortsteile", "stadtbezirke", "adressen", "einrichtungen", "fluss", "kita_kandidaten"):
        extra = ""
        if layer == "strassen":
            extra = " ({} edges)".format(counts["edges"])
        elif layer == "adressen":
            extra = " ({} residents)".format(counts["residents"])
        print("    {:<14} {:>8} features{}".format(layer, counts[layer], extra))
    print("  {}  {} rows".format(paths["social_csv"], counts["sozialdaten_rows"]))
    print("  {}  {} partnerships".format(paths["partnerships_csv"], counts["kooperationen"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
