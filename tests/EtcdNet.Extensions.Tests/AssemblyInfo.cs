// The configuration provider's Load() blocks a thread-pool thread by design (IConfigurationProvider.Load is
// synchronous); several test classes doing that at once can starve the pool and delay the timed reload
// assertions by the pool's thread injection (about a second). The classes run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
