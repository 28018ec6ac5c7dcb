using Microsoft.Extensions.Logging;

namespace EtcdNet.Diagnostics;

/// <summary>Log messages of authentication (category <c>EtcdNet.Auth</c>, event ids 4000-4099). No token or password is ever logged.</summary>
internal static partial class AuthLog
{
    [LoggerMessage(EventId = 4001, EventName = "AuthTokenRefreshed", Level = LogLevel.Information,
        Message = "Authenticated as {User}: obtained a new auth token")]
    public static partial void TokenRefreshed(ILogger logger, string user);
}
