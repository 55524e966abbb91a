using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace RtChat.Web.Tests.Support;

/// <summary>One .eml file the app dropped into its pickup folder.</summary>
public sealed partial record Mail(string File, DateTime WrittenAt, string To, string Subject, string Raw)
{
    /// <summary>The first http(s) link in the mail: the confirmation or reset link.</summary>
    /// <remarks>Punctuation right after a link ("(http://…)." in text bodies) is not part of it.</remarks>
    public Uri Link => HttpLink().Match(Raw) is { Success: true } match
        ? new Uri(match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')'))
        : throw new AssertionException($"No link in the mail \"{Subject}\" to {To}:\n{Raw}");

    public static Mail Read(string file)
    {
        var raw = System.IO.File.ReadAllText(file, Encoding.UTF8);
        var headers = raw[..Math.Max(0, raw.IndexOf("\r\n\r\n", StringComparison.Ordinal))];
        return new Mail(file, System.IO.File.GetLastWriteTimeUtc(file), Header(headers, "To"), DecodeWords(Header(headers, "Subject")), raw);
    }

    private static string Header(string headers, string name) =>
        Regex.Match(headers, $@"^{name}:[ \t]*(?<value>.*(?:\r\n[ \t].*)*)", RegexOptions.Multiline | RegexOptions.IgnoreCase)
            is { Success: true } match
            ? Regex.Replace(match.Groups["value"].Value, @"\r\n[ \t]+", " ").Trim()
            : "";

    /// <summary>Decodes RFC 2047 encoded words (MimeKit writes non-ASCII subjects as =?utf-8?b?...?= or =?utf-8?q?...?=).</summary>
    private static string DecodeWords(string value) =>
        EncodedWord().Replace(value.Replace("?= =?", "?==?", StringComparison.Ordinal), m =>
        {
            var charset = Encoding.GetEncoding(m.Groups["charset"].Value);
            var text = m.Groups["text"].Value;
            return m.Groups["encoding"].Value.ToUpperInvariant() == "B"
                ? charset.GetString(Convert.FromBase64String(text))
                : charset.GetString(QuotedPrintable(text.Replace('_', ' ')));
        });

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
                bytes.Add((byte)text[i]);
        }
        return [.. bytes];
    }

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<encoding>[BbQq])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex HttpLink();
}

/// <summary>Reads the mails the app writes to its pickup folder (MimeKit .eml files, CRLF lines, 8bit bodies).</summary>
public sealed class Mailbox(string directory)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public string Directory { get; } = directory;

    /// <summary>Every mail to <paramref name="address"/>, oldest first.</summary>
    public IReadOnlyList<Mail> To(string address) =>
        !System.IO.Directory.Exists(Directory)
            ? []
            : System.IO.Directory.EnumerateFiles(Directory, "*.eml")
                .Select(TryRead)
                .OfType<Mail>()
                .Where(m => IsTo(m, address))
                .OrderBy(m => m.WrittenAt)
                .ToList();

    private static Mail? TryRead(string file)
    {
        try { return Mail.Read(file); }
        catch (IOException) { return null; } // still being written: the next poll sees it
    }

    private static bool IsTo(Mail mail, string address)
    {
        if (mail.To.Length == 0) return false;
        var recipients = new System.Net.Mail.MailAddressCollection { mail.To };
        return recipients.Any(r => string.Equals(r.Address, address, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Waits (a few seconds at most) until at least <paramref name="count"/> mails to <paramref name="address"/>
    /// exist, then returns the newest.
    /// </summary>
    public async Task<Mail> WaitForMailAsync(string address, int count = 1)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var mails = To(address);
            if (mails.Count >= count)
                return mails[^1];
            if (clock.Elapsed > Patience)
                throw new AssertionException($"Expected {count} mail(s) to {address} in {Directory}, found {mails.Count} after {Patience.TotalSeconds}s.");
            await Task.Delay(50);
        }
    }
}
