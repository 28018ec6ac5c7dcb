// hotpaths: the paths besides unary calls, measured with Go's clientv3 (etcd 3.4.23, from Debian's
// golang-etcd-server-dev), with the same flags and RESULT line as bench/hot/EtcdNet.HotPaths.
//
// Modes (-mode):
//   watch-fanout  one client; -watchers watchers on one prefix, created before the writes; one writer on the
//                 same client commits -txns transactions of -puts puts each. Measured from the first write to
//                 the moment every watcher has seen every event. A first round of -warmup-txns transactions is
//                 not measured.
//   leases        grants -leases leases with a TTL of -ttl (64 at a time), keeps all of them alive on one client
//                 and drains every renewal. Measured over -duration, starting once every lease has been renewed
//                 once. Leases are revoked at the end (not measured).
//   first-call    -samples times: a new client, one Get answered, the client closed. The first sample is the
//                 cold one (nothing of the client has run yet in this process), the others are warm.
//
// CPU is the process's own (getrusage RUSAGE_SELF, user + system) over the measured window.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"go.etcd.io/etcd/clientv3"
)

type result struct {
	Peer string `json:"peer"`
	Mode string `json:"mode"`

	Watchers       int     `json:"watchers,omitempty"`
	Events         int64   `json:"events_delivered,omitempty"`
	EventsPerSec   float64 `json:"events_per_s,omitempty"`
	CPUUsPerEvent  float64 `json:"cpu_us_per_event,omitempty"`
	Leases         int     `json:"leases,omitempty"`
	Lost           int64   `json:"lost"`
	Renewals       int64   `json:"renewals,omitempty"`
	RenewalsPerSec float64 `json:"renewals_per_s,omitempty"`
	CPUUsPerRenew  float64 `json:"cpu_us_per_renewal,omitempty"`
	ColdMs         float64 `json:"cold_ms,omitempty"`
	WarmP50Ms      float64 `json:"warm_p50_ms,omitempty"`
	Seconds        float64 `json:"seconds"`
	CPUSeconds     float64 `json:"cpu_s"`
}

func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime)
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}

func newClient(endpoints []string) *clientv3.Client {
	c, err := clientv3.New(clientv3.Config{Endpoints: endpoints, DialTimeout: 5 * time.Second})
	if err != nil {
		fail("connect: %v", err)
	}
	return c
}

func main() {
	endpoints := flag.String("endpoints", "127.0.0.1:23790", "comma-separated etcd endpoints")
	mode := flag.String("mode", "watch-fanout", "watch-fanout | leases | first-call")
	watchers := flag.Int("watchers", 100, "watchers (watch-fanout)")
	txns := flag.Int("txns", 500, "measured transactions (watch-fanout)")
	warmupTxns := flag.Int("warmup-txns", 100, "unmeasured transactions before the measured ones (watch-fanout)")
	puts := flag.Int("puts", 100, "puts per transaction (watch-fanout)")
	leases := flag.Int("leases", 10000, "leases kept alive (leases)")
	ttl := flag.Int64("ttl", 10, "lease TTL in seconds (leases)")
	duration := flag.Duration("duration", 30*time.Second, "measured window (leases)")
	samples := flag.Int("samples", 20, "clients created one after another (first-call)")
	prefix := flag.String("prefix", "hot/", "key prefix")
	flag.Parse()

	eps := strings.Split(*endpoints, ",")
	var r result
	switch *mode {
	case "watch-fanout":
		r = watchFanOut(eps, *prefix, *watchers, *warmupTxns, *txns, *puts)
	case "leases":
		r = keepLeases(eps, *leases, *ttl, *duration)
	case "first-call":
		r = firstCall(eps, *prefix, *samples)
	default:
		fmt.Fprintf(os.Stderr, "unknown -mode %q\n", *mode)
		os.Exit(2)
	}
	r.Peer = "go-clientv3"
	r.Mode = *mode
	b, _ := json.Marshal(r)
	fmt.Printf("RESULT %s\n", b)
}

