#!/usr/bin/env bash
# Builds Gatehouse's Windows installer (.msi) with jpackage, from the same inputs as linux.sh
# (inputs.sh: jars, native libraries, trimmed runtime, JVM options, file association).
# Runs on Windows only, in Git Bash (or MSYS2/Cygwin), with a JDK 21+ and the WiX Toolset on the
# PATH (jpackage needs WiX 3 or, from JDK 24, WiX 4/5: `dotnet tool install --global wix`).
#   installers/windows.sh            app-image and msi, in installers/target/
# The .msi installs per machine into Program Files\Gatehouse with a Start menu entry and a
# desktop shortcut, opens *.gatehouse files, and upgrades an earlier version in place (fixed
# upgrade code). Gatehouse.exe opens the console; gatehouse-cli.exe is the same app with a
# console window, for `gatehouse-cli serve --demo` from a terminal.
set -euo pipefail
log() { echo "installers: $*" >&2; }

case "$(uname -s)" in
  MINGW*|MSYS*|CYGWIN*) ;;
  *) log "windows.sh builds the Windows .msi and runs on Windows only (this is $(uname -s)):"
     log "jpackage makes an .msi only on Windows. On Linux use installers/linux.sh, on macOS installers/macos.sh."
     exit 2 ;;
esac
# shellcheck source=inputs.sh
source "$(dirname "${BASH_SOURCE[0]}")/inputs.sh"
need_java_tools
command -v wix >/dev/null || command -v candle >/dev/null \
  || { log "jpackage needs the WiX Toolset for an .msi: install it (dotnet tool install --global wix) and put it on the PATH"; exit 1; }

started=$SECONDS
build_app
mkdir -p "$target_dir"
stage_input Windows
make_runtime
common_jpackage_args
cat > "$target_dir/cli-launcher.properties" <<EOF
win-console=true
EOF
rm -rf "$target_dir/packages" && mkdir -p "$target_dir/packages"
"$JAVA_HOME/bin/jpackage" --type msi --dest "$target_dir/packages" "${jpackage_args[@]}" \
  --icon "$icons_dir/gatehouse.ico" \
  --file-associations "$(file_association "$icons_dir/gatehouse.ico")" \
  --add-launcher "gatehouse-cli=$target_dir/cli-launcher.properties" \
  --win-menu --win-menu-group Gatehouse --win-shortcut --win-dir-chooser \
  --win-upgrade-uuid 6f0e7c52-3c1e-4d7a-9a55-2f1d9b7e4a10
log "$(ls "$target_dir"/packages/*.msi) in $(elapsed_since "$started")"
