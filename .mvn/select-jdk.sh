# Sourced by ./mvnw: diffo-admin builds and runs on JDK 25+. When JAVA_HOME (or the java on PATH) is
# older, pick the newest JDK 25+ found in the usual install places. If there is none, the build's
# enforcer rule stops with a message saying what to install.
diffo_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}
diffo_current_home() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    printf '%s' "$JAVA_HOME"
  elif command -v java >/dev/null 2>&1; then
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"
  fi
}
set +f  # mvnw runs with globbing off; the search below needs it
diffo_home="$(diffo_current_home)"
diffo_major=""
[ -n "$diffo_home" ] && diffo_major="$(diffo_java_major "$diffo_home")"
if [ -z "$diffo_major" ] || [ "$diffo_major" -lt 25 ]; then
  diffo_best="" diffo_best_major=0
  for diffo_candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$diffo_candidate/bin/javac" ] || continue
    diffo_m="$(diffo_java_major "$diffo_candidate")"
    if [ -n "$diffo_m" ] && [ "$diffo_m" -ge 25 ] && [ "$diffo_m" -gt "$diffo_best_major" ]; then
      diffo_best="$diffo_candidate" diffo_best_major="$diffo_m"
    fi
  done
  if [ -n "$diffo_best" ]; then
    JAVA_HOME="$diffo_best"
    export JAVA_HOME
  fi
fi
unset diffo_home diffo_major diffo_best diffo_best_major diffo_candidate diffo_m
set -f
