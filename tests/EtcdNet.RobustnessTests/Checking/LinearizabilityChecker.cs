namespace EtcdNet.RobustnessTests.Checking;

/// <summary>
/// Checks a KV history for linearizability with the search of Wing and Gong as refined by Lowe and porcupine: walk the
/// history's call and return events in time order, linearize a pending call whenever the model accepts its response,
/// backtrack when a return is reached before its call was linearized, and never revisit a (set of linearized
/// operations, state) pair. The history is split into independent partitions first: keys are joined only when one
/// operation touches several. Operations whose <see cref="HistoryOperation.Return"/> is <see cref="long.MaxValue"/> may
/// be linearized at any point after their call.
/// </summary>
public static class LinearizabilityChecker
{
    public const long DefaultMaxSteps = 20_000_000;

    /// <summary>Checks every partition of <paramref name="operations"/> (those with an output; others are ignored).</summary>
    public static IReadOnlyList<LinearizabilityResult> Check(IEnumerable<HistoryOperation> operations, long maxSteps = DefaultMaxSteps)
    {
        var withOutput = operations.Where(o => o.Output is not null).ToList();
        return Partition(withOutput).Select(p => CheckPartition(p.Keys, p.Operations, maxSteps)).ToList();
    }

    /// <summary>Groups operations into the smallest sets of keys that no operation spans.</summary>
    public static IReadOnlyList<(IReadOnlyList<string> Keys, IReadOnlyList<HistoryOperation> Operations)> Partition(IReadOnlyList<HistoryOperation> operations)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string key)
        {
            while (parent[key] != key)
            {
                key = parent[key] = parent[parent[key]];
            }

            return key;
        }

        foreach (var key in operations.SelectMany(o => o.Input.Keys))
        {
            parent.TryAdd(key, key);
        }

        foreach (var keys in operations.Select(o => o.Input.Keys))
        {
            for (var i = 1; i < keys.Count; i++)
            {
                parent[Find(keys[i])] = Find(keys[0]);
            }
        }

        return operations
            .GroupBy(o => Find(o.Input.Keys[0]), StringComparer.Ordinal)
            .Select(g => ((IReadOnlyList<string>)parent.Keys.Where(k => Find(k) == g.Key).Order(StringComparer.Ordinal).ToList(), (IReadOnlyList<HistoryOperation>)g.ToList()))
            .ToList();
    }

    /// <summary>Checks one partition.</summary>
    public static LinearizabilityResult CheckPartition(IReadOnlyList<string> keys, IReadOnlyList<HistoryOperation> operations, long maxSteps = DefaultMaxSteps)
    {
        var model = new KvModel(keys);
        var head = BuildEntries(operations);
        var state = model.Initial;
        var linearized = new Bits(operations.Count);
        var seen = new HashSet<(Bits, ModelState)>();
        var stack = new Stack<(Entry Call, ModelState Before)>();
        var deepest = 0;
        string? explanation = null;
        var entry = head.Next;
        long steps = 0;
        while (head.Next is not null)
        {
            if (++steps > maxSteps)
            {
                return new LinearizabilityResult(keys, operations.Count, false, true, $"gave up after {maxSteps} steps with {stack.Count} of {operations.Count} operations linearized");
            }

            if (entry!.IsCall)
            {
                var next = model.Step(state, entry.Operation.Input, entry.Operation.Output!);
                if (next is not null)
                {
                    var bits = linearized.With(entry.Index);
                    if (seen.Add((bits, next)))
                    {
                        stack.Push((entry, state));
                        state = next;
                        linearized = bits;
                        entry.Lift();
                        entry = head.Next;
                        continue;
                    }
                }

                entry = entry.Next;
                continue;
            }

            // A return whose call is not linearized yet: the current prefix cannot be extended past it.
            if (stack.Count >= deepest)
            {
                deepest = stack.Count;
                explanation = Explain(stack, state, entry.Operation, model);
            }

            if (stack.Count == 0)
            {
                return new LinearizabilityResult(keys, operations.Count, false, false, explanation);
            }

            var (call, before) = stack.Pop();
            state = before;
            linearized = linearized.Without(call.Index);
            call.Unlift();
            entry = call.Next;
        }

        return new LinearizabilityResult(keys, operations.Count, true, false, null);
    }

    private static string Explain(Stack<(Entry Call, ModelState Before)> stack, ModelState state, HistoryOperation blocked, KvModel model)
    {
        var order = stack.Reverse().Select(s => s.Call.Operation).TakeLast(8);
        return $"  after {stack.Count} operations (the last ones: {string.Join("; ", order)}){Environment.NewLine}" +
               $"  in state {state}{Environment.NewLine}" +
               $"  no order explains {blocked}";
    }

    private static Entry BuildEntries(IReadOnlyList<HistoryOperation> operations)
    {
        var entries = new List<Entry>(operations.Count * 2);
        for (var i = 0; i < operations.Count; i++)
        {
            var call = new Entry(i, operations[i], isCall: true, operations[i].Call);
            var ret = new Entry(i, operations[i], isCall: false, operations[i].Return);
            call.Match = ret;
            entries.Add(call);
            entries.Add(ret);
        }

        // In time order; at equal times calls first, so operations that touch are treated as concurrent.
        entries.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : b.IsCall.CompareTo(a.IsCall));
        var head = new Entry(-1, null!, isCall: false, long.MinValue);
        var previous = head;
        foreach (var entry in entries)
        {
            previous.Next = entry;
            entry.Previous = previous;
            previous = entry;
        }

        return head;
    }

    private sealed class Entry(int index, HistoryOperation operation, bool isCall, long time)
    {
        public int Index { get; } = index;

        public HistoryOperation Operation { get; } = operation;

        public bool IsCall { get; } = isCall;

        public long Time { get; } = time;

        public Entry? Match { get; set; }

        public Entry? Previous { get; set; }

        public Entry? Next { get; set; }

        /// <summary>Removes this call and its return from the list.</summary>
        public void Lift()
        {
            Previous!.Next = Next;
            Next!.Previous = Previous;
            var match = Match!;
            match.Previous!.Next = match.Next;
            if (match.Next is not null)
            {
                match.Next.Previous = match.Previous;
            }
        }

        /// <summary>Puts this call and its return back where they were.</summary>
        public void Unlift()
        {
            var match = Match!;
            match.Previous!.Next = match;
            if (match.Next is not null)
            {
                match.Next.Previous = match;
            }

            Previous!.Next = this;
            Next!.Previous = this;
        }
    }

    /// <summary>An immutable bit set with value equality.</summary>
    private readonly struct Bits : IEquatable<Bits>
    {
        private readonly ulong[] _words;

        public Bits(int count) => _words = new ulong[(count + 63) / 64];

        private Bits(ulong[] words) => _words = words;

        public Bits With(int index)
        {
            var words = (ulong[])_words.Clone();
            words[index / 64] |= 1UL << (index % 64);
            return new Bits(words);
        }

        public Bits Without(int index)
        {
            var words = (ulong[])_words.Clone();
            words[index / 64] &= ~(1UL << (index % 64));
            return new Bits(words);
        }

        public bool Equals(Bits other) => _words.AsSpan().SequenceEqual(other._words);

        public override bool Equals(object? obj) => obj is Bits other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var word in _words)
            {
                hash.Add(word);
            }

            return hash.ToHashCode();
        }
    }
}
