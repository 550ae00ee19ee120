# Sourced by ./mvnw and ./gatehouse: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: a JAVA_HOME that is already 21+, the `java` on PATH if 21+, then the newest 21+ JDK in
# the usual install folders. A machine whose default java is older (17 here) needs nothing set.

gatehouse_java_major() {  # prints the feature version of the java binary $1, or 0
  local v release
  # The JDK's release file says it without starting a JVM (starting one is slow, and several
  # candidates are looked at on every launch); ask the JVM itself only when there is none.
  release="$(dirname "$(dirname "$(readlink -f "$1")")")/release"
  if [ -f "$release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9.]*\).*/\1/p' "$release" | head -n1)
  else
    v=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)
  fi
  case "$v" in 1.*) v=${v#1.} ;; esac
  v=${v%%.*}
  [[ "$v" =~ ^[0-9]+$ ]] && echo "$v" || echo 0
}

gatehouse_find_jdk() {
  local need=21 best="" best_major=0 dir major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(gatehouse_java_major "$JAVA_HOME/bin/java")" -ge $need ]; then
    echo "$JAVA_HOME"; return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    dir=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if [ "$(gatehouse_java_major "$dir/bin/java")" -ge $need ]; then echo "$dir"; return 0; fi
  fi
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* \
             "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$dir/bin/javac" ] || continue
    major=$(gatehouse_java_major "$dir/bin/java")
    if [ "$major" -ge $need ] && [ "$major" -gt $best_major ]; then best=$dir; best_major=$major; fi
  done
  [ -n "$best" ] && { echo "$best"; return 0; }
  return 1
}

if ! GATEHOUSE_JDK=$(gatehouse_find_jdk); then
  echo "Gatehouse needs a JDK 21 or newer and found none (looked at JAVA_HOME, PATH, /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks)." >&2
  echo "Install one (for example: apt-get install openjdk-21-jdk) and run this again." >&2
  exit 1
fi
export JAVA_HOME=$GATEHOUSE_JDK
export PATH="$JAVA_HOME/bin:$PATH"
