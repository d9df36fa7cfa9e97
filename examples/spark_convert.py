"""Converts documents with Apache Spark: an RDD of JSON lines piped through `folio --jsonl`.

Spark spreads the documents over its executors; each partition is one `folio --jsonl`
process reading the partition's documents on standard input and answering one result a line.
folio has no distribution code of its own: on a cluster the same script runs with another
master, and the folio binary shipped to the executors (see the README).

    python3 examples/spark_convert.py INPUT_DIR OUTPUT_DIR [--to html] [--folio PATH]
    python3 examples/spark_convert.py examples/documents out --to html

Prints a line per document converted or failed, then a summary; exits 1 if any failed.
"""

import argparse
import base64
import json
import os
import shutil
import sys

from pyspark.sql import SparkSession

# Extensions of output files by format (else the format's name).
EXTENSIONS = {"markdown": "md", "plain": "txt"}
# Input formats by extension; other files are detected from their content.
FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
           ".txt": "text", ".json": "json"}


def request(path_and_content):
    """A line of folio's input: the file's name as id, its content and format."""
    path, content = path_and_content
    name = os.path.basename(path)
    line = {"id": name, "content": content}
    fmt = FORMATS.get(os.path.splitext(name)[1].lower())
    if fmt:
        line["format"] = fmt
    return json.dumps(line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input_dir")
    parser.add_argument("output_dir")
    parser.add_argument("--to", default="html", help="folio's output format (default html)")
    parser.add_argument("--folio", default=shutil.which("folio") or "folio",
                        help="the folio binary (default: folio on the PATH)")
    parser.add_argument("--master", default=os.environ.get("SPARK_MASTER", "local[*]"),
                        help="Spark master (default local[*], or $SPARK_MASTER)")
    parser.add_argument("--partitions", type=int, default=2)
    args = parser.parse_args()

    folio = os.path.abspath(args.folio) if os.path.exists(args.folio) else args.folio
    spark = (SparkSession.builder.master(args.master).appName("folio-convert")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        # (path, text) pairs, read as UTF-8 by the executors; where they share a file
        # system, {"id", "path"} lines would let folio read the bytes itself.
        documents = spark.sparkContext.wholeTextFiles(
            os.path.abspath(args.input_dir), minPartitions=args.partitions)
        # One folio process per partition; Spark runs the partitions on its cores, so each
        # folio converts one document at a time (-j 1).
        results = (documents.map(request)
                   .pipe(f"{folio} --jsonl -j 1 -t {args.to}")
                   .map(json.loads)
                   .collect())
    finally:
        spark.stop()

    os.makedirs(args.output_dir, exist_ok=True)
    converted = failed = 0
    for r in sorted(results, key=lambda r: r["id"] or ""):
        if not r["ok"]:
            failed += 1
            print(f"failed {r['id']}: {r['error']}")
            continue
        converted += 1
        stem = os.path.splitext(r["id"])[0]
        ext = EXTENSIONS.get(r["to"], r["to"])
        target = os.path.join(args.output_dir, f"{stem}.{ext}")
        data = (base64.b64decode(r["output"]) if r["encoding"] == "base64"
                else r["output"].encode("utf-8"))
        with open(target, "wb") as f:
            f.write(data)
        print(f"converted {r['id']} -> {target} ({len(data)} bytes)")
    print(f"converted {converted}, failed {failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
