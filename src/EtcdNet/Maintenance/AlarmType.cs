namespace EtcdNet;

/// <summary>The kind of an etcd alarm (etcd's <c>AlarmType</c>).</summary>
public enum AlarmType
{
    /// <summary>No alarm; in a disarm request together with member 0 it means "every alarm".</summary>
    None = 0,

    /// <summary>The backend database exceeded its quota (<c>--quota-backend-bytes</c>): writes fail with <see cref="EtcdNoSpaceException"/> until space is freed and the alarm disarmed.</summary>
    NoSpace = 1,

    /// <summary>A corruption check found members whose data differs.</summary>
    Corrupt = 2,
}
