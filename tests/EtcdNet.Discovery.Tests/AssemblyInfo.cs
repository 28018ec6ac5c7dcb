// Each test class starts its own etcd cluster (three members for the failover tests) and several assert time bounds
// of a lease TTL: on a small machine they run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
