namespace EtcdNet.Cli.Output;

/// <summary>A reader opened on first use, so that standard input is only touched by commands that read it.</summary>
internal sealed class DeferredReader(Func<TextReader> open) : TextReader
{
    private readonly Lazy<TextReader> _reader = new(open);

    public override int Peek() => _reader.Value.Peek();

    public override int Read() => _reader.Value.Read();

    public override int Read(Span<char> buffer) => _reader.Value.Read(buffer);

    public override string? ReadLine() => _reader.Value.ReadLine();

    public override string ReadToEnd() => _reader.Value.ReadToEnd();

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) => _reader.Value.ReadAsync(buffer, cancellationToken);

    public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => _reader.Value.ReadLineAsync(cancellationToken);

    public override Task<string> ReadToEndAsync(CancellationToken cancellationToken) => _reader.Value.ReadToEndAsync(cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _reader.IsValueCreated)
        {
            _reader.Value.Dispose();
        }

        base.Dispose(disposing);
    }
}