// watchRound writes txns transactions of puts puts under prefix and waits until every watcher has counted them.
func watchRound(c *clientv3.Client, prefix string, round int, txns, puts int, target int64, done chan struct{}) {
	value := strings.Repeat("v", 16)
	for t := 0; t < txns; t++ {
		ops := make([]clientv3.Op, puts)
		for i := range ops {
			ops[i] = clientv3.OpPut(fmt.Sprintf("%sr%d/%04d/%03d", prefix, round, t, i), value)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		_, err := c.Txn(ctx).Then(ops...).Commit()
		cancel()
		if err != nil {
			fail("txn: %v", err)
		}
	}
	select {
	case <-done:
	case <-time.After(5 * time.Minute):
		fail("watchers did not see %d events each", target)
	}
}

func watchFanOut(eps []string, base string, watchers, warmupTxns, txns, puts int) result {
	c := newClient(eps)
	defer c.Close()
	prefix := fmt.Sprintf("%sfanout-%d/", base, time.Now().UnixNano())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	counts := make([]int64, watchers)
	var targetA atomic.Value
	var remaining int64
	doneA := atomic.Value{}
	created := make(chan struct{}, watchers)
	arm := func(target int64) chan struct{} {
		done := make(chan struct{})
		targetA.Store(target)
		doneA.Store(done)
		atomic.StoreInt64(&remaining, int64(watchers))
		return done
	}
	done := arm(int64(warmupTxns * puts))
	for w := 0; w < watchers; w++ {
		go func(w int) {
			for resp := range c.Watch(ctx, prefix, clientv3.WithPrefix(), clientv3.WithCreatedNotify()) {
				if resp.Created {
					created <- struct{}{}
					continue
				}
				if resp.Err() != nil {
					fail("watch: %v", resp.Err())
				}
				n := atomic.AddInt64(&counts[w], int64(len(resp.Events)))
				target := targetA.Load().(int64)
				if n >= target && n-int64(len(resp.Events)) < target {
					if atomic.AddInt64(&remaining, -1) == 0 {
						close(doneA.Load().(chan struct{}))
					}
				}
			}
		}(w)
	}
	for w := 0; w < watchers; w++ {
		<-created
	}
	watchRound(c, prefix, 0, warmupTxns, puts, int64(warmupTxns*puts), done)

	done = arm(int64((warmupTxns + txns) * puts))
	cpu0 := cpuSeconds()
	t0 := time.Now()
	watchRound(c, prefix, 1, txns, puts, int64((warmupTxns+txns)*puts), done)
	elapsed := time.Since(t0).Seconds()
	cpu := cpuSeconds() - cpu0

	delivered := int64(watchers) * int64(txns*puts)
	cancel()
	dctx, dcancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer dcancel()
	if _, err := c.Delete(dctx, prefix, clientv3.WithPrefix()); err != nil {
		fail("cleanup: %v", err)
	}
	return result{Watchers: watchers, Events: delivered, EventsPerSec: float64(delivered) / elapsed,
		CPUUsPerEvent: cpu * 1e6 / float64(delivered), Seconds: elapsed, CPUSeconds: cpu}
}

func forEachParallel(n, workers int, body func(i int)) {
	var next int64 = -1
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(atomic.AddInt64(&next, 1))
				if i >= n {
					return
				}
				body(i)
			}
		}()
	}
	wg.Wait()
}

func keepLeases(eps []string, count int, ttl int64, duration time.Duration) result {
	c := newClient(eps)
	defer c.Close()
	ids := make([]clientv3.LeaseID, count)
	forEachParallel(count, 64, func(i int) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		g, err := c.Grant(ctx, ttl)
		if err != nil {
			fail("grant: %v", err)
		}
		ids[i] = g.ID
	})

	ctx, cancel := context.WithCancel(context.Background())
	var renewals, lost int64
	var wg sync.WaitGroup
	for _, id := range ids {
		ch, err := c.KeepAlive(ctx, id)
		if err != nil {
			fail("keepalive: %v", err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range ch {
				atomic.AddInt64(&renewals, 1)
			}
			if ctx.Err() == nil {
				atomic.AddInt64(&lost, 1)
			}
		}()
	}
	deadline := time.Now().Add(time.Duration(ttl) * time.Second)
	for atomic.LoadInt64(&renewals) < int64(count) {
		if time.Now().After(deadline) {
			fail("the first renewal of every lease took longer than the TTL")
		}
		time.Sleep(10 * time.Millisecond)
	}

	r0 := atomic.LoadInt64(&renewals)
	cpu0 := cpuSeconds()
	t0 := time.Now()
	time.Sleep(duration)
	n := atomic.LoadInt64(&renewals) - r0
	cpu := cpuSeconds() - cpu0
	elapsed := time.Since(t0).Seconds()
	lostNow := atomic.LoadInt64(&lost)

	cancel()
	wg.Wait()
	forEachParallel(count, 64, func(i int) {
		rctx, rcancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer rcancel()
		c.Revoke(rctx, ids[i])
	})
	r := result{Leases: count, Lost: lostNow, Renewals: n, RenewalsPerSec: float64(n) / elapsed, Seconds: elapsed, CPUSeconds: cpu}
	if n > 0 {
		r.CPUUsPerRenew = cpu * 1e6 / float64(n)
	}
	return r
}

func firstCall(eps []string, prefix string, samples int) result {
	var times []float64
	cpu0 := cpuSeconds()
	t := time.Now()
	for s := 0; s < samples; s++ {
		t0 := time.Now()
		c := newClient(eps)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		_, err := c.Get(ctx, prefix+"first-call")
		cancel()
		times = append(times, float64(time.Since(t0).Microseconds())/1000)
		c.Close()
		if err != nil {
			fail("get: %v", err)
		}
	}
	r := result{ColdMs: times[0], Seconds: time.Since(t).Seconds(), CPUSeconds: cpuSeconds() - cpu0}
	warm := append([]float64(nil), times[1:]...)
	sort.Float64s(warm)
	if len(warm) > 0 {
		r.WarmP50Ms = warm[len(warm)/2]
	}
	return r
}
