using EtcdNet.Transport;

namespace EtcdNet.Resilience;

/// <summary>The pool's entries: one per endpoint, and the immutable set of them.</summary>
internal sealed partial class EndpointPool
{
    private sealed class Entry(GrpcEndpoint endpoint, int index)
    {
        public readonly GrpcEndpoint Endpoint = endpoint;
        public readonly int Index = index;
        public long SetAsideUntil;
        public int Failures;
        public bool Answered;
        public bool OnProbation; // failed; back in the rotation only after a success there
        public int Probing; // 1 while a probe loop runs
    }

    /// <summary>One immutable endpoint set: the entries in order, and by slot.</summary>
    private sealed class EndpointSet
    {
        private readonly Entry?[] _bySlot = new Entry?[MaxEndpoints];

        public EndpointSet(Entry[] entries)
        {
            Entries = entries;
            foreach (var entry in entries)
            {
                _bySlot[entry.Index] = entry;
                Mask |= 1UL << entry.Index;
            }
        }

        public Entry[] Entries { get; }

        public ulong Mask { get; }

        public Entry? Find(int index) => (uint)index < MaxEndpoints ? _bySlot[index] : null;
    }
}
