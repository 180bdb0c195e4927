#!/usr/bin/env bash
# Runs every check Tandem has, in the order a failure is cheapest to find: typecheck, lint, unit
# and integration tests, then a production build and the browser tests against it. Stops at the
# first failing stage. Expects `pnpm install` to have run (the README's command does that).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The network may be closed; nothing here should wait on it.
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

# Tasks are CPU-bound; more of them than cores only makes timeouts likelier.
concurrency="${VERIFY_CONCURRENCY:-$(nproc 2>/dev/null || echo 2)}"

passed=0
transcript="$(mktemp)"
current=""
started_at=$SECONDS

on_exit() {
  local status=$?
  rm -f "$transcript"
  if [[ $status -ne 0 && -n "$current" ]]; then
    printf '\n==> verify: stage "%s" failed (exit %d) after %d stage(s) passed\n' "$current" "$status" "$passed" >&2
  fi
}
trap on_exit EXIT

# stage NAME COMMAND...: prints a header, runs the command, counts it when it succeeds.
stage() {
  current="$1"
  shift
  local stage_started=$SECONDS
  printf '\n==> %s\n    $ %s\n\n' "$current" "$*"
  # Keep a copy of the output to count the tests that ran (vitest's "Tests  N passed" lines and
  # Playwright's "N passed" line).
  "$@" 2>&1 | tee -a "$transcript"
  passed=$((passed + 1))
  printf '\n==> %s: ok (%ds)\n' "$current" "$((SECONDS - stage_started))"
  current=""
}

# Finds a Chromium for Playwright (it cannot download its own here) and exports CHROMIUM_PATH,
# which apps/admin/playwright.config.ts reads. Installs Debian's package when we can.
ensure_chromium() {
  if [[ -n "${CHROMIUM_PATH:-}" ]]; then
    if [[ -x "$CHROMIUM_PATH" ]]; then
      echo "Using CHROMIUM_PATH=$CHROMIUM_PATH"
      return 0
    fi
    echo "CHROMIUM_PATH is set to '$CHROMIUM_PATH', which is not an executable file." >&2
    return 1
  fi

  local candidate
  for candidate in /usr/bin/chromium chromium chromium-browser google-chrome-stable google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then
      CHROMIUM_PATH="$(command -v "$candidate")"
      export CHROMIUM_PATH
      echo "Using $CHROMIUM_PATH"
      return 0
    fi
  done

  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "Chromium is missing; installing Debian's chromium package."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends chromium
    CHROMIUM_PATH=/usr/bin/chromium
    export CHROMIUM_PATH
    return 0
  fi

  cat >&2 <<'EOF'
The browser tests need Chromium and none was found.
  - On Debian/Ubuntu:  sudo apt-get install -y chromium
  - Elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/the/browser
EOF
  return 1
}

# Vitest reports unhandled errors (a rejection nobody awaited in time) but, in the packages whose
# tests share the PostgreSQL global setup, still exits 0; fail on them here so none slips through.
no_unhandled_errors() {
  if sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$transcript" | grep -n "Unhandled Errors\|Unhandled Rejection"; then
    echo "The tests above left unhandled errors: find the 'Unhandled Rejection' blocks in the output." >&2
    return 1
  fi
  echo "No unhandled errors."
}

stage "Chromium for the browser tests" ensure_chromium
stage "Typecheck, lint, unit and integration tests" \
  pnpm turbo run typecheck lint test --concurrency="$concurrency"
# The server serves the built PWA at /app/, so build it alongside the admin app.
stage "No unhandled errors in the tests" no_unhandled_errors
stage "Production build" \
  pnpm turbo run build --filter=@tandem/admin... --filter=@tandem/pwa... --concurrency="$concurrency"
stage "Browser tests (Playwright + axe)" pnpm --filter @tandem/admin e2e

printf '\n==> verify: all stages passed in %ds\n' "$((SECONDS - started_at))"
tests=$(sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$transcript" \
  | grep -oE '(Tests +[0-9]+ passed|^ +[0-9]+ passed \()' \
  | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/) sum += $i } END { print sum + 0 }')
echo "verify: ${tests:-0} passed, 0 failed"
