#!/usr/bin/env bash
# Builds Gatehouse's macOS disk image (.dmg) with jpackage, from the same inputs as linux.sh
# (inputs.sh: jars, native libraries, trimmed runtime, JVM options, file association).
# Runs on macOS only, with a JDK 21+ (Xcode's command line tools for sips, iconutil, hdiutil).
#   installers/macos.sh              Gatehouse.app and the .dmg, in installers/target/
# The image holds Gatehouse.app to drag into Applications; it opens *.gatehouse files. From a
# terminal: /Applications/Gatehouse.app/Contents/MacOS/Gatehouse serve --demo.
# Unsigned unless GATEHOUSE_MAC_SIGNING_KEY names a "Developer ID Application" identity in the
# keychain (then jpackage signs the app and the image; notarize the .dmg afterwards).
set -euo pipefail
log() { echo "installers: $*" >&2; }

if [ "$(uname -s)" != Darwin ]; then
  log "macos.sh builds the macOS .dmg and runs on macOS only (this is $(uname -s)):"
  log "jpackage makes a .dmg only on macOS. On Linux use installers/linux.sh, on Windows installers/windows.sh."
  exit 2
fi
# shellcheck source=inputs.sh
source "$(dirname "${BASH_SOURCE[0]}")/inputs.sh"
need_java_tools

# The .icns jpackage wants, made from the rendered PNGs with the tools every Mac has.
make_icns() {
  local set="$target_dir/Gatehouse.iconset" size
  rm -rf "$set" && mkdir -p "$set"
  for size in 16 32 128 256 512; do
    sips -z "$size" "$size" "$icons_dir/gatehouse-512.png" --out "$set/icon_${size}x${size}.png" >/dev/null
    [ "$size" -le 256 ] && sips -z $((size * 2)) $((size * 2)) "$icons_dir/gatehouse-512.png" \
      --out "$set/icon_${size}x${size}@2x.png" >/dev/null
  done
  iconutil -c icns "$set" -o "$target_dir/Gatehouse.icns"
}

started=$SECONDS
build_app
mkdir -p "$target_dir"
stage_input Mac
make_runtime
make_icns
common_jpackage_args
signing=()
if [ -n "${GATEHOUSE_MAC_SIGNING_KEY:-}" ]; then signing=(--mac-sign --mac-signing-key-user-name "$GATEHOUSE_MAC_SIGNING_KEY"); fi
rm -rf "$target_dir/packages" && mkdir -p "$target_dir/packages"
"$JAVA_HOME/bin/jpackage" --type dmg --dest "$target_dir/packages" "${jpackage_args[@]}" \
  --icon "$target_dir/Gatehouse.icns" \
  --file-associations "$(file_association "$target_dir/Gatehouse.icns")" \
  --mac-package-identifier dev.gatehouse.console --mac-package-name Gatehouse \
  --mac-app-category public.app-category.developer-tools "${signing[@]}"
log "$(ls "$target_dir"/packages/*.dmg) in $(elapsed_since "$started")"
