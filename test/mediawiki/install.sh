#!/usr/bin/env bash
# Installs Debian's MediaWiki (1.39 LTS) and the PHP CLI bits the MediaWiki test fixture needs.
# Idempotent: a quick no-op when everything is already present.
set -euo pipefail

PKGS=(mediawiki php-cli php-sqlite3 php-mbstring php-xml php-intl)
MW_DIR="${WATCHDECK_MW_DIR:-/usr/share/mediawiki}"

have_all() {
  command -v php >/dev/null 2>&1 || return 1
  [ -f "$MW_DIR/maintenance/install.php" ] || return 1
  php -r 'exit(extension_loaded("pdo_sqlite") && extension_loaded("mbstring") && extension_loaded("xml") && extension_loaded("intl") ? 0 : 1);' || return 1
}

if have_all; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" != "0" ]; then
  SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
echo "[mediawiki/install.sh] installing: ${PKGS[*]}" >&2
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq --no-install-recommends "${PKGS[@]}" >&2

if ! have_all; then
  echo "[mediawiki/install.sh] install finished but MediaWiki/PHP still incomplete" >&2
  exit 1
fi
