#!/usr/bin/env bash
# The app image's AOT cache (JDK 25, JEP 483/514/515): one training run of the image's own launcher, then the
# launcher's configuration names the cache. Run by the `package` profile right after jpackage made the app image
# and before the installer is made from it, so the .deb carries the cache too.
#
#   installer/linux/aot-cache.sh IMAGE      (IMAGE: target/installer/diffo-admin)
#
# The training: the window on a new store of its own, headless (JavaFX's own Headless platform, software rendering),
# until it has connected and read the overview, closed with SIGTERM as a desktop closes it; the JVM writes the cache
# as it exits
# (-XX:AOTCacheOutput, passed through JAVA_TOOL_OPTIONS, which the jpackage launcher hands on to its JVM). So the
# runtime, the class path and the launcher's options are exactly what a user runs. Everything the run writes (the
# store, its logs, Java preferences) goes to a private temporary directory, removed afterwards.
set -euo pipefail

image=${1:?usage: aot-cache.sh IMAGE}
launcher="$image/bin/diffo-admin"
cfg="$image/lib/app/diffo-admin.cfg"
cache="$image/lib/diffo-admin.aot"
[ -x "$launcher" ] && [ -f "$cfg" ] || { echo "aot-cache: no app image at $image" >&2; exit 1; }

work="$(mktemp -d "$(dirname "$image")/aot-training.XXXXXX")"   # beside the image, in the build; mktemp makes it 0700
app=""
cleanup() { [ -z "$app" ] || kill -TERM "$app" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
mkdir -m 700 "$work/home"
# nothing of the build user's: no preferences, no remembered profile, no data or config directory
export XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
private="-Duser.home=$work/home -Djava.util.prefs.userRoot=$work/home/prefs"
store="$work/store"

# A new store rather than an existing one made first by `demo`: measured, a cache trained either way takes the same
# CPU off `catalogue` and the window on an existing store (BENCHMARKS.md, "The app image's AOT cache"), and the
# demo's start and stop of the store cost the build 20-40 s more.
SECONDS=0

# The cache records each jar's size and modification time and is skipped when one differs. jpackage copies the app
# image into the .deb without keeping the times (the installed jars would be as old as the package's build), so the
# jars get one fixed time here, before the training, and the .deb's postinst gives them the same time again
# (installer/linux/resources/postinst; the same number in both places).
jar_time=946684800   # 2000-01-01T00:00:00Z
find "$image/lib/app" -name '*.jar' -exec touch -d "@$jar_time" {} +

# the window, headless, trained. Adapters are left out of the cache: JDK 25.0.3 stores some under a clashing name
# and then prints "Failed to link AdapterHandlerEntry" warnings on every start (JDK-8364929, fixed in JDK 26).
rm -f "$cache"
JAVA_TOOL_OPTIONS="$private -Dglass.platform=Headless -Dprism.order=sw -XX:+UnlockDiagnosticVMOptions -XX:-AOTAdapterCaching -XX:AOTCacheOutput=$cache" \
  "$launcher" --data-dir "$store" >"$work/train.out" 2>&1 &
app=$!
log="$store/logs/diffo-admin.0.log"
for _ in $(seq 1 600); do   # at most 5 minutes
  grep -qs 'startup: connected' "$log" && break
  kill -0 "$app" 2>/dev/null || break
  sleep 0.5
done
if ! grep -qs 'startup: connected' "$log"; then
  echo "aot-cache: the training window did not connect:" >&2; cat "$work/train.out" >&2; [ ! -f "$log" ] || cat "$log" >&2
  exit 1
fi
sleep 3                      # the overview's first reads, as a user's first look
kill -TERM "$app"
status=0; wait "$app" || status=$?
app=""
[ "$status" -eq 0 ] || [ "$status" -eq 143 ] \
  || { echo "aot-cache: the training window ended with $status:" >&2; cat "$work/train.out" >&2; exit 1; }
[ -s "$cache" ] || { echo "aot-cache: no cache written:" >&2; cat "$work/train.out" >&2; exit 1; }

# the launcher names the cache relative to itself; a cache that does not match (a jar changed, another runtime) is
# skipped and the JVM starts as without it: its aot/cds messages, which it would print on stdout (into a command's
# --json), are switched off there (-Xlog:aot:stderr or :file=… through JAVA_TOOL_OPTIONS still shows them)
sed -i '/^java-options=-XX:AOTCache=/d; /^java-options=-Xlog:aot\*=off,cds\*=off$/d' "$cfg"
sed -i '/^\[JavaOptions\]$/a java-options=-Xlog:aot*=off,cds*=off\njava-options=-XX:AOTCache=$APPDIR/../diffo-admin.aot' "$cfg"
echo "aot-cache: $(du -h "$cache" | cut -f1) written to $cache (trained on the window in $SECONDS s)"
