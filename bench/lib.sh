# Shared by the bench scripts (sourced): tools, a work directory whose processes stop on exit,
# waiting for a port, and the nginx origin that answers a chat completion from memory.
# The sourcing script defines log() first.

# Debian packages, installed with apt-get (needs root); the package lists are refreshed only if needed.
bench_apt_install() {  # package...
  log "installing $*"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "$@" >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q "$@" >/dev/null; }
}

# nginx and wrk from Debian's packages, installed when missing.
bench_need_nginx_wrk() {
  if ! command -v nginx >/dev/null 2>&1 || ! command -v wrk >/dev/null 2>&1; then
    bench_apt_install nginx-light wrk
  fi
}

# Sets $work (a fresh directory named after $1) and $pids; on exit every pid in $pids is stopped
# (TERM, then KILL half a second later) and $work removed.
bench_workdir() {  # name
  work=$(mktemp -d "/tmp/gatehouse-$1.XXXXXX")
  pids=()
  trap bench_cleanup EXIT
}

bench_cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 0.5
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}

wait_port() {  # port, seconds
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  log "nothing listens on port $1 after $2 s"; return 1
}

# The OpenAI-style chat completion (non-streamed, with usage) that the origins answer.
bench_chat_answer() {  # model
  printf '%s' '{"id":"chatcmpl-bench","object":"chat.completion","created":1700000000,"model":"'"$1"'","choices":[{"index":0,"message":{"role":"assistant","content":"hello"},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}'
}

# Starts a one-worker nginx on 127.0.0.1:port answering POST path with bench_chat_answer from memory
# (404 elsewhere), its files under $work, its pid added to $pids.
bench_chat_origin() {  # port path model
  cat > "$work/origin.conf" <<CONF
daemon off;
master_process on;
pid $work/origin.pid;
error_log $work/origin-error.log warn;
worker_processes 1;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/origin-tmp;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$1 backlog=4096;
    location = $2 { default_type application/json; return 200 '$(bench_chat_answer "$3")'; }
    location / { return 404; }
  }
}
CONF
  nginx -e "$work/origin-boot.log" -p "$work" -c "$work/origin.conf" & pids+=($!)
}
