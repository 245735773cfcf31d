# Sourced by scripts/run and scripts/test: install the Debian 12 packages the project needs.
# Skips apt entirely when everything is already there, so re-runs are fast.
DLM_PACKAGES=(
  cmake ninja-build g++ pkg-config zlib1g-dev libeigen3-dev
  qt6-base-dev qt6-charts-dev qt6-serialport-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-svg-dev libqcustomplot-dev libgl-dev libqt6opengl6-dev libxkbcommon-dev
  gcc-arm-none-eabi libnewlib-arm-none-eabi libstdc++-arm-none-eabi-newlib qemu-system-arm
  python3 python3-sklearn dataset-fashion-mnist xvfb xauth dpkg-dev file desktop-file-utils
  mosquitto libmosquitto-dev openssl
  clang libclang-rt-14-dev llvm
)

dlm_install_deps() {
  local missing=()
  local p
  for p in "${DLM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "error: need root or sudo to install packages" >&2; return 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -q
  # sudo clears the environment: the variable goes after it, through env.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

dlm_configure() {
  local dir="$1"
  shift
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S "$DLM_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@"
  fi
}
