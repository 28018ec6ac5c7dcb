using System.ComponentModel;
using System.Runtime.InteropServices;

namespace EtcdNet.Cli.Output;

/// <summary>
/// A Unix standard stream read and written with <c>read(2)</c> and <c>write(2)</c> on its descriptor.
/// </summary>
/// <remarks>
/// Not a <see cref="FileStream"/>: on a regular file that one writes at its own position without moving the
/// descriptor's shared offset, so in <c>{ etcdnet put a 1; echo done; } &gt; out</c> the next writer would overwrite
/// what this process wrote. Writes stop quietly once the reader has gone (EPIPE, as in
/// <c>etcdnet get --prefix "" | head</c>), as .NET's console does: the command goes on and exits normally.
/// </remarks>
internal sealed partial class DescriptorStream(int descriptor, FileAccess access) : Stream
{
    private const int Interrupted = 4; // EINTR
    private const int BrokenPipe = 32; // EPIPE on Linux and macOS
    private volatile bool _broken;

    public override bool CanRead => access.HasFlag(FileAccess.Read);

    public override bool CanSeek => false;

    public override bool CanWrite => access.HasFlag(FileAccess.Write);

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>True when <paramref name="descriptor"/> is open in this process.</summary>
    public static bool IsOpen(int descriptor) => FileDescriptorFlags(descriptor, 1 /* F_GETFD */) != -1;

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (true)
        {
            var read = ReadDescriptor(descriptor, buffer, buffer.Length);
            if (read >= 0)
            {
                return (int)read;
            }

            var error = Marshal.GetLastPInvokeError();
            if (error != Interrupted)
            {
                throw new IOException(new Win32Exception(error).Message, error);
            }
        }
    }

    /// <summary>Blocking reads (a terminal waiting for a line) run off the caller's thread.</summary>
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        new(Task.Factory.StartNew(() => Read(buffer.Span), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty && !_broken)
        {
            var written = WriteDescriptor(descriptor, buffer, buffer.Length);
            if (written >= 0)
            {
                buffer = buffer[(int)written..];
                continue;
            }

            var error = Marshal.GetLastPInvokeError();
            if (error == BrokenPipe)
            {
                _broken = true;
            }
            else if (error != Interrupted)
            {
                throw new IOException(new Win32Exception(error).Message, error);
            }
        }
    }

    /// <summary>Standard output is written synchronously, as the console writes it: a short write to a pipe or terminal.</summary>
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint ReadDescriptor(int descriptor, Span<byte> buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteDescriptor(int descriptor, ReadOnlySpan<byte> buffer, nint count);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int FileDescriptorFlags(int descriptor, int command);
}
