namespace EtcdNet.RobustnessTests.Checking;

/// <summary>
/// A model of etcd's store restricted to a set of keys: applies one operation with its response to a state, and says
/// whether etcd could have given that response in that state. Writes that change the store get a new revision, higher
/// than any seen before; reads see the state as it is, at a revision no lower than any seen before.
/// </summary>
public sealed class KvModel(IReadOnlyList<string> keys)
{
    private readonly Dictionary<string, int> _index = keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);

    public IReadOnlyList<string> Keys => keys;

    public ModelState Initial => new(new KeyState?[keys.Count], 0);

    /// <summary>The state after <paramref name="input"/> answered <paramref name="output"/>, or null when etcd could not have answered so.</summary>
    public ModelState? Step(ModelState state, KvInput input, KvOutput output)
    {
        var revision = output.Revision;
        switch (input)
        {
            case PutInput put:
                return revision > state.MaxRevision ? Write(state, revision, (put.Key, put.Value)) : null;

            case GetInput get:
                return Read(state, revision, output, get.Key);

            case DeleteInput delete:
            {
                var i = _index[delete.Key];
                if (output.Succeeded)
                {
                    return state[i] is not null && revision > state.MaxRevision ? state.With(revision, (i, null)) : null;
                }

                return state[i] is null && revision >= state.MaxRevision ? state.With(revision) : null;
            }

            case CasInput cas:
            {
                var holds = (state[_index[cas.Key]]?.ModRevision ?? 0) == cas.ExpectedModRevision;
                if (output.Succeeded)
                {
                    return holds && revision > state.MaxRevision ? Write(state, revision, (cas.Key, cas.Value)) : null;
                }

                return holds ? null : Read(state, revision, output, cas.Key);
            }

            case TransferInput transfer:
            {
                var holds = state[_index[transfer.KeyA]]?.Value == transfer.ExpectA && state[_index[transfer.KeyB]]?.Value == transfer.ExpectB;
                if (output.Succeeded)
                {
                    return holds && revision > state.MaxRevision ? Write(state, revision, (transfer.KeyA, transfer.NewA), (transfer.KeyB, transfer.NewB)) : null;
                }

                return holds ? null : Read(state, revision, output, transfer.KeyA, transfer.KeyB);
            }

            default:
                throw new ArgumentException($"unknown input {input}", nameof(input));
        }
    }

    private ModelState? Read(ModelState state, long revision, KvOutput output, params string[] readKeys)
    {
        if (revision < state.MaxRevision || output.ReadsOrEmpty.Count != readKeys.Length)
        {
            return null;
        }

        for (var r = 0; r < readKeys.Length; r++)
        {
            if (!Equals(state[_index[readKeys[r]]], output.ReadsOrEmpty[r]))
            {
                return null;
            }
        }

        return state.With(revision);
    }

    private ModelState Write(ModelState state, long revision, params (string Key, string Value)[] puts)
    {
        var changes = puts.Select(p =>
        {
            var i = _index[p.Key];
            var old = state[i];
            return (i, (KeyState?)new KeyState(p.Value, (old?.Version ?? 0) + 1, old?.CreateRevision ?? revision, revision));
        }).ToArray();
        return state.With(revision, changes);
    }
}
