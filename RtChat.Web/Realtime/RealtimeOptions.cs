namespace RtChat.Web.Realtime;

/// <summary>The <c>Realtime</c> section: the bounds every socket lives within.</summary>
public sealed class RealtimeOptions
{
    public const string Section = "Realtime";

    /// <summary>Origins besides the site's own that may open sockets (e.g. https://chat.example.com).</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Frames waiting for one socket; a client that falls this far behind is dropped.</summary>
    public int SendQueueLimit { get; set; } = 256;

    /// <summary>The largest frame a client may send, in bytes (larger: close 1009).</summary>
    public int MaxClientFrameBytes { get; set; } = 4096;

    /// <summary>Missed messages replayed on reconnect; past this the page reloads.</summary>
    public int ResumeLimit { get; set; } = 100;

    /// <summary>
    /// Messages at or below the page's newest that a resume sends again (the page skips those it has): across nodes a
    /// message can reach a page after a newer one, and this many cover the ones still on their way when it went away.
    /// </summary>
    public int ResumeOverlap { get; set; } = 10;

    /// <summary>How long a new socket waits for the page to say its last message id.</summary>
    public TimeSpan ResumeWait { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Presence entries not refreshed within this time expire (a crashed node's among them).</summary>
    public TimeSpan PresenceTtl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Presence changes are gathered and sent at most this often per room.</summary>
    public TimeSpan PresenceInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Who is typing is sent at most this often per room.</summary>
    public TimeSpan TypingInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Someone whose page has not said they are typing for this long is no longer shown typing.</summary>
    public TimeSpan TypingTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Sockets one user may hold open on a node (a page each); past it a new one is refused with 429.</summary>
    public int MaxSocketsPerUser { get; set; } = 30;

    /// <summary>Sockets one user may open per minute (reconnects included); past it: 429.</summary>
    public int SocketOpensPerMinute { get; set; } = 120;

    /// <summary>How often every open socket's sign-in is checked again (user, lockout, security stamp).</summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages one user may send per <see cref="SendWindow"/>.</summary>
    public int SendLimit { get; set; } = 20;
    public TimeSpan SendWindow { get; set; } = TimeSpan.FromSeconds(10);
}
