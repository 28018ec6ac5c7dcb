// naming: Go's naming/endpoints manager (etcd 3.4.23, from golang-etcd-server-dev) driven from the command line, so
// that the .NET tests can check that both sides read what the other writes.
//
//   naming -endpoints E -service S add KEY ADDR [METADATA-JSON]   registers an endpoint (no lease)
//   naming -endpoints E -service S delete KEY                     deregisters it
//   naming -endpoints E -service S list                           prints {"key":{"Addr":…,"Metadata":…},…}
//   naming -endpoints E -service S watch N                        prints each batch of updates as one JSON line
//                                                                 ([{"Op":0|1,"Key":…,"Addr":…,"Metadata":…}]) until N
//                                                                 updates were seen; "READY" first, once watching
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"go.etcd.io/etcd/clientv3"
	"go.etcd.io/etcd/clientv3/naming/endpoints"
)

type update struct {
	Op       int
	Key      string
	Addr     string
	Metadata interface{}
}

func main() {
	eps := flag.String("endpoints", "127.0.0.1:2379", "comma-separated etcd endpoints")
	service := flag.String("service", "", "service name")
	flag.Parse()
	args := flag.Args()
	if len(args) == 0 {
		fail("usage: naming -endpoints E -service S add|delete|list|watch ...")
	}
	c, err := clientv3.New(clientv3.Config{Endpoints: strings.Split(*eps, ","), DialTimeout: 5 * time.Second})
	if err != nil {
		fail("connect: %v", err)
	}
	defer c.Close()
	m, err := endpoints.NewManager(c, *service)
	if err != nil {
		fail("manager: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	switch args[0] {
	case "add":
		ep := endpoints.Endpoint{Addr: args[2]}
		if len(args) > 3 {
			if err := json.Unmarshal([]byte(args[3]), &ep.Metadata); err != nil {
				fail("metadata: %v", err)
			}
		}
		check(m.AddEndpoint(ctx, args[1], ep))
	case "delete":
		check(m.DeleteEndpoint(ctx, args[1]))
	case "list":
		list, err := m.List(ctx)
		check(err)
		b, _ := json.Marshal(list)
		fmt.Println(string(b))
	case "watch":
		want, _ := strconv.Atoi(args[1])
		ch, err := m.NewWatchChannel(ctx)
		check(err)
		fmt.Println("READY")
		for seen := 0; seen < want; {
			batch, ok := <-ch
			if !ok {
				fail("watch ended after %d updates", seen)
			}
			out := make([]update, 0, len(batch))
			for _, u := range batch {
				out = append(out, update{Op: int(u.Op), Key: u.Key, Addr: u.Endpoint.Addr, Metadata: u.Endpoint.Metadata})
			}
			seen += len(batch)
			b, _ := json.Marshal(out)
			fmt.Println(string(b))
		}
	default:
		fail("unknown command %q", args[0])
	}
}

func check(err error) {
	if err != nil {
		fail("%v", err)
	}
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}
