namespace EtcdNet.Extensions;

/// <summary>The configuration under a prefix could not be loaded from etcd (and the source is not optional).</summary>
public sealed class EtcdConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EtcdConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public EtcdConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The failure of the last attempt.</param>
    public EtcdConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
