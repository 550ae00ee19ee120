# The inputs every Gatehouse installer is built from, whatever the OS (sourced by linux.sh,
# windows.sh and macos.sh): the app's jars, the native libraries taken out of them, a trimmed
# runtime, the JVM options and jpackage's common arguments. The caller defines log() first.
# shellcheck shell=bash

installers_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_dir=$(cd "$installers_dir/.." && pwd)
target_dir="$installers_dir/target"
icons_dir="$repo_dir/assets/src/main/resources/dev/gatehouse/assets/icons"
# shellcheck source=../tools/find-jdk.sh
source "$repo_dir/tools/find-jdk.sh"

app_name=Gatehouse
app_vendor="Gatehouse project"
app_description="AI gateway for LLM inference endpoints, with its desktop administration console"
# jpackage wants a plain dotted number: 0.1.0-SNAPSHOT becomes 0.1.0.
app_version=$(sed -n 's|^  <version>\([0-9.]*\).*</version>|\1|p' "$repo_dir/pom.xml" | head -n1)

# The JDK modules the app needs, from `jdeps --print-module-deps` over the app jar and every jar in
# app/target/lib (see print_module_deps), plus what jdeps cannot see: jdk.crypto.ec (TLS to
# upstreams with EC certificates on JDKs that still ship it separately) and jdk.localedata's
# Chinese and English locales for the console's number and date formats.
runtime_modules=java.base,java.desktop,java.management,java.naming,java.net.http,java.security.jgss,java.sql,jdk.jfr,jdk.net,jdk.unsupported,jdk.crypto.ec,jdk.localedata

# The launcher's JVM options, as ./gatehouse passes them (native access for Netty's io_uring or
# epoll and SQLite; Unsafe allowed, faster buffers in Netty), plus where the native libraries lie: they
# are taken out of their jars at build time (stage_input), so nothing is extracted at run time
# and the install location can stay read-only ($APPDIR is jpackage's app directory).
java_options=(
  --enable-native-access=ALL-UNNAMED
  --sun-misc-unsafe-memory-access=allow
  -Dio.netty.noUnsafe=false
  -Xms256m
  '-Djava.library.path=$APPDIR/native'
  '-Dorg.sqlite.lib.path=$APPDIR/native'
)

# jpackage's --file-associations for Gatehouse config files: their own extension, so that the
# installer does not claim every .json file; an x- (unregistered) MIME type with the +json suffix
# (RFC 6839) saying what the content is.
config_extension=gatehouse
config_mime_type=application/x-gatehouse+json

need_java_tools() {
  local tool
  for tool in jpackage jlink jdeps jar; do
    [ -x "$JAVA_HOME/bin/$tool" ] || { log "the JDK in $JAVA_HOME has no $tool; install a full JDK 21 or newer"; exit 1; }
  done
}

# The app jars, built with package (never install: see the README).
build_app() {
  if [ -n "${GATEHOUSE_SKIP_APP_BUILD:-}" ] && [ -f "$repo_dir/app/target/gatehouse-app.jar" ]; then
    return
  fi
  log "building the app jars (mvnw package)"
  (cd "$repo_dir" && ./mvnw -B -q -Dstyle.color=never -pl app -am package -DskipTests)
}

