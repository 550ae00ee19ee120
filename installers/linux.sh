#!/usr/bin/env bash
# Builds Gatehouse's Linux installers with jpackage: the app-image (a directory that runs as is),
# then a .deb and an .rpm made from it. Output in installers/target/ (app-image/, packages/).
#   installers/linux.sh                  app-image, deb and rpm
#   installers/linux.sh app-image        only the app-image (what CI smoke-tests)
#   installers/linux.sh deb | rpm ...    the app-image and those packages
# The packages install into /opt/gatehouse, put `gatehouse` on the PATH, add a menu entry and
# open *.gatehouse config files; they depend on GTK 3 for the console.
set -euo pipefail
log() { echo "installers: $*" >&2; }
# shellcheck source=inputs.sh
source "$(dirname "${BASH_SOURCE[0]}")/inputs.sh"

if [ "$(uname -s)" != Linux ]; then
  log "linux.sh builds Linux packages and runs on Linux only (this is $(uname -s)); use windows.sh or macos.sh there"
  exit 2
fi
types=("$@")
[ ${#types[@]} -gt 0 ] || types=(app-image deb rpm)
for type in "${types[@]}"; do
  case "$type" in
    app-image|deb|rpm) ;;
    msi|dmg) log "jpackage builds a .$type only on its own OS: run installers/$([ "$type" = msi ] && echo windows || echo macos).sh there"; exit 2 ;;
    *) log "unknown type \"$type\" (app-image, deb or rpm)"; exit 2 ;;
  esac
done
need_java_tools

# jpackage builds a .deb with dpkg-deb under fakeroot and an .rpm with rpmbuild; installed from
# Debian's packages when missing (as root; CI does the same), else it says what to install.
need_packaging_tools() {
  local missing=()
  case " ${types[*]} " in *" deb "*) command -v fakeroot >/dev/null || missing+=(fakeroot)
                                     command -v dpkg-deb >/dev/null || missing+=(dpkg-dev) ;; esac
  case " ${types[*]} " in *" rpm "*) command -v rpmbuild >/dev/null || missing+=(rpm) ;; esac
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q "${missing[@]}" >/dev/null \
      || { apt-get update -q >/dev/null && apt-get install -y -q "${missing[@]}" >/dev/null; }
  else
    log "jpackage needs ${missing[*]} for these packages: install them (apt-get install ${missing[*]}, or dnf install rpm-build)"
    exit 1
  fi
}
need_packaging_tools

started=$SECONDS
build_app
mkdir -p "$target_dir"
stage_input Linux
step=$SECONDS
make_runtime
log "runtime $(du -sh "$target_dir/runtime" | cut -f1) ($(elapsed_since "$step")); the whole JDK is $(du -sh "$JAVA_HOME" | cut -f1)"

step=$SECONDS
common_jpackage_args
rm -rf "$target_dir/app-image"
"$JAVA_HOME/bin/jpackage" --type app-image --dest "$target_dir/app-image" "${jpackage_args[@]}" \
  --icon "$icons_dir/gatehouse-256.png"
image="$target_dir/app-image/$app_name"
log "app-image $image: $(du -sh "$image" | cut -f1) ($(elapsed_since "$step"))"

mkdir -p "$target_dir/packages"
# jpackage takes a package's menu icon from the resource directory (it ignores --icon next to
# --app-image): the committed scripts and desktop entry, plus the icon under the launcher's name.
resources="$target_dir/resources-linux"
rm -rf "$resources" && cp -r "$installers_dir/resources/linux" "$resources"
cp "$icons_dir/gatehouse-256.png" "$resources/$app_name.png"
for type in "${types[@]}"; do
  [ "$type" = app-image ] && continue
  step=$SECONDS
  rm -f "$target_dir"/packages/*."$type"
  # GTK 3 for the console's windows (JavaFX's glass) and what its native code links. For a .deb
  # jpackage also finds every library the image's native code needs with dpkg -S (JavaFX's too,
  # since they lie outside their jars); rpm can do that only on an RPM-based build machine, so the
  # .rpm names them all (Fedora/RHEL names) and xdg-utils for the menu entry and file type.
  if [ "$type" = deb ]; then deps="libgtk-3-0, xdg-utils"
  else deps="gtk3, mesa-libGL, libXtst, libXxf86vm, xdg-utils"; fi
  "$JAVA_HOME/bin/jpackage" --type "$type" --dest "$target_dir/packages" --app-image "$image" \
    --name "$app_name" --app-version "$app_version" --vendor "$app_vendor" --description "$app_description" \
    --linux-package-name gatehouse --install-dir /opt \
    --linux-shortcut --linux-menu-group "Network;Development;" --linux-app-category net \
    --linux-deb-maintainer "gatehouse@localhost" --linux-rpm-license-type "Proprietary" \
    --linux-package-deps "$deps" \
    --file-associations "$(file_association "$icons_dir/gatehouse-128.png")" \
    --resource-dir "$resources" ${GATEHOUSE_JPACKAGE_VERBOSE:+--verbose}
  log "$(basename "$(ls "$target_dir"/packages/*."$type")"): $(du -h "$target_dir"/packages/*."$type" | cut -f1) ($(elapsed_since "$step"))"
done
log "done in $(elapsed_since "$started"): $target_dir"
