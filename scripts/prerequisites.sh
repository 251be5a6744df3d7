# Checks (and where this machine allows, provides) what the build, the tests and the run command need.
# Sourced by test.sh, run.sh and .ci/run. Each function explains itself when something is missing.

fail() { echo "error: $*" >&2; exit 1; }

ensure_java() {
  command -v java > /dev/null || fail "Java 17 or newer is required (e.g. apt-get install openjdk-17-jdk)."
  local version
  version=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  [ "${version:-0}" -ge 17 ] || fail "Java 17 or newer is required; found version ${version:-unknown}."
}

ensure_maven() {
  command -v mvn > /dev/null || fail "Maven 3.8 or newer is required (e.g. apt-get install maven)."
}

mariadb_answers() {
  if command -v mysqladmin > /dev/null; then
    mysqladmin --protocol=tcp -h 127.0.0.1 -P 3306 -uroot ping > /dev/null 2>&1
  else
    (exec 3<>/dev/tcp/127.0.0.1/3306) 2> /dev/null
  fi
}

# Integration tests use the MariaDB on 127.0.0.1:3306 (root, no password) unless TEST_DATABASE_URL is set.
ensure_test_database() {
  [ -n "${TEST_DATABASE_URL:-}" ] && return 0
  mariadb_answers && return 0
  if [ -x /usr/sbin/mariadbd ] && command -v start-stop-daemon > /dev/null; then
    echo "Starting MariaDB..."
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
    for _ in $(seq 1 60); do mariadb_answers && return 0; sleep 0.5; done
    fail "MariaDB did not come up on 127.0.0.1:3306."
  fi
  echo "note: no MariaDB on 127.0.0.1:3306; the tests will use Testcontainers if a Docker engine runs." >&2
}

redis_answers() {
  if command -v redis-cli > /dev/null; then
    redis-cli -h 127.0.0.1 -p 6379 ping > /dev/null 2>&1
  else
    (exec 3<>/dev/tcp/127.0.0.1/6379) 2> /dev/null
  fi
}

# The gateway's shared rate-limit test runs two gateways on one Redis.
ensure_redis() {
  redis_answers && return 0
  if command -v redis-server > /dev/null; then
    echo "Starting Redis..."
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no > /dev/null
    for _ in $(seq 1 40); do redis_answers && return 0; sleep 0.25; done
  fi
  fail "Redis is required on 127.0.0.1:6379 for the gateway tests (e.g. apt-get install redis-server)."
}

# The gateway's build installs the reference UI's browser libraries (pusher-js) with npm; realtime's tests run pusher-js.
ensure_npm() {
  command -v npm > /dev/null || fail "Node.js 18+ with npm is required to build the gateway's UI and run the realtime tests \
(e.g. apt-get install nodejs npm)."
}

# The reference UI's browser tests (system-tests) drive Debian's Chromium with Debian's chromedriver.
ensure_chromium() {
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    fail "The browser tests need /usr/bin/chromium and /usr/bin/chromedriver: run as root once, or \
sudo apt-get update && sudo apt-get install -y chromium chromium-driver."
  fi
  command -v apt-get > /dev/null || fail "The browser tests need Chromium and chromedriver at /usr/bin/chromium and \
/usr/bin/chromedriver (Debian packages chromium and chromium-driver); this machine has no apt-get to install them."
  echo "Installing Chromium and chromedriver for the browser tests..."
  apt-get update -qq || fail "apt-get update failed; cannot install chromium."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver > /dev/null \
    || fail "apt-get install chromium chromium-driver failed."
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
    || fail "chromium and chromium-driver were installed but /usr/bin/chromium or /usr/bin/chromedriver is missing."
}

# Packages every module's jar (no tests) unless SKIP_BUILD is set; MAVEN_OFFLINE=1 builds without the network.
build_jars() {
  [ -n "${SKIP_BUILD:-}" ] && return 0
  echo "$1"
  mvn -B -ntp -q -DskipTests package ${MAVEN_OFFLINE:+-o} || fail "the build failed; see the Maven output above."
}