# $target_dir/input: the jars jpackage puts in the app directory, and native/ with the native
# libraries of this OS and CPU, taken out of the jars (and removed from them, so they are not
# shipped twice). JavaFX's go next to its jars, where it looks first; elsewhere it would copy
# them to ~/.openjfx/cache on each user's first start.
stage_input() {  # os: Linux, Mac or Windows (as sqlite-jdbc names them)
  local os=$1 arch input="$target_dir/input" jar
  case "$(uname -m)" in
    x86_64|amd64) arch=x86_64 ;;
    aarch64|arm64) arch=aarch64 ;;
    *) log "no native libraries for CPU $(uname -m)"; exit 1 ;;
  esac
  rm -rf "$input" && mkdir -p "$input/native"
  cp "$repo_dir/app/target/gatehouse-app.jar" "$repo_dir"/app/target/lib/*.jar "$input/"
  take_natives "$input"/sqlite-jdbc-*.jar "org/sqlite/native/$os/$arch/" "$input/native" 'org/sqlite/native/*'
  for jar in "$input"/netty-transport-native-*.jar; do
    [ -f "$jar" ] && take_natives "$jar" "META-INF/native/" "$input/native" 'META-INF/native/*'
  done
  if [ "$os" != Windows ]; then  # on Windows JavaFX looks in ../bin instead; it keeps its own way there
    for jar in "$input"/javafx-*-[0-9]*.[0-9]*-*.jar; do  # the ones with an OS classifier
      take_natives "$jar" "" "$input" '*.so' '*.dylib'
    done
  fi
  log "staged $(find "$input" -name '*.jar' | wc -l) jars and $(find "$input" -type f ! -name '*.jar' | wc -l) native libraries"
}

take_natives() {  # jar, path prefix in the jar, destination, patterns to delete from the jar...
  local jar=$1 prefix=$2 dest=$3 unpack pattern
  shift 3
  unpack=$(mktemp -d)
  (cd "$unpack" && "$JAVA_HOME/bin/jar" xf "$jar")
  if [ -d "$unpack/$prefix" ]; then
    find "$unpack/$prefix" -maxdepth 1 -type f \( -name '*.so' -o -name '*.dylib' -o -name '*.jnilib' -o -name '*.dll' \) \
      -exec cp {} "$dest/" \;
  fi
  for pattern in "$@"; do (cd "$unpack" && find . -path "./$pattern" -type f -delete); done
  # The manifest goes in by --manifest (Multi-Release and all), not twice.
  mv "$unpack/META-INF/MANIFEST.MF" "$unpack.mf"
  rm -f "$jar"
  "$JAVA_HOME/bin/jar" --create --file "$jar" --manifest "$unpack.mf" -C "$unpack" .
  rm -rf "$unpack" "$unpack.mf"
}

# What jdeps finds in the staged jars (the list above was made from it; run it after changing dependencies).
print_module_deps() {
  local classes
  classes=$(mktemp -d)
  for jar in "$target_dir"/input/*.jar; do
    (cd "$classes" && unzip -qo "$jar" -x 'module-info.class' 'META-INF/versions/*' 2>/dev/null || true)
  done
  "$JAVA_HOME/bin/jdeps" --ignore-missing-deps --print-module-deps -q "$classes"
  rm -rf "$classes"
}

# $target_dir/runtime: the JDK trimmed to runtime_modules, with a class data sharing archive of
# the JDK's own classes (a faster start).
make_runtime() {
  rm -rf "$target_dir/runtime"
  "$JAVA_HOME/bin/jlink" --add-modules "$runtime_modules" --output "$target_dir/runtime" \
    --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
    --include-locales=en,zh --generate-cds-archive
}

# jpackage's arguments shared by every OS and package type.
common_jpackage_args() {
  jpackage_args=(
    --name "$app_name" --app-version "$app_version" --vendor "$app_vendor" --description "$app_description"
    --copyright "Copyright the Gatehouse authors"
    --input "$target_dir/input" --main-jar gatehouse-app.jar --main-class dev.gatehouse.app.Main
    --runtime-image "$target_dir/runtime"
  )
  local option
  for option in "${java_options[@]}"; do jpackage_args+=(--java-options "$option"); done
}

# A file-association properties file for jpackage, with this OS's icon.
file_association() {  # icon file
  cat > "$target_dir/config-file.properties" <<EOF
extension=$config_extension
mime-type=$config_mime_type
description=Gatehouse gateway config
icon=$1
EOF
  echo "$target_dir/config-file.properties"
}

elapsed_since() {  # start seconds (from $SECONDS)
  echo "$((SECONDS - $1)) s"
}
