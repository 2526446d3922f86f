#!/usr/bin/env bash
# Screenshots of rendered reports, for a person (or a model's image viewer) to look at.
#   tools/accessibility/screenshot.sh OUT_DIR FILE...
# .html: the first 1280x1600 viewport, by headless Chromium.
# .pdf:  the first page at 80 dpi, by pdftoppm (poppler-utils).
# Writes OUT_DIR/<file name>.png (report.html -> report.html.png, report.pdf -> report.pdf.png,
# so a report's two renditions do not overwrite each other) and prints each path written.
# Exit 1 if any file is missing, of another kind, or failed to render.
set -euo pipefail

if [ "$#" -lt 2 ]; then
  echo "usage: $0 OUT_DIR FILE..." >&2
  exit 1
fi
out_dir=$1
shift
mkdir -p "$out_dir"
out_dir=$(cd "$out_dir" && pwd)

chromium=${CHROMIUM:-/usr/bin/chromium}
# --no-sandbox: we run as root, and Chromium will not start as root with its sandbox.
# --disable-dev-shm-usage: shared memory in /tmp, a guard where /dev/shm is small (it is 24 GB
#   here; Debian's wrapper means to add it itself, but its check breaks on this machine and
#   prints "[: ...: unexpected operator" on stderr, which is harmless).
# --disable-background-networking, --disable-component-update, --disable-sync, --no-first-run:
#   the network here is closed but for package registries; without them Chromium's background
#   connections are refused, many at a time.
# A fresh --user-data-dir per shot, so no profile is left in ~ and no run sees another's.
chromium_flags=(--headless=new --no-sandbox --disable-gpu --hide-scrollbars
  --window-size=1280,1600 --disable-dev-shm-usage
  --disable-background-networking --disable-component-update --disable-sync --no-first-run
  --no-default-browser-check)

status=0
for file in "$@"; do
  if [ ! -f "$file" ]; then
    echo "screenshot: no such file: $file" >&2
    status=1
    continue
  fi
  abs=$(cd "$(dirname "$file")" && pwd)/$(basename "$file")
  name=$(basename "$file")
  case "$file" in
    *.html|*.htm)
      png="$out_dir/$name.png"
      profile=$(mktemp -d)
      rm -f "$png"
      # Chromium prints its own noise on stderr; kept in a log, shown only on failure.
      log=$(mktemp)
      if "$chromium" "${chromium_flags[@]}" --user-data-dir="$profile" \
          --screenshot="$png" "file://$abs" >"$log" 2>&1 && [ -s "$png" ]; then
        echo "$png"
      else
        echo "screenshot: chromium failed on $file:" >&2
        cat "$log" >&2
        status=1
      fi
      rm -rf "$profile" "$log"
      ;;
    *.pdf)
      png="$out_dir/$name.png"
      prefix="$out_dir/$name"
      # -singlefile: write PREFIX.png, not PREFIX-1.png (or -01, -001, by page count).
      if pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$abs" "$prefix" && [ -s "$png" ]; then
        echo "$png"
      else
        echo "screenshot: pdftoppm failed on $file" >&2
        status=1
      fi
      ;;
    *)
      echo "screenshot: neither .html nor .pdf: $file" >&2
      status=1
      ;;
  esac
done
exit "$status"
