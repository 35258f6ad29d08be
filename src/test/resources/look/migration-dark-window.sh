#!/bin/bash
# The migration wizard in dark, from a real window (Xvfb): what the headless snapshots cannot show.
#
#   ./mvnw -q -o package -DskipTests
#   xvfb-run -a -s "-screen 0 1440x900x24" src/test/resources/look/migration-dark-window.sh target/diffo-admin.jar resources/screenshots
#
# (or any X display: DISPLAY=:1 src/test/resources/look/migration-dark-window.sh JAR OUTDIR). Loads the demo into a new
# private data directory under $HOME (and remembered choices in a preferences root of its own, so the window starts
# light on the Overview), opens the app, presses Ctrl+Alt+D (dark) and Ctrl+5 (Migration), chooses broadband v1.0.0 →
# v2.0.0 and acme, checks (Ctrl+Shift+K), remedies fttb → fttn, dry-runs (Ctrl+Shift+D) and runs (Ctrl+Shift+R, then
# Tab to "Run migration" and Space, as a user would), capturing the window after each step:
# OUTDIR/migration-check-dark.png, migration-dry-run-dark.png, migration-run-notification-dark.png.
# Coordinates are the window's at 1280×800 in the top-left corner; a layout change moves them (LOOK_STEPS=DIR also
# captures DIR/after-check.png, after-remedy.png and run-confirmation.png, to find them again).
set -u
jar=$(realpath "$1") out=$(realpath "$2")
data=$(mktemp -d "$HOME/diffo-look-XXXXXX")
chmod 700 "$data"
java=(java --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Djava.util.prefs.userRoot="$data/prefs" -jar "$jar" --data-dir "$data/store")
log() { echo "$(date +%T) $*"; }

shot() { # the window's rectangle of the screen, with the popups over it (notifications)
  import -window root -crop 1280x800+0+0 +repage "$1"; log "wrote $1"; }

click() { xdotool mousemove "$1" "$2" click 1; sleep "${3:-1}"; }
keys() { xdotool key --window "$win" "$@"; }

log "demo into $data/store"
DIFFO_ADMIN_KEEP_OPEN=0 "${java[@]}" demo >"$data/demo.log" 2>&1 || { cat "$data/demo.log"; exit 2; }
"${java[@]}" >"$data/app.log" 2>&1 &
app=$!
win=
for _ in $(seq 180); do win=$(xdotool search --name '^diffo-admin$' 2>/dev/null | head -1); [ -n "$win" ] && break; sleep 1; done
[ -n "$win" ] || { log "no window"; cat "$data/app.log"; exit 2; }
comp=
if command -v xcompmgr >/dev/null; then xcompmgr & comp=$!; fi # a compositor: the notifications' transparent margins drawn as such
xdotool windowmove "$win" 0 0 windowsize "$win" 1280 800
sleep 2
xdotool windowfocus "$win"
log "window $win; waiting for the connection"
for _ in $(seq 240); do grep -q "startup: connected" "$data/store/logs/diffo-admin.0.log" 2>/dev/null && break; sleep 1; done
log "connected; the read indexes and counts are prepared next"
sleep 35 # that task's notification (20 s) gone too

keys ctrl+alt+d; sleep 3       # View → Theme → Dark
keys ctrl+5; sleep 3           # the Migration tab
click 230 135 2                # From: the list of majors
click 180 173 3                # broadband v1.0.0 (the target follows: v2.0.0)
click 230 176 2                # RSP: the RSPs on v1
click 150 214 2                # acme (2)
keys ctrl+shift+k; sleep 8     # Check
[ -z "${LOOK_STEPS:-}" ] || shot "$LOOK_STEPS/after-check.png"
click 512 342 2                # broadband.technology = fttb: map to …
click 428 411 2                # fttn
[ -z "${LOOK_STEPS:-}" ] || shot "$LOOK_STEPS/after-remedy.png"
xdotool mousemove 1100 150
sleep 25                       # the check's notification hides
shot "$out/migration-check-dark.png"

keys ctrl+shift+d; sleep 8     # Dry run
sleep 25
shot "$out/migration-dry-run-dark.png"

keys ctrl+shift+r; sleep 3     # Run the migration… asks first, Cancel the default
[ -z "${LOOK_STEPS:-}" ] || shot "$LOOK_STEPS/run-confirmation.png"
confirm=$(xdotool search --name '^Run the migration\?$' | head -1)
[ -n "$confirm" ] || { log "no confirmation"; exit 2; }
xdotool windowfocus "$confirm"; sleep 1
xdotool key Tab; sleep 1       # to "Run migration"
xdotool key space; sleep 6     # the run, then its notification
shot "$out/migration-run-notification-dark.png"

kill "$app"; wait "$app"
[ -z "$comp" ] || kill "$comp"
rm -rf "$data"
log done
