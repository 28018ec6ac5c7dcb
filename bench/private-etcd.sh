# Sourced by bench/peer/compare.sh and bench/hot/compare.sh (with PEERS_DIR set): uses the peers' private etcd on
# 127.0.0.1:23790 if one runs, or starts it (../shared/peers/etcd-start.sh) and stops it when the script exits.
mkdir -p /tmp/peers
PRIVATE_ETCD_PID_FILE=/tmp/peers/etcd-23790.pid
PRIVATE_ETCD_STARTED=0
if [ -f "$PRIVATE_ETCD_PID_FILE" ] && kill -0 "$(cat "$PRIVATE_ETCD_PID_FILE")" 2>/dev/null; then
  echo "# using the etcd already running (pid $(cat "$PRIVATE_ETCD_PID_FILE"))"
else
  "$PEERS_DIR/etcd-start.sh"
  PRIVATE_ETCD_STARTED=1
fi
stop_private_etcd() { if [ "$PRIVATE_ETCD_STARTED" = 1 ]; then "$PEERS_DIR/etcd-stop.sh"; fi; }
trap stop_private_etcd EXIT
