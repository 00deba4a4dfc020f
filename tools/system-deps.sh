#!/usr/bin/env bash
# Install the Debian packages a purpose needs, when we are root on Debian; otherwise say what is missing.
#   tools/system-deps.sh build   → libharfbuzz-subset0 (fast font subsetting in WeasyPrint; optional)
#   tools/system-deps.sh test    → the above + poppler-utils (pdftotext, pdffonts), chromium (browser tests),
#                                  hunspell-kk and hunspell-ru (the dictionaries `build.py check` reads:
#                                  Kazakh stems, Russian ones as loanword stems and for Russian texts,
#                                  through libenchant-2-2), calibre (the e-book converted to AZW3 for Kindle and
#                                  read back, headless: QT_QPA_PLATFORM=offscreen)
set -u
want=(libharfbuzz-subset0 hunspell-kk hunspell-ru libenchant-2-2)
[ "${1:-build}" = test ] && want+=(poppler-utils chromium calibre)
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian packages: ${missing[*]}"
  (apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
   { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }) ||
   echo "warning: could not install ${missing[*]}; continuing without them" >&2
else
  echo "note: not root or no apt-get; please install: ${missing[*]} (tests that need them are skipped)" >&2
fi
exit 0
