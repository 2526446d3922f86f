#!/usr/bin/env bash
# Vendors GOV.UK Frontend's precompiled stylesheet into report-service, which serves it to the
# portal's pages itself (no CDN, no npm at build or run time: `./mvnw verify` and `./yardstick up`
# stay runnable from Maven Central alone). Only the compiled CSS and the licence are kept, never
# node_modules. The GDS Transport font and the crown/crest are for GOV.UK only: the @font-face
# rules are removed (pages fall back to Arial, as GOV.UK Frontend's own font stack does) and the
# portal uses no component that draws the crest.
#
# Usage: tools/govuk-frontend/vendor.sh [VERSION]   (needs npm; re-run to upgrade, then commit)
set -euo pipefail
version="${1:-6.6.0}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
target="$here/report-service/src/main/resources/public/govuk-frontend"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "govuk-frontend@$version" >/dev/null && tar xzf "govuk-frontend-$version.tgz")
mkdir -p "$target"
# One rule per @font-face block in the minified file; drop them, and the source map comment.
sed -E 's/@font-face\{[^}]*\}//g; s#/\*\# sourceMappingURL=[^*]*\*/##' "$work/package/dist/govuk/govuk-frontend.min.css" \
  > "$target/govuk-frontend.min.css"
if grep -q '@font-face\|/assets/fonts/' "$target/govuk-frontend.min.css"; then
  echo "font rules left in the stylesheet" >&2
  exit 1
fi
cat > "$target/LICENSE.txt" <<LICENCE
GOV.UK Frontend $version (https://github.com/alphagov/govuk-frontend), precompiled stylesheet
dist/govuk/govuk-frontend.min.css, with its @font-face rules removed (tools/govuk-frontend/vendor.sh).

The MIT License (MIT)

Copyright (c) 2018 Crown Copyright (Government Digital Service)

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
LICENCE
echo "vendored govuk-frontend $version into $target"
